# query evaluates only what its expression reads: a field that fails does
# not stop a query of another field, and a query that reads it reports the
# error at the field's definition (exit 1, nothing on stdout).
$ query --fleet query-lazy.site s fine
2
$ query --fleet query-lazy.site s uses_broken
query-lazy.site:3:12: error[E0505]: division by zero
 3 |   broken = 1 / 0
   |            ^~~~~
[1]
$ query --fleet query-lazy.site s '[fine, broken]'
query-lazy.site:3:12: error[E0505]: division by zero
 3 |   broken = 1 / 0
   |            ^~~~~
[1]
