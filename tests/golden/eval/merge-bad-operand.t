# `+=` and `-=` on kinds they cannot combine are errors (E0405) at the
# statement, each with a hint of what the operator takes; `+=` on ints
# that overflows is E0506.
$ check merge-bad-operand.site
merge-bad-operand.site:7:27: error[E0405]: cannot add a string to a list
 7 | site list-plus-item : S { tags += "x" }
   |                           ^~~~~~~~~~~
  = help: += on a list takes a list: wrap the item in [ ]
merge-bad-operand.site:8:29: error[E0405]: cannot add a list to an object
 8 | site object-plus-list : S { labels += ["a"] }
   |                             ^~~~~~~~~~~~~~~
  = help: += appends a list to a list, merges an object into an object, joins strings and adds numbers
merge-bad-operand.site:9:31: error[E0405]: cannot add an int to a string
 9 | site string-plus-number : S { motd += 1 }
   |                               ^~~~~~~~~
  = help: += appends a list to a list, merges an object into an object, joins strings and adds numbers
merge-bad-operand.site:10:25: error[E0405]: cannot remove from an int
 10 | site number-minus : S { count -= [1] }
    |                         ^~~~~~~~~~~~
  = help: -= removes the items of a list from a list, the elements with the listed keys from a keyed list, or the listed keys from an object
merge-bad-operand.site:11:28: error[E0405]: -= takes a list, not a string
 11 | site list-minus-item : S { tags -= "x" }
    |                            ^~~~~~~~~~~
  = help: -= removes the items of a list from a list, the elements with the listed keys from a keyed list, or the listed keys from an object
merge-bad-operand.site:12:30: error[E0405]: -= on an object takes a list of keys (strings), not an int
 12 | site object-minus-ints : S { labels -= [1] }
    |                              ^~~~~~~~~~~~~
merge-bad-operand.site:13:25: error[E0405]: cannot remove from a string
 13 | site string-minus : S { motd -= ["h"] }
    |                         ^~~~~~~~~~~~~
  = help: -= removes the items of a list from a list, the elements with the listed keys from a keyed list, or the listed keys from an object
merge-bad-operand.site:15:23: error[E0506]: 9223372036854775807 + 1 overflows 64 bits
 15 | site overflow : big { count += 1 }
    |                       ^~~~~~~~~~
sitec: 8 errors in 1 file
[1]
