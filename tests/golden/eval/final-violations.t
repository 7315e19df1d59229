# `final path = expr` forbids every descendant to change `path` or anything
# under it, with `=`, `+=`, `-=` or a set below it; the error is at the
# change and a note shows the final statement. A violation in a profile is
# reported once, however many sites inherit it.
$ check final-violations.site
final-violations.site:13:3: error[E0402]: `tags` is final: profile `other` cannot change it
 13 |   tags += ["b"]
    |   ^~~~~~~~~~~~~
  = help: a final value is the same for every site below profile `locked`; remove this statement, or drop `final` there
final-violations.site:9:3: note: profile `locked` made `tags` final here
 9 |   final tags = ["a"]
   |   ^~~~~~~~~~~~~~~~~~
final-violations.site:16:3: error[E0402]: `region` is final: site `set-it` cannot change it
 16 |   region = "us"
    |   ^~~~~~~~~~~~~
  = help: a final value is the same for every site below profile `locked`; remove this statement, or drop `final` there
final-violations.site:8:3: note: profile `locked` made `region` final here
 8 |   final region = "eu"
   |   ^~~~~~~~~~~~~~~~~~~
final-violations.site:21:3: error[E0402]: `net` is final: site `set-under-it` cannot change it
 21 |   net.mtu = 2
    |   ^~~~~~~~~~~
  = help: a final value is the same for every site below profile `locked`; remove this statement, or drop `final` there
final-violations.site:10:3: note: profile `locked` made `net` final here
 10 |   final net = { mtu = 9000 }
    |   ^~~~~~~~~~~~~~~~~~~~~~~~~~
final-violations.site:24:3: error[E0402]: `tags` is final: site `remove-it` cannot change it
 24 |   tags -= ["a"]
    |   ^~~~~~~~~~~~~
  = help: a final value is the same for every site below profile `locked`; remove this statement, or drop `final` there
final-violations.site:9:3: note: profile `locked` made `tags` final here
 9 |   final tags = ["a"]
   |   ^~~~~~~~~~~~~~~~~~
sitec: 4 errors in 1 file
[1]
