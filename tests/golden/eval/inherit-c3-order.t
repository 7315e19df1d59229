# C3 over the parent list taken right to left: with `: a, b` the common
# ancestor `o` is applied once, first, then a, then b (b wins `who`), then
# the body; `: b, a` reverses it. Three and nested parents follow the same
# rule.
$ query --fleet inherit-c3-order.site s-ab '[trace, who]'
[
  [
    "o",
    "a",
    "b",
    "ab",
    "s"
  ],
  "b"
]
$ query --fleet inherit-c3-order.site s-ba '[trace, who]'
[
  [
    "o",
    "b",
    "a",
    "ba",
    "s"
  ],
  "a"
]
$ query --fleet inherit-c3-order.site s-abc '[trace, who]'
[
  [
    "o",
    "a",
    "b",
    "c"
  ],
  "b"
]
$ query --fleet inherit-c3-order.site s-nested '[trace, who]'
[
  [
    "o",
    "a",
    "b",
    "ab",
    "c",
    "s"
  ],
  "b"
]
