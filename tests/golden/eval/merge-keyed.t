# A `list<T> keyed F`: `+=` amends the element with the same key in place
# (an amend: its own keyed list `addrs` merges by `ip`, its plain list
# `tags` is set, `mtu` is set and keeps its place after the keys the base
# set) and appends new keys in order; defaults fill each element after the
# merge; `-=` takes keys and drops those elements, ignoring unknown keys.
$ query --fleet merge-keyed.site s1 nics
[
  {
    "name": "eth0",
    "addrs": [
      {
        "ip": "10.0.0.1",
        "prefix": 16
      },
      {
        "ip": "10.0.0.2",
        "prefix": 24
      }
    ],
    "tags": [
      "b"
    ],
    "mtu": 1400
  },
  {
    "name": "eth2",
    "mtu": 1500,
    "addrs": [],
    "tags": []
  },
  {
    "name": "eth3",
    "mtu": 1500,
    "addrs": [],
    "tags": []
  }
]
