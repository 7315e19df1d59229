# An error that comes from a profile is reported once, with the number of
# sites it affects and the first three of their names (in fleet order);
# a profile's selector sees each site's own list, and fails only where the
# list lacks the element.
$ check late-profile-errors
late-profile-errors/global.site:8:11: error[E0505]: division by zero
 8 |   ratio = 100 / (racks - 1)
   |           ^~~~~~~~~~~~~~~~~
  = note: in 6 sites: ams-01, ber-01, cdg-01, ...
late-profile-errors/global.site:9:19: error[E0501]: unknown name `rakcs`
 9 |   label = "rack-${rakcs}"
   |                   ^~~~~
  = help: did you mean `racks`?
  = note: in 8 sites: ams-01, ber-01, cdg-01, ...
late-profile-errors/global.site:12:7: error[E0403]: the selector [name = "uplink"] matches no element
 12 |   nics[name = "uplink"].mtu = 9000
    |       ^~~~~~~~~~~~~~~~~
  = help: the list has name = "eth0"
  = note: in 2 sites: ber-01, gva-01
sitec: 3 errors in 3 files
[1]
$ query --fleet late-profile-errors ams-01 nics
[
  {
    "name": "uplink",
    "mtu": 9000
  }
]
