# A selector that matches no element is an error that lists the keys the
# list has (or that none has the field); one that matches several is an
# error (E0404); a selector on something that is not a list is E0407.
$ check select-errors.site
select-errors.site:11:7: error[E0403]: the selector [name = "eth2"] matches no element
 11 |   nics[name = "eth2"].mtu = 1
    |       ^~~~~~~~~~~~~~~
  = help: the list has name = "eth0", "eth1"
select-errors.site:14:8: error[E0404]: the selector [id = 1] matches more than one element
 14 |   plain[id = 1].v = "x"
    |        ^~~~~~~~
  = help: select by a field whose value is unique in the list
select-errors.site:17:4: error[E0407]: the selector [id = 1] picks from a list, not from a string
 17 |   s[id = 1].v = "x"
    |    ^~~~~~~~
select-errors.site:20:8: error[E0403]: the selector [nope = 1] matches no element
 20 |   plain[nope = 1].v = "x"
    |        ^~~~~~~~~~
  = help: no element of the list has a `nope` field
sitec: 4 errors in 1 file
[1]
