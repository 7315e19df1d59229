# Reading an optional field that no layer set is E0509 at the read, with
# a note at the field's declaration and a help naming the ways out; has()
# on the enclosing object tests for it first.
$ query --fleet err-not-set.site s a
err-not-set.site:7:13: error[E0509]: `mgmt_ip` is not set
 7 |   a = "ip ${mgmt_ip}"
   |             ^~~~~~~
  = help: set it in a profile or the site, give the field a default, or test it first with has(obj, key)
err-not-set.site:2:3: note: `mgmt_ip` is declared here as optional
 2 |   mgmt_ip?: string
   |   ^~~~~~~~~~~~~~~~
[1]
$ query --fleet err-not-set.site s b
1
$ query --fleet err-not-set.site s c
err-not-set.site:9:7: error[E0509]: `net.vlan` is not set
 9 |   c = net.vlan
   |       ^~~~~~~~
  = help: set it in a profile or the site, give the field a default, or test it first with has(obj, key)
err-not-set.site:3:10: note: `vlan` is declared here as optional
 3 |   net: { vlan?: int; mtu: int = 1500 } = {}
   |          ^~~~~~~~~~
[1]
