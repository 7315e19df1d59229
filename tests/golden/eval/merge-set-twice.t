# One body may set a path once: `n = 1; n = 2` is an error naming both,
# and so is `n = 1` followed by `if c { n = 2 }`, two separate ifs, or an
# if/else followed by a set. Fine: `a = {...}` then `a.b = ...` (a
# different path, applied in order), the branches of one if/else (also
# `else if` chains and nested ifs), and `+=` after a set.
$ check merge-set-twice.site
merge-set-twice.site:8:3: error[E0401]: `n` is set twice in one body
 8 |   n = 2
   |   ^~~~~
  = help: a layer says one thing about each value: keep one of them, or choose with `if c { ... } else { ... }` or `if c then a else b`
merge-set-twice.site:7:3: note: it is first set here
 7 |   n = 1
   |   ^~~~~
merge-set-twice.site:20:13: error[E0401]: `n` is set twice in one body
 20 |   if flag { n = 2 }
    |             ^~~~~
  = help: a layer says one thing about each value: keep one of them, or choose with `if c { ... } else { ... }` or `if c then a else b`
merge-set-twice.site:19:3: note: it is first set here
 19 |   n = 1
    |   ^~~~~
merge-set-twice.site:29:14: error[E0401]: `n` is set twice in one body
 29 |   if !flag { n = 2 }
    |              ^~~~~
  = help: a layer says one thing about each value: keep one of them, or choose with `if c { ... } else { ... }` or `if c then a else b`
merge-set-twice.site:28:13: note: it is first set here
 28 |   if flag { n = 1 }
    |             ^~~~~
merge-set-twice.site:40:3: error[E0401]: `n` is set twice in one body
 40 |   n = 5
    |   ^~~~~
  = help: a layer says one thing about each value: keep one of them, or choose with `if c { ... } else { ... }` or `if c then a else b`
merge-set-twice.site:39:13: note: it is first set here
 39 |   if flag { n = 1 } else { n = 2 }
    |             ^~~~~
sitec: 4 errors in 1 file
[1]
$ query --fleet merge-set-twice.site literal-then-dot a
{
  "b": 2,
  "c": 3
}
$ query --fleet merge-set-twice.site if-else n
1
$ query --fleet merge-set-twice.site add-chain n
6
$ query --fleet merge-set-twice.site else-if n
1
$ query --fleet merge-set-twice.site nested-if '[n, a]'
[
  2,
  {
    "x": 1
  }
]
