# A selector on an absent list names the value and the path; on an empty
# list says the list is empty; the same selector path set twice in one body.
$ check select-absent.site
select-absent.site:2:28: error[E0403]: the selector [id = 1] matches nothing: the list is not set
 2 | site on-absent : S { absent[id = 1].v = "x" }
   |                            ^~~~~~~~
select-absent.site:3:25: error[E0403]: the selector [name = "eth0"] matches no element
 3 | site on-empty : S { nics[name = "eth0"].name = "x" }
   |                         ^~~~~~~~~~~~~~~
  = help: the list is empty
select-absent.site:7:7: error[E0403]: the selector [name = "eth0"] matches no element
 7 |   nics[name = "eth0"].name = "b"
   |       ^~~~~~~~~~~~~~~
  = help: the list has name = "a"
sitec: 3 errors in 1 file
[1]
