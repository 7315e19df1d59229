# A builtin called with the wrong number of arguments is E0511 at the
# call, with a help line showing how to call it; variadic builtins say
# "at least".
$ query --fleet builtin-arg-count.site s len_two
builtin-arg-count.site:3:13: error[E0511]: `len` takes 1 argument, not 2
 3 |   len_two = len("a", "b")
   |             ^~~~~~~~~~~~~
  = help: call it as len(x)
[1]
$ query --fleet builtin-arg-count.site s keys_none
builtin-arg-count.site:4:15: error[E0511]: `keys` takes 1 argument, not 0
 4 |   keys_none = keys()
   |               ^~~~~~
  = help: call it as keys(obj)
[1]
$ query --fleet builtin-arg-count.site s replace_two
builtin-arg-count.site:5:17: error[E0511]: `replace` takes 3 arguments, not 2
 5 |   replace_two = replace("a", "b")
   |                 ^~~~~~~~~~~~~~~~~
  = help: call it as replace(s, old, new)
[1]
$ query --fleet builtin-arg-count.site s format_none
builtin-arg-count.site:6:17: error[E0511]: `format` takes at least 1 argument, not 0
 6 |   format_none = format()
   |                 ^~~~~~~~
  = help: call it as format(fmt, args...)
[1]
$ query --fleet builtin-arg-count.site s merge_none
builtin-arg-count.site:7:16: error[E0511]: `merge` takes at least 1 argument, not 0
 7 |   merge_none = merge()
   |                ^~~~~~~
  = help: call it as merge(obj, obj...)
[1]
$ query --fleet builtin-arg-count.site s cidr_one
builtin-arg-count.site:8:14: error[E0511]: `cidrsubnet` takes 3 arguments, not 1
 8 |   cidr_one = cidrsubnet("10.0.0.0/8")
   |              ^~~~~~~~~~~~~~~~~~~~~~~~
  = help: call it as cidrsubnet(cidr, newbits, n)
[1]
