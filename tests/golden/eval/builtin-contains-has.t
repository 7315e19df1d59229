# contains: list membership by deep equality (1 == 1.0) or a substring;
# has: whether an object has a key (also when its value is null). Wrong
# kinds are E0504 at the argument.
$ query --fleet builtin-contains-has.site s '[contains(tags, "eu"), contains(tags, "us"), contains(tags, { k = 1 }), contains([1], 1.0), contains([], null)]'
[
  true,
  false,
  true,
  true,
  false
]
$ query --fleet builtin-contains-has.site s '[contains("paris-01", "is-0"), contains("abc", ""), contains("abc", "abcd")]'
[
  true,
  true,
  false
]
$ query --fleet builtin-contains-has.site s '[has(m, "a"), has(m, "b"), has(m, "c"), has({}, "")]'
[
  true,
  true,
  false,
  false
]
$ query --fleet builtin-contains-has.site s contains_int
builtin-contains-has.site:5:27: error[E0504]: contains(list_or_string, x): argument 1 must be a list or a string, not an int
 5 |   contains_int = contains(42, 4)
   |                           ^~
[1]
$ query --fleet builtin-contains-has.site s contains_str_int
builtin-contains-has.site:6:39: error[E0504]: contains(list_or_string, x): argument 2 must be a string, not an int
 6 |   contains_str_int = contains("v1.2", 1)
   |                                       ^
[1]
$ query --fleet builtin-contains-has.site s has_list
builtin-contains-has.site:7:18: error[E0504]: has(obj, key): argument 1 must be an object, not a list
 7 |   has_list = has(tags, "edge")
   |                  ^~~~
[1]
$ query --fleet builtin-contains-has.site s has_int_key
builtin-contains-has.site:8:24: error[E0504]: has(obj, key): argument 2 must be a string, not an int
 8 |   has_int_key = has(m, 0)
   |                        ^
[1]
