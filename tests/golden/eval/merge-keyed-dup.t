# A value of a keyed list type with two elements of one key is an error,
# whether set with `=`, on the right of `+=` (even onto nothing), or in a
# Kubernetes list; an element added to a keyed list needs its key.
$ check merge-keyed-dup.site
merge-keyed-dup.site:5:3: error[E0406]: nics holds two elements with name = "eth0"
 5 |   nics = [{ name = "eth0" }, { name = "eth1" }, { name = "eth0", mtu = 9000 }]
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  = help: a list keyed by `name` has one element per name; use += to merge into the existing one
merge-keyed-dup.site:9:3: error[E0406]: the right-hand side of += holds two elements with name = "eth1"
 9 |   nics += [{ name = "eth1" }, { name = "eth1" }]
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  = help: a list keyed by `name` has one element per name; use += to merge into the existing one
merge-keyed-dup.site:12:3: error[E0406]: the right-hand side of += holds two elements with name = "eth2"
 12 |   nics += [{ name = "eth2" }, { name = "eth2" }]
    |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  = help: a list keyed by `name` has one element per name; use += to merge into the existing one
merge-keyed-dup.site:18:5: error[E0406]: k8s.d.spec.template.spec.volumes holds two elements with name = "data"
 18 |     spec.template.spec.volumes = [{ name = "data" }, { name = "data", emptyDir = {} }]
    |     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  = help: a list keyed by `name` has one element per name; use += to merge into the existing one
merge-keyed-dup.site:22:3: error[E0405]: an element added to a list keyed by `name` needs the key field `name`: {"mtu":1}
 22 |   nics += [{ mtu = 1 }]
    |   ^~~~~~~~~~~~~~~~~~~~~
sitec: 5 errors in 1 file
[1]
