# An amend creates the object when the path is absent (extra, and extra.a
# inside it); an amend or a path through a value that is not an object (a
# string, a list without a selector) is E0407.
$ query --fleet merge-amend-errors.site created extra
{
  "a": {
    "b": 1
  },
  "c": 2
}
$ check merge-amend-errors.site
merge-amend-errors.site:7:10: error[E0407]: `motd` is a string, not an object: a path cannot go into it
 7 |   motd { x = 1 }
   |          ^~~~~
merge-amend-errors.site:10:3: error[E0407]: `motd` is a string, not an object: a path cannot go into it
 10 |   motd.x = 1
    |   ^~~~~~~~~~
merge-amend-errors.site:13:3: error[E0407]: `tags` is a list, not an object: a path cannot go into it
 13 |   tags.x = "a"
    |   ^~~~~~~~~~~~
  = help: pick one element with a selector: `tags[name = "..."]`
sitec: 3 errors in 1 file
[1]
