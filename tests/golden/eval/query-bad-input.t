# Bad input to query and explain: a syntax error in EXPR is located at
# <query>, and a PATH that is not a path at <path>: both usage errors
# (exit 2); a computed key in PATH is refused; an unknown site suggests one.
$ query --fleet inherit-diamond.site s1 'port +'
<query>:1:7: error[E0201]: unexpected end of file; expected an expression
 1 | port +
   |       ^
[2]
$ query --fleet inherit-diamond.site s1 'nosuchfn(1)'
<query>:1:1: error[E0502]: unknown function `nosuchfn`
 1 | nosuchfn(1)
   | ^~~~~~~~
[1]
$ explain --fleet inherit-diamond.site s1 'port + 1'
<path>:1:6: error[E0201]: unexpected `+`; expected end of file, `[` or `.`
 1 | port + 1
   |      ^
[2]
$ explain --fleet inherit-diamond.site s1 '"${name}"'
<path>:1:1: error[E0201]: a path to explain has no computed keys
 1 | "${name}"
   | ^~~~~~~~~
  = help: write the key as it is: os.sysctl."vm.swappiness"
[2]
$ explain --fleet inherit-diamond.site s2 port
sitec: no site is called 's2' in inherit-diamond.site; did you mean 's1'?
Try 'sitec explain --help'.
[2]
