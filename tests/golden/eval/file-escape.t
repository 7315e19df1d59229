# file() may not leave the fleet directory (here file-escape/): a path
# that resolves outside it is E0513, showing where it resolves relative to
# the fleet; `..` that stays inside is fine.
$ query --fleet file-escape s inside
true
$ query --fleet file-escape s up_one
file-escape/sub/x.site:3:17: error[E0513]: file(path): "../../file-escape.t" resolves to ../file-escape.t, outside the fleet directory
 3 |   up_one = file("../../file-escape.t")
   |                 ^~~~~~~~~~~~~~~~~~~~~
  = help: the path must stay inside the fleet directory (the resolved path is shown relative to it)
[1]
