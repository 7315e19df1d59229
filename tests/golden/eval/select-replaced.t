# A selector patches the list as inherited at that layer (here the schema
# default); a descendant's `=` replaces the list and the patch with it, so
# the patch does not apply to the new eth0 (no error either); a
# descendant's `+=` keeps it.
$ query --fleet select-replaced.site kept nics
[
  {
    "name": "eth0",
    "mtu": 9000
  }
]
$ query --fleet select-replaced.site replaced nics
[
  {
    "name": "eth0",
    "mtu": 1500
  },
  {
    "name": "eth1",
    "mtu": 1500
  }
]
$ query --fleet select-replaced.site appended nics
[
  {
    "name": "eth0",
    "mtu": 9000
  },
  {
    "name": "eth1",
    "mtu": 1500
  }
]
