# Top-level lets that depend on each other in a cycle are E0503, printed
# step by step with a location for each read; a let that reads itself is
# a cycle of one.
$ query --fleet def-let-cycle.site s x
1
def-let-cycle.site:4:9: error[E0503]: cycle: `a` -> `b` -> `c` -> `a`
 4 | let c = a
   |         ^
  = help: break the cycle: one of these values must not depend on the others
def-let-cycle.site:2:9: note: `a` reads `b` here
 2 | let a = b + 1
   |         ^
def-let-cycle.site:3:10: note: `b` reads `c` here
 3 | let b = [c][0] * 2
   |          ^
def-let-cycle.site:4:9: note: `c` reads `a` here
 4 | let c = a
   |         ^
def-let-cycle.site:5:19: error[E0503]: cycle: `self_ref` -> `self_ref`
 5 | let self_ref = "${self_ref}!"
   |                   ^~~~~~~~
  = help: break the cycle: one of these values must not depend on the others
def-let-cycle.site:5:19: note: `self_ref` reads `self_ref` here
 5 | let self_ref = "${self_ref}!"
   |                   ^~~~~~~~
[1]
