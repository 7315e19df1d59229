# `+=` and `-=` on an object change a final key below it when they name
# it; `+=` on a final list changes it.
$ check final-add.site
final-add.site:10:3: error[E0402]: `labels.team` is final: site `add-key` cannot change it
 10 |   labels += { team = "edge", zone = "z1" }
    |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  = help: leave `team` out of this statement
final-add.site:6:3: note: profile `locked` made `labels.team` final here
 6 |   final labels.team = "core"
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~
final-add.site:13:3: error[E0402]: `labels.team` is final: site `remove-key` cannot change it
 13 |   labels -= ["team"]
    |   ^~~~~~~~~~~~~~~~~~
  = help: leave `team` out of this statement
final-add.site:6:3: note: profile `locked` made `labels.team` final here
 6 |   final labels.team = "core"
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~
final-add.site:16:3: error[E0402]: `nics` is final: site `add-elem` cannot change it
 16 |   nics += [{ name = "eth1" }]
    |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~
  = help: a final value is the same for every site below profile `locked`; remove this statement, or drop `final` there
final-add.site:7:3: note: profile `locked` made `nics` final here
 7 |   final nics = [{ name = "eth0" }]
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
sitec: 3 errors in 1 file
[1]
