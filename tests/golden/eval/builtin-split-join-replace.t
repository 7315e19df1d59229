# split(s, sep) keeps empty fields; join(sep, list) takes strings, numbers
# and bools (Terraform's argument order: the separator first); replace
# replaces every occurrence. An empty separator or an empty search string
# is E0512; wrong kinds, and list items that cannot be text, are E0504.
$ query --fleet builtin-split-join-replace.site s '[split("a,b,,c", ","), split("", ","), split("a::b", "::"), split("abc", "x")]'
[
  [
    "a",
    "b",
    "",
    "c"
  ],
  [
    ""
  ],
  [
    "a",
    "b"
  ],
  [
    "abc"
  ]
]
$ query --fleet builtin-split-join-replace.site s '[join(", ", ["a", "b"]), join("-", [1, 2.5, true]), join(",", []), join("", ["x"])]'
[
  "a, b",
  "1-2.5-true",
  "",
  "x"
]
$ query --fleet builtin-split-join-replace.site s '[replace("a.b.c", ".", "-"), replace("aaa", "aa", "b"), replace("abc", "x", "y"), replace("abc", "b", "")]'
[
  "a-b-c",
  "ba",
  "abc",
  "ac"
]
$ query --fleet builtin-split-join-replace.site s 'join(",", split("x,y", ","))'
"x,y"
$ query --fleet builtin-split-join-replace.site s split_empty_sep
builtin-split-join-replace.site:3:34: error[E0512]: split(s, sep): argument 2 is an empty string; the separator must not be empty
 3 |   split_empty_sep = split("a,b", "")
   |                                  ^~
[1]
$ query --fleet builtin-split-join-replace.site s split_int
builtin-split-join-replace.site:4:21: error[E0504]: split(s, sep): argument 1 must be a string, not an int
 4 |   split_int = split(42, ",")
   |                     ^~
[1]
$ query --fleet builtin-split-join-replace.site s join_swapped
builtin-split-join-replace.site:5:23: error[E0504]: join(sep, list): argument 1 must be a string, not a list
 5 |   join_swapped = join(["a", "b"], ",")
   |                       ^~~~~~~~~~
[1]
$ query --fleet builtin-split-join-replace.site s join_null_item
builtin-split-join-replace.site:6:30: error[E0504]: join(sep, list): item 2 of argument 2 is null; items must be strings, numbers or bools
 6 |   join_null_item = join(",", ["a", null])
   |                              ^~~~~~~~~~~
[1]
$ query --fleet builtin-split-join-replace.site s join_list_item
builtin-split-join-replace.site:7:30: error[E0504]: join(sep, list): item 2 of argument 2 is a list; items must be strings, numbers or bools
 7 |   join_list_item = join(",", ["a", ["b"]])
   |                              ^~~~~~~~~~~~
[1]
$ query --fleet builtin-split-join-replace.site s replace_empty
builtin-split-join-replace.site:8:34: error[E0512]: replace(s, old, new): argument 2 is an empty string; there is nothing to replace
 8 |   replace_empty = replace("aaa", "", "b")
   |                                  ^~
[1]
$ query --fleet builtin-split-join-replace.site s replace_int
builtin-split-join-replace.site:9:31: error[E0504]: replace(s, old, new): argument 2 must be a string, not an int
 9 |   replace_int = replace("a1", 1, "2")
   |                               ^
[1]
