# `-=` on a keyed list takes keys; an element is an error (or is removed by
# its key), never silently ignored.
$ check merge-keyed-remove-elem.site
merge-keyed-remove-elem.site:4:3: error[E0405]: -= on a list keyed by `name` takes keys, not elements
 4 |   nics -= [{ name = "eth0" }]
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~
  = help: write "eth0"
sitec: 1 error in 1 file
[1]
