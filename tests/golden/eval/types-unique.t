# A unique list must not hold an item twice (E0608), reported at the
# later item, with the index of the first. Equality is deep and the one
# of ==: two objects with the same keys and values are equal whatever
# the order of their keys; the int 1 and the float 1.0 are equal, also
# inside lists and objects; strings compare exactly ("a", "A" and "a "
# are three items); items of different kinds (1, "1", [1]) are never
# equal. An item there three times is reported twice, each time against
# the first.
$ check types-unique.site
types-unique.site:14:24: error[E0608]: `tags` is a unique list, but "web" is both item 0 and item 2
 14 |   tags = ["web", "db", "web"]
    |                        ^~~~~
  = help: remove one of them
types-unique.site:2:3: note: the field `tags` of `S` is list<string> unique
 2 |   tags?: list<string> unique
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~
types-unique.site:15:42: error[E0608]: `rules` is a unique list, but {"proto":"tcp","port":80} is both item 0 and item 1
 15 |   rules = [{ port = 80, proto = "tcp" }, { proto = "tcp", port = 80 }]
    |                                          ^~~~~~~~~~~~~~~~~~~~~~~~~~~~
  = help: remove one of them
types-unique.site:3:3: note: the field `rules` of `S` is list<{ port; proto }> unique
 3 |   rules?: list<{ port: int; proto: string }> unique
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
types-unique.site:16:19: error[E0608]: `nums` is a unique list, but 1.0 is both item 0 and item 2
 16 |   nums = [1, 2.5, 1.0]
    |                   ^~~
  = help: remove one of them
types-unique.site:4:3: note: the field `nums` of `S` is list<float> unique
 4 |   nums?: list<float> unique
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~
types-unique.site:17:34: error[E0608]: `mixed` is a unique list, but [1.0,{"b":2.0}] is both item 0 and item 2
 17 |   mixed = [[1, { b = 2 }], null, [1.0, { b = 2.0 }], null]
    |                                  ^~~~~~~~~~~~~~~~~~
  = help: remove one of them
types-unique.site:5:3: note: the field `mixed` of `S` is list<any> unique
 5 |   mixed?: list<any> unique
   |   ^~~~~~~~~~~~~~~~~~~~~~~~
types-unique.site:17:54: error[E0608]: `mixed` is a unique list, but null is both item 1 and item 3
 17 |   mixed = [[1, { b = 2 }], null, [1.0, { b = 2.0 }], null]
    |                                                      ^~~~
  = help: remove one of them
types-unique.site:5:3: note: the field `mixed` of `S` is list<any> unique
 5 |   mixed?: list<any> unique
   |   ^~~~~~~~~~~~~~~~~~~~~~~~
types-unique.site:20:21: error[E0608]: `tags` is a unique list, but "a" is both item 0 and item 2
 20 |   tags = ["a", "b", "a", "a"]
    |                     ^~~
  = help: remove one of them
types-unique.site:2:3: note: the field `tags` of `S` is list<string> unique
 2 |   tags?: list<string> unique
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~
types-unique.site:20:26: error[E0608]: `tags` is a unique list, but "a" is both item 0 and item 3
 20 |   tags = ["a", "b", "a", "a"]
    |                          ^~~
  = help: remove one of them
types-unique.site:2:3: note: the field `tags` of `S` is list<string> unique
 2 |   tags?: list<string> unique
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~
sitec: 7 errors in 1 file
[1]
