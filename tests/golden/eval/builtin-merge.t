# merge(obj, obj...) merges deeply, the right wins (lists are replaced,
# not appended; a null replaces a value), keys keep their first position;
# unlike `+`, which is shallow. An argument that is not an object is E0504
# at it.
$ query --fleet builtin-merge.site s deep
{
  "a": null,
  "nested": {
    "x": 1,
    "y": [
      2
    ],
    "z": 3
  },
  "keep": "b",
  "extra": true
}
$ query --fleet builtin-merge.site s 'base + over'
{
  "a": null,
  "nested": {
    "y": [
      2
    ],
    "z": 3
  },
  "keep": "b",
  "extra": true
}
$ query --fleet builtin-merge.site s three
{
  "k": 3,
  "l": 4
}
$ query --fleet builtin-merge.site s one
{
  "a": 1,
  "nested": {
    "x": 1,
    "y": [
      1
    ]
  },
  "keep": "b"
}
$ query --fleet builtin-merge.site s not_obj
builtin-merge.site:8:25: error[E0504]: merge(obj, obj...): argument 2 must be an object, not a list
 8 |   not_obj = merge(base, [1])
   |                         ^~~
[1]
$ query --fleet builtin-merge.site s first_not_obj
builtin-merge.site:9:25: error[E0504]: merge(obj, obj...): argument 1 must be an object, not a string
 9 |   first_not_obj = merge("x", base)
   |                         ^~~
[1]
