# Defaults fill only what the final merged value lacks: a partial element on
# the right of a keyed `+=` merges first (eth0 keeps mtu 1280), and `+=` of
# a partial record keeps the inherited keys it does not name, also into a
# selected element (s2).
$ query --fleet merge-default-after.site s1 '[nics, rec]'
[
  [
    {
      "name": "eth0",
      "mtu": 1280,
      "opts": {
        "a": "1"
      }
    }
  ],
  {
    "opts": {
      "a": "1"
    },
    "mtu": 1
  }
]
$ query --fleet merge-default-after.site s2 nics
[
  {
    "name": "eth0",
    "mtu": 1,
    "opts": {
      "a": "1"
    }
  }
]
