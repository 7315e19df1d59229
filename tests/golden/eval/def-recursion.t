# A def that calls itself, directly or through another def, is E0510 at
# the call that closes the cycle, with a note for each call on the way.
$ query --fleet def-recursion.site s direct
def-recursion.site:2:41: error[E0510]: `fact` calls itself
 2 | def fact(n) = if n <= 1 then 1 else n * fact(n - 1)
   |                                         ^~~~
  = help: functions are not recursive; use a comprehension over range(n) instead
def-recursion.site:4:15: error[E0510]: `ping` calls itself through other functions
 4 | def pong(n) = ping(n * 2)
   |               ^~~~
  = help: functions are not recursive; use a comprehension over range(n) instead
def-recursion.site:3:15: note: `ping` calls `pong` here
 3 | def ping(n) = pong(n + 1)
   |               ^~~~
[1]
$ query --fleet def-recursion.site s indirect
def-recursion.site:2:41: error[E0510]: `fact` calls itself
 2 | def fact(n) = if n <= 1 then 1 else n * fact(n - 1)
   |                                         ^~~~
  = help: functions are not recursive; use a comprehension over range(n) instead
def-recursion.site:4:15: error[E0510]: `ping` calls itself through other functions
 4 | def pong(n) = ping(n * 2)
   |               ^~~~
  = help: functions are not recursive; use a comprehension over range(n) instead
def-recursion.site:3:15: note: `ping` calls `pong` here
 3 | def ping(n) = pong(n + 1)
   |               ^~~~
[1]
