# `a { b = 1 }` is the same as `a.b = 1`: with another set of `a.b` in the
# same body it is E0401, whichever form each statement takes.
$ check merge-set-twice-amend.site
merge-set-twice-amend.site:4:3: error[E0401]: `a.b` is set twice in one body
 4 |   a.b = 2
   |   ^~~~~~~
  = help: a layer says one thing about each value: keep one of them, or choose with `if c { ... } else { ... }` or `if c then a else b`
merge-set-twice-amend.site:3:7: note: it is first set here
 3 |   a { b = 1 }
   |       ^~~~~
merge-set-twice-amend.site:8:7: error[E0401]: `a.b` is set twice in one body
 8 |   a { b = 2 }
   |       ^~~~~
  = help: a layer says one thing about each value: keep one of them, or choose with `if c { ... } else { ... }` or `if c then a else b`
merge-set-twice-amend.site:7:7: note: it is first set here
 7 |   a { b = 1 }
   |       ^~~~~
merge-set-twice-amend.site:12:7: error[E0401]: `a.b` is set twice in one body
 12 |   a { b = 2 }
    |       ^~~~~
  = help: a layer says one thing about each value: keep one of them, or choose with `if c { ... } else { ... }` or `if c then a else b`
merge-set-twice-amend.site:11:3: note: it is first set here
 11 |   a.b = 1
    |   ^~~~~~~
merge-set-twice-amend.site:15:21: error[E0401]: `a.b.c` is set twice in one body
 15 |   a = { b { c = 1 } b.c = 2 }
    |                     ^~~~~~~
  = help: a layer says one thing about each value: keep one of them, or choose with `if c { ... } else { ... }` or `if c then a else b`
merge-set-twice-amend.site:15:13: note: it is first set here
 15 |   a = { b { c = 1 } b.c = 2 }
    |             ^~~~~
sitec: 4 errors in 1 file
[1]
