# A def body sees only its parameters, fleet constants and other functions:
# reading a site field there is E0516 at the read (the help says to pass
# the value in), even though a site is calling it.
$ query --fleet name-site-context-def.site s e
81
name-site-context-def.site:2:21: error[E0516]: `port` is not visible here: a function or fleet constant cannot read a site's fields
 2 | def reads_field() = port + 1
   |                     ^~~~
  = help: pass the value in as an argument
[1]
$ query --fleet name-site-context-def.site s a
name-site-context-def.site:2:21: error[E0516]: `port` is not visible here: a function or fleet constant cannot read a site's fields
 2 | def reads_field() = port + 1
   |                     ^~~~
  = help: pass the value in as an argument
[1]
