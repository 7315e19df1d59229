# `+` on strings concatenates, on lists appends, on objects merges shallowly
# (right wins: `b` is replaced, not merged; keys keep their first position).
$ query --fleet expr-plus-kinds.site s str
"abcd"
$ query --fleet expr-plus-kinds.site s lst
[
  1,
  2,
  [
    3
  ]
]
$ query --fleet expr-plus-kinds.site s obj
{
  "a": 1,
  "b": {
    "c": 9
  },
  "e": [
    1
  ],
  "f": 4
}
$ query --fleet expr-plus-kinds.site s nested
{
  "c": 1,
  "d": 3
}
$ query --fleet expr-plus-kinds.site s '"" + "" == ""'
true
