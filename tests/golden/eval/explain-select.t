# explain of a keyed list lists the statements on the list and those that
# patch an element through a selector (`[selector]`), each with the list
# before it (elements shown with their defaults).
$ explain --fleet explain-select.site s1 nics
site s1, nics
[
  {
    "name": "eth0",
    "mtu": 9000
  },
  {
    "name": "eth1",
    "mtu": 1400
  },
  {
    "name": "eth2",
    "mtu": 1500
  }
]

set by, most specific first:
  site s1  explain-select.site:11:3  +=
      | nics += [{ name = "eth1", mtu = 1400 }, { name = "eth2" }]
      before: [{"name":"eth0","mtu":9000},{"name":"eth1","mtu":9000}]
  profile jumbo  explain-select.site:8:3  [selector]
      | nics[name = "eth0"].mtu = 9000
      before: [{"name":"eth0","mtu":1500},{"name":"eth1","mtu":9000}]
  profile base  explain-select.site:5:3  =
      | nics = [{ name = "eth0" }, { name = "eth1", mtu = 9000 }]
      before: []
  default of `nics`  explain-select.site:2:3
      | nics: list<{ name: string; mtu: int = 1500 }> keyed name = []
