# A type error points where the bad value was set, and is reported once
# however many sites share it. `port = 0` in global reaches s1, s2, s3
# and s5 (s4, s6 and s7 set their own port): one error, "in 4 sites".
# `mtu = 9217` in jumbo reaches only s1: "in site s1", since it is not in
# that site's file. A value computed in a def (gateway) or a let
# (bad_port) points at the expression in the statement that used it, not
# inside the def or the let. A bad schema default (mtu = 100) points at
# the default in the schema, in the one site (s7) that leaves mtu unset.
# The errors come in the order of files, then of lines, whatever the
# order in which sites are evaluated (s1's jumbo error at b-global.site
# line 5 comes after global's at line 2).
$ check types-provenance
types-provenance/a-schema.site:3:25: error[E0602]: `mtu` must be in 576..9216, but is 100
 3 |   mtu: int(576..9216) = 100
   |                         ^~~
types-provenance/a-schema.site:3:3: note: the field `mtu` of `Site` is int(576..9216)
 3 |   mtu: int(576..9216) = 100
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~
  = note: in site s7
types-provenance/b-global.site:2:10: error[E0602]: `port` must be in 1..65535, but is 0
 2 |   port = 0
   |          ^
types-provenance/a-schema.site:2:3: note: the field `port` of `Site` is int(1..65535)
 2 |   port: int(1..65535)
   |   ^~~~~~~~~~~~~~~~~~~
  = note: in 4 sites: s1, s2, s3, ...
types-provenance/b-global.site:5:9: error[E0602]: `mtu` must be in 576..9216, but is 9217
 5 |   mtu = 9217
   |         ^~~~
types-provenance/a-schema.site:3:3: note: the field `mtu` of `Site` is int(576..9216)
 3 |   mtu: int(576..9216) = 100
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~
  = note: in site s1
types-provenance/c-sites.site:2:39: error[E0604]: `peer` must be an ipv4, but "10.0.0.300" is not: the number 300 is more than 255
 2 | site s2 : global { mtu = 1500; peer = gateway(300) }
   |                                       ^~~~~~~~~~~~
types-provenance/a-schema.site:4:3: note: the field `peer` of `Site` is ipv4
 4 |   peer?: ipv4
   |   ^~~~~~~~~~~
types-provenance/c-sites.site:6:27: error[E0602]: `port` must be in 1..65535, but is 70000
 6 | site s6 : global { port = bad_port; mtu = 9000 }
   |                           ^~~~~~~~
types-provenance/a-schema.site:2:3: note: the field `port` of `Site` is int(1..65535)
 2 |   port: int(1..65535)
   |   ^~~~~~~~~~~~~~~~~~~
sitec: 5 errors in 3 files
[1]
$ explain --fleet types-provenance s7 mtu
site s7, mtu
100

set by, most specific first:
  default of `mtu`  types-provenance/a-schema.site:3:3
      | mtu: int(576..9216) = 100
