# A selector's value is late-bound (the profile's [name = uplink] picks
# each site's own uplink), and a selector can patch an element a `+=`
# earlier in the same body added.
$ query --fleet select-late.site a nics
[
  {
    "name": "eth0",
    "mtu": 9000,
    "role": "uplink"
  },
  {
    "name": "eth1",
    "mtu": 1500
  },
  {
    "name": "eno1",
    "mtu": 1500
  }
]
$ query --fleet select-late.site b nics
[
  {
    "name": "eth0",
    "mtu": 1500
  },
  {
    "name": "eth1",
    "mtu": 1500
  },
  {
    "name": "eno1",
    "mtu": 9000,
    "role": "uplink"
  },
  {
    "name": "wg0",
    "mtu": 1420
  }
]
