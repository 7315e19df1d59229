# Checking is total: a field whose evaluation fails (ratio, nested.a:
# division by zero) is skipped, and so is one that depends on it
# (double), with no second error; every other field of the site is
# still checked, also the siblings of the failed one inside the nested
# record (nested.b, and nested.c's bad default), and a required field
# that is not set (need) is still reported.
$ check types-partial.site
types-partial.site:6:47: error[E0602]: `nested.c` must be in 0..9, but is 10
 6 |   nested: { a: int; b: string; c: int(0..9) = 10 }
   |                                               ^~
types-partial.site:6:32: note: the field `c` is int(0..9)
 6 |   nested: { a: int; b: string; c: int(0..9) = 10 }
   |                                ^~~~~~~~~~~~~~~~~
  = note: in site s
types-partial.site:9:6: error[E0607]: required field `need` is not set
 9 | site s : S {
   |      ^
  = help: set `need` in the site, or give the field a default
types-partial.site:7:3: note: the field `need` of `S` is string
 7 |   need: string
   |   ^~~~~~~~~~~~
types-partial.site:10:11: error[E0505]: division by zero
 10 |   ratio = 100 / 0
    |           ^~~~~~~
types-partial.site:12:10: error[E0602]: `port` must be in 1..65535, but is 0
 12 |   port = 0
    |          ^
types-partial.site:4:3: note: the field `port` of `S` is int(1..65535)
 4 |   port: int(1..65535)
   |   ^~~~~~~~~~~~~~~~~~~
types-partial.site:13:11: error[E0601]: `label` must be string, not the int 5
 13 |   label = 5
    |           ^
  = help: quote it: "5"
types-partial.site:5:3: note: the field `label` of `S` is string
 5 |   label?: string
   |   ^~~~~~~~~~~~~~
types-partial.site:14:14: error[E0505]: division by zero
 14 |   nested.a = 1 / 0
    |              ^~~~~
types-partial.site:15:14: error[E0601]: `nested.b` must be string, not the int 3
 15 |   nested.b = 3
    |              ^
  = help: quote it: "3"
types-partial.site:6:21: note: the field `b` is string
 6 |   nested: { a: int; b: string; c: int(0..9) = 10 }
   |                     ^~~~~~~~~
sitec: 7 errors in 1 file
[1]
