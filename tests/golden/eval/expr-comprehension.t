# List comprehensions: a filter, the index form over lists, over objects
# (one variable: the keys in definition order; two: key and value),
# nesting, an inner variable hiding an outer one, site fields in the body,
# and a body never evaluated over an empty list. Iterating a non-collection
# and a non-bool filter are E0504 at the offending expression; an error in
# the body is reported where it happens.
$ query --fleet expr-comprehension.site s evens
[
  0,
  4,
  16,
  36,
  64
]
$ query --fleet expr-comprehension.site s indexed
[
  "0=a",
  "1=b",
  "2=c"
]
$ query --fleet expr-comprehension.site s keys_only
[
  "b",
  "a",
  "c"
]
$ query --fleet expr-comprehension.site s pairs
[
  "b:2",
  "c:3"
]
$ query --fleet expr-comprehension.site s nested
[
  [
    10,
    20
  ],
  [
    20,
    40
  ]
]
$ query --fleet expr-comprehension.site s outer_var
[
  [
    "shadow"
  ],
  [
    "shadow"
  ]
]
$ query --fleet expr-comprehension.site s objects
[
  {
    "pos": 0,
    "val": 3,
    "site": "s"
  },
  {
    "pos": 1,
    "val": 1,
    "site": "s"
  }
]
$ query --fleet expr-comprehension.site s empty
[]
$ query --fleet expr-comprehension.site s over_int
expr-comprehension.site:13:24: error[E0504]: `for` iterates over a list or an object, not an int
 13 |   over_int = [for x in 5: x]
    |                        ^
[1]
$ query --fleet expr-comprehension.site s over_str
expr-comprehension.site:14:24: error[E0504]: `for` iterates over a list or an object, not a string
 14 |   over_str = [for c in name: c]
    |                        ^~~~
[1]
$ query --fleet expr-comprehension.site s bad_filter
expr-comprehension.site:15:32: error[E0504]: a `for` filter must be a bool, not an int
 15 |   bad_filter = [for x in xs if x: x]
    |                                ^
[1]
$ query --fleet expr-comprehension.site s body_error
expr-comprehension.site:16:30: error[E0505]: division by zero
 16 |   body_error = [for x in xs: x / (x - 4)]
    |                              ^~~~~~~~~~~
[1]
