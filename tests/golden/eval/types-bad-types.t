# A type that cannot hold any value, or does not make sense, is E0609
# when the fleet's types are resolved, once, at the type, whether or not
# a site uses it (Unused is reported too): an empty range (10..1), a float
# bound on an int, a negative string length, a regex that does not
# compile (with the reason from regcomp), a range on bool, a regex on
# int, and `keyed` on a map. An unknown type name is E0309 with a
# did-you-mean, also inside list<...>. A range of one value (5..5, 0..0)
# is fine. The site is still checked: a field of a malformed type takes
# any value, and the fields of sound types are checked (port = 0 fails).
$ check types-bad-types.site
types-bad-types.site:1:15: error[E0609]: the range 5..1 is empty: its lower bound is above its upper bound
 1 | type Unused = int(5..1)
   |               ^~~~~~~~~
  = help: write LOW..HIGH; both bounds are included
types-bad-types.site:3:11: error[E0609]: the range 10..1 is empty: its lower bound is above its upper bound
 3 |   empty?: int(10..1)
   |           ^~~~~~~~~~
  = help: write LOW..HIGH; both bounds are included
types-bad-types.site:4:15: error[E0609]: an int range has whole-number bounds, not 1.5
 4 |   mixed?: int(1.5..10)
   |               ^~~
  = help: use float(...) for a float range
types-bad-types.site:5:19: error[E0609]: a length cannot be negative
 5 |   neglen?: string(-1..3)
   |                   ^~
types-bad-types.site:6:12: error[E0609]: the regex /a{2,1}/ does not compile: Invalid content of \{\}
 6 |   braces?: string(/a{2,1}/)
   |            ^~~~~~~~~~~~~~~~
  = help: regexes are POSIX extended (ERE), as grep -E reads them
types-bad-types.site:7:11: error[E0609]: the regex /(/ does not compile: Unmatched ( or \(
 7 |   paren?: string(/(/)
   |           ^~~~~~~~~~~
  = help: regexes are POSIX extended (ERE), as grep -E reads them
types-bad-types.site:8:10: error[E0609]: `bool` takes no range
 8 |   flag?: bool(0..1)
   |          ^~~~~~~~~~
  = help: ranges refine int, float and string (a length)
types-bad-types.site:9:9: error[E0609]: `int` takes no regex
 9 |   num?: int(/^[0-9]+$/)
   |         ^~~~~~~~~~~~~~~
  = help: a regex refines string: string(/.../)
types-bad-types.site:10:29: error[E0609]: only a list can be keyed
 10 |   names?: map<string> keyed name
    |                             ^~~~
  = help: write list<...> keyed FIELD, or use a map
types-bad-types.site:11:10: error[E0309]: no type is called `strnig`
 11 |   what?: strnig
    |          ^~~~~~
  = help: did you mean `string`?
types-bad-types.site:12:16: error[E0309]: no type is called `Prot`
 12 |   ports?: list<Prot>
    |                ^~~~
  = help: did you mean `Port`?
types-bad-types.site:24:10: error[E0602]: `port` must be in 1..65535, but is 0
 24 |   port = 0
    |          ^
types-bad-types.site:15:3: note: the field `port` of `S` is int(1..65535)
 15 |   port?: int(1..65535)
    |   ^~~~~~~~~~~~~~~~~~~~
sitec: 12 errors in 1 file
[1]
