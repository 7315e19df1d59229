# A value that depends on itself is E0503, printed step by step, each step
# with the place it reads the next: through other fields, directly, through
# a body `let`, through `+=` reading its own path (use super for that).
$ check late-cycle.site
late-cycle.site:11:7: error[E0503]: cycle: `a` -> `b` -> `c` -> `a`
 11 |   c = a + 1
    |       ^
  = help: break the cycle: one of these values must not depend on the others
late-cycle.site:9:7: note: `a` reads `b` here
 9 |   a = b + 1
   |       ^
late-cycle.site:10:7: note: `b` reads `c` here
 10 |   b = c + 1
    |       ^
late-cycle.site:11:7: note: `c` reads `a` here
 11 |   c = a + 1
    |       ^
late-cycle.site:14:7: error[E0503]: cycle: `d` -> `d`
 14 |   d = d + 1
    |       ^
  = help: break the cycle: one of these values must not depend on the others
late-cycle.site:14:7: note: `d` reads `d` here
 14 |   d = d + 1
    |       ^
late-cycle.site:17:11: error[E0503]: cycle: `a` -> `let x` -> `a`
 17 |   let x = a * 2
    |           ^
  = help: break the cycle: one of these values must not depend on the others
late-cycle.site:18:7: note: `a` reads `let x` here
 18 |   a = x
    |       ^
late-cycle.site:17:11: note: `let x` reads `a` here
 17 |   let x = a * 2
    |           ^
late-cycle.site:21:21: error[E0503]: cycle: `tags` -> `tags`
 21 |   tags += [for t in tags: "${t}-x"]
    |                     ^~~~
  = help: break the cycle: one of these values must not depend on the others
late-cycle.site:21:21: note: `tags` reads `tags` here
 21 |   tags += [for t in tags: "${t}-x"]
    |                     ^~~~
sitec: 4 errors in 1 file
[1]
