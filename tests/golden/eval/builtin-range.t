# range(n) counts 0..n-1, range(from, to) from..to-1 (to exclusive); an
# empty or reversed range is empty. Non-int arguments are E0504; more than
# a million items is E0512.
$ query --fleet builtin-range.site s '[range(3), range(2, 5), range(0), range(-2), range(5, 2), range(-2, 1)]'
[
  [
    0,
    1,
    2
  ],
  [
    2,
    3,
    4
  ],
  [],
  [],
  [],
  [
    -2,
    -1,
    0
  ]
]
$ query --fleet builtin-range.site s str_arg
builtin-range.site:3:19: error[E0504]: range(n): argument 1 must be an int, not a string
 3 |   str_arg = range("3")
   |                   ^~~
[1]
$ query --fleet builtin-range.site s float_arg
builtin-range.site:4:24: error[E0504]: range(from, to): argument 2 must be an int, not a float
 4 |   float_arg = range(1, 2.5)
   |                        ^~~
[1]
$ query --fleet builtin-range.site s too_big
builtin-range.site:5:13: error[E0512]: range(from, to): 2000000 items is more than the limit of 1000000
 5 |   too_big = range(0, 2000000)
   |             ^~~~~~~~~~~~~~~~~
[1]
