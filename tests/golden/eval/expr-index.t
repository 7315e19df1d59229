# Indexing: a list by an int from 0, an object by a string (any key, also
# one that is not an identifier), `.field` on objects, chained. An index
# past either end is E0507 with the valid range; a missing key is E0508
# with a did-you-mean (or a hint to test with has()); indexing or reading a
# field of the wrong kind is E0504.
$ query --fleet expr-index.site s '[xs[0], xs[2], xs[1 + 1]]'
[
  "a",
  "c",
  "c"
]
$ query --fleet expr-index.site s '[m["alpha"], m["app.kubernetes.io/name"], m.nested.list[1].deep, m["nested"]["list"][0]]'
[
  1,
  "web",
  true,
  10
]
$ query --fleet expr-index.site s '[[1, 2], [3]][1][0]'
3
$ query --fleet expr-index.site s past_end
expr-index.site:5:17: error[E0507]: index 3 is out of range
 5 |   past_end = xs[3]
   |                 ^
  = help: the list has 3 items (indexes 0 to 2)
[1]
$ query --fleet expr-index.site s negative
expr-index.site:6:17: error[E0507]: index -1 is out of range
 6 |   negative = xs[-1]
   |                 ^~
  = help: the list has 3 items (indexes 0 to 2)
[1]
$ query --fleet expr-index.site s float_idx
expr-index.site:7:18: error[E0504]: a list cannot be indexed by a float
 7 |   float_idx = xs[1.0]
   |                  ^~~
[1]
$ query --fleet expr-index.site s bool_idx
expr-index.site:8:17: error[E0504]: a list cannot be indexed by a bool
 8 |   bool_idx = xs[true]
   |                 ^~~~
[1]
$ query --fleet expr-index.site s obj_by_int
expr-index.site:9:18: error[E0504]: an object cannot be indexed by an int
 9 |   obj_by_int = m[0]
   |                  ^
[1]
$ query --fleet expr-index.site s str_by_int
expr-index.site:10:21: error[E0504]: a string cannot be indexed by an int
 10 |   str_by_int = name[0]
    |                     ^
[1]
$ query --fleet expr-index.site s missing_key
expr-index.site:11:17: error[E0508]: `m` has no field `alpah`
 11 |   missing_key = m["alpah"]
    |                 ^~~~~~~~~~
  = help: did you mean `alpha`?
[1]
$ query --fleet expr-index.site s missing_dot
expr-index.site:12:17: error[E0508]: `m.nested` has no field `lst`
 12 |   missing_dot = m.nested.lst
    |                 ^~~~~~~~~~~~
  = help: did you mean `list`?
[1]
$ query --fleet expr-index.site s missing_far
expr-index.site:13:17: error[E0508]: `m` has no field `zzz`
 13 |   missing_far = m["zzz"]
    |                 ^~~~~~~~
  = help: test for it first with has(obj, key)
[1]
$ query --fleet expr-index.site s dot_on_str
expr-index.site:14:16: error[E0504]: cannot read field `length` of a string: only objects have fields
 14 |   dot_on_str = name.length
    |                ^~~~~~~~~~~
[1]
$ query --fleet expr-index.site s dot_on_list
expr-index.site:15:17: error[E0504]: cannot read field `first` of a list: only objects have fields
 15 |   dot_on_list = xs.first
    |                 ^~~~~~~~
[1]
$ query --fleet expr-index.site s dot_on_int
expr-index.site:16:16: error[E0504]: cannot read field `x` of an int: only objects have fields
 16 |   dot_on_int = m.alpha.x
    |                ^~~~~~~~~
[1]
