# `self` in an element on the right of a keyed += is the merged element:
# it sees the fields of the element it merges into (also through a nested
# amend and has()), its own fields win, a new element sees only its own,
# and a field that reads itself is still a cycle.
$ query --fleet self-keyed-add.site inherited containers
[
  {
    "name": "app",
    "image": "x:1.0",
    "tag": "1.0",
    "env": {
      "A": "1",
      "B": "b1"
    }
  }
]
$ query --fleet self-keyed-add.site own containers
[
  {
    "name": "app",
    "image": "x:2.0",
    "tag": "2.0",
    "env": {
      "A": "1"
    }
  }
]
$ query --fleet self-keyed-add.site fresh 'containers[1]'
{
  "name": "new",
  "tag": "3",
  "image": "y:3",
  "env": {}
}
$ query --fleet self-keyed-add.site cycle containers
self-keyed-add.site:21:42: error[E0503]: cycle: `{...}.image` -> `{...}.image`
 21 |   containers += [{ name = "app", image = self.image }]
    |                                          ^~~~~~~~~~
  = help: break the cycle: one of these values must not depend on the others
self-keyed-add.site:21:42: note: `{...}.image` reads `{...}.image` here
 21 |   containers += [{ name = "app", image = self.image }]
    |                                          ^~~~~~~~~~
[1]
