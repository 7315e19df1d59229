# Sites whose errors from one profile statement differ (the list each has)
# get separate errors, each with its own help and sites.
$ check late-profile-errors-flavors
late-profile-errors-flavors/global.site:8:11: error[E0505]: division by zero
 8 |   ratio = 100 / (racks - 1)
   |           ^~~~~~~~~~~~~~~~~
  = note: in 6 sites: ams-01, ber-01, cdg-01, ...
late-profile-errors-flavors/global.site:9:19: error[E0501]: unknown name `rakcs`
 9 |   label = "rack-${rakcs}"
   |                   ^~~~~
  = help: did you mean `racks`?
  = note: in 8 sites: ams-01, ber-01, cdg-01, ...
late-profile-errors-flavors/global.site:12:7: error[E0403]: the selector [name = "uplink"] matches no element
 12 |   nics[name = "uplink"].mtu = 9000
    |       ^~~~~~~~~~~~~~~~~
  = help: the list has name = "eth0"
  = note: in 2 sites: ber-01, gva-01
late-profile-errors-flavors/global.site:12:7: error[E0403]: the selector [name = "uplink"] matches no element
 12 |   nics[name = "uplink"].mtu = 9000
    |       ^~~~~~~~~~~~~~~~~
  = help: the list has name = "eth0", "eth1"
  = note: in site cdg-01
late-profile-errors-flavors/global.site:12:7: error[E0403]: the selector [name = "uplink"] matches no element
 12 |   nics[name = "uplink"].mtu = 9000
    |       ^~~~~~~~~~~~~~~~~
  = help: the list is empty
  = note: in site dub-01
sitec: 5 errors in 3 files
[1]
