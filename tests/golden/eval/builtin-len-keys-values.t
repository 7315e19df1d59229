# len counts characters of a string (not bytes), items of a list, keys of
# an object; keys and values keep definition order. A wrong kind is E0504
# at the argument, naming the builtin's signature.
$ query --fleet builtin-len-keys-values.site s '[len("héllo"), len(""), len([1, [2, 3]]), len({}), len(m), len(name)]'
[
  5,
  0,
  2,
  0,
  3,
  1
]
$ query --fleet builtin-len-keys-values.site s keys(m)
[
  "zeta",
  "alpha",
  "mid"
]
$ query --fleet builtin-len-keys-values.site s values(m)
[
  1,
  [
    2
  ],
  {
    "x": 3
  }
]
$ query --fleet builtin-len-keys-values.site s '[keys({}), values({})]'
[
  [],
  []
]
$ query --fleet builtin-len-keys-values.site s len_int
builtin-len-keys-values.site:4:17: error[E0504]: len(x): argument 1 must be a string, a list or an object, not an int
 4 |   len_int = len(42)
   |                 ^~
[1]
$ query --fleet builtin-len-keys-values.site s len_null
builtin-len-keys-values.site:5:18: error[E0504]: len(x): argument 1 must be a string, a list or an object, not null
 5 |   len_null = len(null)
   |                  ^~~~
[1]
$ query --fleet builtin-len-keys-values.site s keys_list
builtin-len-keys-values.site:6:20: error[E0504]: keys(obj): argument 1 must be an object, not a list
 6 |   keys_list = keys([1, 2])
   |                    ^~~~~~
[1]
$ query --fleet builtin-len-keys-values.site s values_str
builtin-len-keys-values.site:7:23: error[E0504]: values(obj): argument 1 must be an object, not a string
 7 |   values_str = values(name)
   |                       ^~~~
[1]
