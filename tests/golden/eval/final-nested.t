# `final` inside an amend block finalizes the full path (os.hostname); a
# final object forbids setting a key under it (a quoted key too); paths
# beside the final ones (os.hosts, os.files) stay open.
$ check final-nested.site
final-nested.site:8:3: error[E0402]: `os.hostname` is final: site `s1` cannot change it
 8 |   os.hostname = "x"
   |   ^~~~~~~~~~~~~~~~~
  = help: a final value is the same for every site below profile `p`; remove this statement, or drop `final` there
final-nested.site:3:8: note: profile `p` made `os.hostname` final here
 3 |   os { final hostname = "edge" }
   |        ^~~~~~~~~~~~~~~~~~~~~~~
final-nested.site:9:3: error[E0402]: `os.sysctl` is final: site `s1` cannot change it
 9 |   os.sysctl."vm.swappiness" = "60"
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  = help: a final value is the same for every site below profile `p`; remove this statement, or drop `final` there
final-nested.site:4:3: note: profile `p` made `os.sysctl` final here
 4 |   final os.sysctl = { "vm.swappiness" = "10" }
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
sitec: 2 errors in 1 file
[1]
$ query --fleet final-nested.site s2 '[os.hostname, os.sysctl, os.hosts]'
[
  "edge",
  {
    "vm.swappiness": "10"
  },
  {
    "gw": "10.0.0.1",
    "dns": "10.0.0.2"
  }
]
