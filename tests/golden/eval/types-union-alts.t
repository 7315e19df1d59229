# A union reports the error of the one alternative a value was meant for:
# an int against `"auto" | int(576..9216)` gets the range error (E0602),
# a string gets a did-you-mean among the string literals, and a miss only
# in case suggests the literal it matches. A string "true" for a bool and
# 2.0 for an int say how to write them. `keyed` names a field the items
# have, checked when the type is resolved (E0609); an inline record's
# fields are named in messages, as `{ name; speed }`.
$ check types-union-alts.site
types-union-alts.site:6:23: error[E0609]: a list of int cannot be keyed: only records have fields
 6 |   a?: list<int> keyed x
   |                       ^
types-union-alts.site:7:45: error[E0609]: the list is keyed by `nmae`, but { name; v } has no field `nmae`
 7 |   b?: list<{ name: string; v?: int }> keyed nmae
   |                                             ^~~~
  = help: did you mean `name`?
types-union-alts.site:10:23: error[E0602]: `mtu` must be in 576..9216, but is 9217
 10 | site over : S { mtu = 9217 }
    |                       ^~~~
types-union-alts.site:2:3: note: the field `mtu` of `S` is "auto" | int(576..9216)
 2 |   mtu?: "auto" | int(576..9216)
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~
types-union-alts.site:11:23: error[E0605]: `mtu` must be "auto" | int(576..9216); not "aut"
 11 | site near : S { mtu = "aut" }
    |                       ^~~~~
  = help: did you mean "auto"?
types-union-alts.site:2:3: note: the field `mtu` of `S` is "auto" | int(576..9216)
 2 |   mtu?: "auto" | int(576..9216)
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~
types-union-alts.site:12:26: error[E0605]: `state` must be one of "online", "offline"; not "ONLINE"
 12 | site upper : S { state = "ONLINE" }
    |                          ^~~~~~~~
  = help: did you mean "online"?
types-union-alts.site:3:3: note: the field `state` of `S` is "online" | "offline"
 3 |   state?: "online" | "offline"
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~
types-union-alts.site:13:26: error[E0601]: `flag` must be bool, not the string "true"
 13 | site quoted : S { flag = "true"; count = 2.0 }
    |                          ^~~~~~
  = help: remove the quotes: true
types-union-alts.site:4:3: note: the field `flag` of `S` is bool
 4 |   flag?: bool
   |   ^~~~~~~~~~~
types-union-alts.site:13:42: error[E0601]: `count` must be int, not the float 2.0
 13 | site quoted : S { flag = "true"; count = 2.0 }
    |                                          ^~~
  = help: an int is written without a decimal point: 2
types-union-alts.site:8:3: note: the field `count` of `S` is int
 8 |   count?: int
   |   ^~~~~~~~~~~
types-union-alts.site:14:44: error[E0606]: `nics[name = "eth0"]` has no field `sped`
 14 | site inline : S { nics = [{ name = "eth0", sped = 10 }] }
    |                                            ^~~~
  = help: did you mean `speed`?
types-union-alts.site:5:15: note: `{ name; speed }` is a closed record: it takes no other field (`...` in it would allow any)
 5 |   nics?: list<{ name: string; speed?: int }> keyed name
   |               ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~
sitec: 8 errors in 1 file
[1]
