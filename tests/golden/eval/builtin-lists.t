# sort orders numbers (int and float together) or strings (byte order);
# unique keeps the first of equal items (deep equality), in order; flatten
# removes all levels of nesting. Items that cannot be ordered together,
# and arguments that are not lists, are E0504.
$ query --fleet builtin-lists.site s '[sort([3, 1.5, 2, -1]), sort(["b", "a", "C", ""]), sort([])]'
[
  [
    -1,
    1.5,
    2,
    3
  ],
  [
    "",
    "C",
    "a",
    "b"
  ],
  []
]
$ query --fleet builtin-lists.site s '[unique([3, 1, 3, 2, 1]), unique([{ a = 1 }, { a = 1 }, [1], [1]]), unique([])]'
[
  [
    3,
    1,
    2
  ],
  [
    {
      "a": 1
    },
    [
      1
    ]
  ],
  []
]
$ query --fleet builtin-lists.site s '[flatten([[1, [2, [3]]], 4, []]), flatten([]), flatten([[]])]'
[
  [
    1,
    2,
    3,
    4
  ],
  [],
  []
]
$ query --fleet builtin-lists.site s sort_mixed
builtin-lists.site:3:21: error[E0504]: sort(list): item 2 of argument 1 is a string, but item 1 is a number; items must be all numbers or all strings
 3 |   sort_mixed = sort([2, "1"])
   |                     ^~~~~~~~
[1]
$ query --fleet builtin-lists.site s sort_objects
builtin-lists.site:4:23: error[E0504]: sort(list): item 1 of argument 1 is an object; items must be all numbers or all strings
 4 |   sort_objects = sort([{ a = 1 }])
   |                       ^~~~~~~~~~~
[1]
$ query --fleet builtin-lists.site s sort_str
builtin-lists.site:5:19: error[E0504]: sort(list): argument 1 must be a list, not a string
 5 |   sort_str = sort("cba")
   |                   ^~~~~
[1]
$ query --fleet builtin-lists.site s unique_obj
builtin-lists.site:6:23: error[E0504]: unique(list): argument 1 must be a list, not an object
 6 |   unique_obj = unique({ a = 1 })
   |                       ^~~~~~~~~
[1]
$ query --fleet builtin-lists.site s flatten_str
builtin-lists.site:7:25: error[E0504]: flatten(list): argument 1 must be a list, not a string
 7 |   flatten_str = flatten("abc")
   |                         ^~~~~
[1]
