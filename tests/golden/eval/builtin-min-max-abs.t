# min and max of a list of numbers (int and float mixed, the winner keeps
# its kind) or of strings; abs of an int or a float. An empty list is
# E0512; mixed or unorderable items are E0504 naming the item; the
# absolute value of the smallest int does not fit (E0506).
$ query --fleet builtin-min-max-abs.site s '[min([3, 1.5, 2]), max([3, 1.5, 2]), min([7]), max(["b", "a", "c"]), min(["b", "B"])]'
[
  1.5,
  3,
  7,
  "c",
  "B"
]
$ query --fleet builtin-min-max-abs.site s '[abs(-3), abs(3), abs(-2.5), abs(0)]'
[
  3,
  3,
  2.5,
  0
]
$ query --fleet builtin-min-max-abs.site s min_empty
builtin-min-max-abs.site:4:19: error[E0512]: min(list): argument 1 is an empty list
 4 |   min_empty = min([])
   |                   ^~
[1]
$ query --fleet builtin-min-max-abs.site s max_mixed
builtin-min-max-abs.site:5:19: error[E0504]: max(list): item 2 of argument 1 is a string, but item 1 is a number; items must be all numbers or all strings
 5 |   max_mixed = max([1, "a"])
   |                   ^~~~~~~~
[1]
$ query --fleet builtin-min-max-abs.site s max_nested
builtin-min-max-abs.site:6:20: error[E0504]: max(list): item 1 of argument 1 is a list; items must be all numbers or all strings
 6 |   max_nested = max([[1]])
   |                    ^~~~~
[1]
$ query --fleet builtin-min-max-abs.site s min_not_list
builtin-min-max-abs.site:7:22: error[E0504]: min(list): argument 1 must be a list, not an int
 7 |   min_not_list = min(3)
   |                      ^
[1]
$ query --fleet builtin-min-max-abs.site s abs_str
builtin-min-max-abs.site:8:17: error[E0504]: abs(n): argument 1 must be a number, not a string
 8 |   abs_str = abs("-1")
   |                 ^~~~
[1]
$ query --fleet builtin-min-max-abs.site s abs_over
builtin-min-max-abs.site:9:18: error[E0506]: abs(n): the absolute value of -9223372036854775808 does not fit in 64 bits
 9 |   abs_over = abs(smallest)
   |                  ^~~~~~~~
[1]
