# The fields of an object literal are never bare names: inside
# `{ name = "x", copy = name }` the second `name` is the site's name. Write
# `self.name` for the sibling; `self` is the innermost object literal (so
# `self.nam` there is E0508 on that object). Keywords are ordinary keys.
$ query --fleet name-object-literal.site s labels
{
  "name": "x",
  "copy": "s",
  "sibling": "x",
  "inner": {
    "name": "deep",
    "up": "s",
    "mine": "deep"
  }
}
$ query --fleet name-object-literal.site s psks
[
  {
    "name": "re-0",
    "psk": {
      "$secret": "vault:s/0"
    },
    "own": {
      "$secret": "vault:re-0"
    }
  },
  {
    "name": "re-1",
    "psk": {
      "$secret": "vault:s/1"
    },
    "own": {
      "$secret": "vault:re-1"
    }
  }
]
$ query --fleet name-object-literal.site s keywords
{
  "site": "s",
  "self": "k",
  "super": "s",
  "for": "x"
}
$ query --fleet name-object-literal.site s no_sibling
name-object-literal.site:6:33: error[E0508]: `no_sibling` has no field `nam`
 6 |   no_sibling = { id = 1, copy = self.nam }
   |                                 ^~~~~~~~
  = help: test for it first with has(obj, key)
[1]
