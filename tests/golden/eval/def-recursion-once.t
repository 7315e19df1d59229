# A recursive def is reported once, where the names are checked, however
# many sites call it: not again while a site is evaluated.
$ check def-recursion-once.site
def-recursion-once.site:2:41: error[E0510]: `fact` calls itself
 2 | def fact(n) = if n <= 1 then 1 else n * fact(n - 1)
   |                                         ^~~~
  = help: functions are not recursive; use a comprehension over range(n) instead
sitec: 1 error in 1 file
[1]
$ query --fleet def-recursion-once.site a x
def-recursion-once.site:2:41: error[E0510]: `fact` calls itself
 2 | def fact(n) = if n <= 1 then 1 else n * fact(n - 1)
   |                                         ^~~~
  = help: functions are not recursive; use a comprehension over range(n) instead
[1]
