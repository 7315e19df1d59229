# Values that depend on each other are E0503: the cycle is printed step by
# step, with a location for each read, across profile and site; inside an
# object literal through self; a field reading itself. Other fields still
# evaluate.
$ query --fleet err-cycle.site s ok
1
$ query --fleet err-cycle.site s a
err-cycle.site:6:7: error[E0503]: cycle: `a` -> `b` -> `a`
 6 |   b = a * 2
   |       ^
  = help: break the cycle: one of these values must not depend on the others
err-cycle.site:3:7: note: `a` reads `b` here
 3 |   a = b + 1
   |       ^
err-cycle.site:6:7: note: `b` reads `a` here
 6 |   b = a * 2
   |       ^
[1]
$ query --fleet err-cycle.site s c
err-cycle.site:7:25: error[E0503]: cycle: `c.x` -> `c.y` -> `c.x`
 7 |   c = { x = self.y, y = self.x }
   |                         ^~~~~~
  = help: break the cycle: one of these values must not depend on the others
err-cycle.site:7:13: note: `c.x` reads `c.y` here
 7 |   c = { x = self.y, y = self.x }
   |             ^~~~~~
err-cycle.site:7:25: note: `c.y` reads `c.x` here
 7 |   c = { x = self.y, y = self.x }
   |                         ^~~~~~
[1]
$ query --fleet err-cycle.site s d
err-cycle.site:8:8: error[E0503]: cycle: `d` -> `d`
 8 |   d = [d]
   |        ^
  = help: break the cycle: one of these values must not depend on the others
err-cycle.site:8:8: note: `d` reads `d` here
 8 |   d = [d]
   |        ^
[1]
