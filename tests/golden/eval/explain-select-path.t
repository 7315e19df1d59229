# explain PATH with a selector, as in a statement.
$ explain --fleet explain-select-path.site s1 'nics[name = "eth0"].mtu'
site s1, nics[name = "eth0"].mtu
9000

`nics[name = "eth0"].mtu` is inside the value of `nics`, set as a whole:

set by, most specific first:
  site s1  explain-select-path.site:11:3  +=
      | nics += [{ name = "eth1", mtu = 1400 }, { name = "eth2" }]
      before: [{"name":"eth0","mtu":9000},{"name":"eth1","mtu":9000}]
  profile jumbo  explain-select-path.site:8:3  [selector]
      | nics[name = "eth0"].mtu = 9000
      before: [{"name":"eth0","mtu":1500},{"name":"eth1","mtu":9000}]
  profile base  explain-select-path.site:5:3  =
      | nics = [{ name = "eth0" }, { name = "eth1", mtu = 9000 }]
      before: []
  default of `nics`  explain-select-path.site:2:3
      | nics: list<{ name: string; mtu: int = 1500 }> keyed name = []
$ explain --fleet explain-select-path.site s1 'nics[name = "eth1"]'
site s1, nics[name = "eth1"]
{
  "name": "eth1",
  "mtu": 1400
}

`nics[name = "eth1"]` is inside the value of `nics`, set as a whole:

set by, most specific first:
  site s1  explain-select-path.site:11:3  +=
      | nics += [{ name = "eth1", mtu = 1400 }, { name = "eth2" }]
      before: [{"name":"eth0","mtu":9000},{"name":"eth1","mtu":9000}]
  profile jumbo  explain-select-path.site:8:3  [selector]
      | nics[name = "eth0"].mtu = 9000
      before: [{"name":"eth0","mtu":1500},{"name":"eth1","mtu":9000}]
  profile base  explain-select-path.site:5:3  =
      | nics = [{ name = "eth0" }, { name = "eth1", mtu = 9000 }]
      before: []
  default of `nics`  explain-select-path.site:2:3
      | nics: list<{ name: string; mtu: int = 1500 }> keyed name = []
$ explain --fleet explain-select-path.site s1 nope
<path>:1:1: error[E0508]: site s1 has no `nope`
 1 | nope
   | ^~~~
[1]
$ explain --fleet explain-select-path.site s1 nics.x
<path>:1:1: error[E0407]: `x` is looked up in a value that is not an object (list)
 1 | nics.x
   | ^~~~~~
  = help: pick one element with a selector: [name = "..."]
[1]
