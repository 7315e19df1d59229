# An error in a profile is reported once, with the number of sites it
# affects and the first few names; one that only some sites trigger names
# those; an error in a site's own body has no note. check evaluates every
# field of every site, so all of them are reported.
$ check err-profile-sites
err-profile-sites/global.site:3:12: error[E0505]: division by zero
 3 |   weight = 100 / (port - 8080)
   |            ^~~~~~~~~~~~~~~~~~~
  = note: in site paris-02
err-profile-sites/global.site:4:19: error[E0504]: cannot put a list in a string
 4 |   label = "port ${[port]}"
   |                   ^~~~~~
  = help: use join(", ", list) or to_string(value)
  = note: in 5 sites: paris-01, paris-02, berlin-01, ...
err-profile-sites/sites.site:3:50: error[E0504]: len(x): argument 1 must be a string, a list or an object, not an int
 3 | site berlin-01 : global { port = 80; ratio = len(port) }
   |                                                  ^~~~
sitec: 3 errors in 2 files
[1]
$ query --fleet err-profile-sites paris-01 weight
0
$ query --fleet err-profile-sites paris-02 label
err-profile-sites/global.site:4:19: error[E0504]: cannot put a list in a string
 4 |   label = "port ${[port]}"
   |                   ^~~~~~
  = help: use join(", ", list) or to_string(value)
  = note: in site paris-02
[1]
