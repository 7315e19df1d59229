# final forbids a site to set a key under a final object that the final
# literal did not set (m.b, net.vlan); an amend of a final object is one
# error; a site body setting `name` is E0402 like a profile.
$ check final-under.site
final-under.site:10:3: error[E0402]: `m` is final: site `new-key` cannot change it
 10 |   m.b = 2
    |   ^~~~~~~
  = help: a final value is the same for every site below profile `locked`; remove this statement, or drop `final` there
final-under.site:7:3: note: profile `locked` made `m` final here
 7 |   final m = { a = 1 }
   |   ^~~~~~~~~~~~~~~~~~~
final-under.site:13:3: error[E0402]: `net` is final: site `defaulted-key` cannot change it
 13 |   net.vlan = 2
    |   ^~~~~~~~~~~~
  = help: a final value is the same for every site below profile `locked`; remove this statement, or drop `final` there
final-under.site:6:3: note: profile `locked` made `net` final here
 6 |   final net = { mtu = 9000 }
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~
final-under.site:16:9: error[E0402]: `net` is final: site `amend` cannot change it
 16 |   net { mtu = 1 }
    |         ^~~~~~~
  = help: a final value is the same for every site below profile `locked`; remove this statement, or drop `final` there
final-under.site:6:3: note: profile `locked` made `net` final here
 6 |   final net = { mtu = 9000 }
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~
final-under.site:19:3: error[E0402]: `name` is set by the declaration `site name-in-body` and cannot be set again
 19 |   name = "other"
    |   ^~~~~~~~~~~~~~
  = help: remove this statement: `site NAME` names the site
sitec: 4 errors in 1 file
[1]
