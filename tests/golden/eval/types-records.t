# Records are closed: a field a record does not declare is E0606 at the
# key that names it, with a did-you-mean when a field is close (the
# site's own schema Site extends Base, so `regoin` finds Base's `region`)
# and the list of fields when none is (`foo` in a Nic); the note points
# at the record's declaration. `extra: { ... }` is open and takes any
# field at any depth. A required field (not optional, no default) that
# no layer sets is E0607: a field of the site at the site's declaration,
# a field of a nested record at the value that set the record (the
# statement `hardware = { ... }`, or the object literal of `nic`).
# missing-01 lacks both region and hardware; missing-02..04 all lack
# hardware, reported once "in 3 sites" with the profile named in the
# help. `tuning`, an inline record whose fields all have defaults, is {}
# with its defaults filled after what a layer set; the optional
# `contact` stays absent and `owner` gets its default.
$ check types-records
types-records/sites.site:10:12: error[E0606]: `hardware` has no field `memroy`
 10 |   hardware.memroy = "8Gi"
    |            ^~~~~~
  = help: did you mean `memory`?
types-records/schema.site:6:8: note: `Hardware` is a closed record: it takes no other field (`...` in it would allow any)
 6 | schema Hardware {
   |        ^~~~~~~~
types-records/sites.site:12:3: error[E0606]: schema `Site` has no field `regoin`
 12 |   regoin = "us"
    |   ^~~~~~
  = help: did you mean `region`?
types-records/schema.site:11:8: note: `Site` is a closed record: it takes no other field (`...` in it would allow any)
 11 | schema Site : Base {
    |        ^~~~
types-records/sites.site:13:32: error[E0606]: `hardware.nic` has no field `foo`
 13 |   hardware.nic = { speed = 10, foo = 1 }
    |                                ^~~
  = help: the fields of `Nic` are: speed, mtu
types-records/schema.site:5:8: note: `Nic` is a closed record: it takes no other field (`...` in it would allow any)
 5 | schema Nic { speed: int; mtu: int = 1500 }
   |        ^~~
types-records/sites.site:16:14: error[E0607]: required field `hardware.memory` is not set
 16 |   hardware = { cpus = 2 }
    |              ^~~~~~~~~~~~
  = help: set `hardware.memory`, or give the field a default
types-records/schema.site:8:3: note: the field `memory` of `Hardware` is string
 8 |   memory: string
   |   ^~~~~~~~~~~~~~
types-records/sites.site:19:48: error[E0607]: required field `hardware.nic.speed` is not set
 19 |   hardware = { cpus = 2, memory = "4Gi", nic = { mtu = 9000 } }
    |                                                ^~~~~~~~~~~~~~
  = help: set `hardware.nic.speed`, or give the field a default
types-records/schema.site:5:14: note: the field `speed` of `Nic` is int
 5 | schema Nic { speed: int; mtu: int = 1500 }
   |              ^~~~~~~~~~
types-records/sites.site:21:6: error[E0607]: required field `region` is not set
 21 | site missing-01 : Site {}
    |      ^~~~~~~~~~
  = help: set `region` in the site, or give the field a default
types-records/schema.site:2:3: note: the field `region` of `Base` is string
 2 |   region: string
   |   ^~~~~~~~~~~~~~
types-records/sites.site:21:6: error[E0607]: required field `hardware` is not set
 21 | site missing-01 : Site {}
    |      ^~~~~~~~~~
  = help: set `hardware` in the site, or give the field a default
types-records/schema.site:12:3: note: the field `hardware` of `Site` is Hardware
 12 |   hardware: Hardware
    |   ^~~~~~~~~~~~~~~~~~
types-records/sites.site:22:6: error[E0607]: required field `hardware` is not set
 22 | site missing-02 : global {}
    |      ^~~~~~~~~~
  = help: set `hardware` in the site or in a profile it inherits (global), or give the field a default
types-records/schema.site:12:3: note: the field `hardware` of `Site` is Hardware
 12 |   hardware: Hardware
    |   ^~~~~~~~~~~~~~~~~~
  = note: in 3 sites: missing-02, missing-03, missing-04
sitec: 8 errors in 2 files
[1]
$ query --fleet types-records ok-01 '[owner, tuning, has(self, "contact")]'
[
  "ops",
  {
    "queues": 8,
    "offload": true
  },
  false
]
