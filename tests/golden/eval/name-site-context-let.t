# A top-level let is evaluated once for the fleet, not per site: `self`,
# `site` and `super` in it are E0516, each reported, and nothing else is
# evaluated.
$ query --fleet name-site-context-let.site s ok
1
name-site-context-let.site:3:17: error[E0516]: `self` is not visible in a function or fleet constant
 3 | let with_self = self
   |                 ^~~~
  = help: pass the value in as an argument
name-site-context-let.site:4:17: error[E0516]: `site` is not visible in a function or fleet constant
 4 | let with_site = site.port
   |                 ^~~~
  = help: pass the value in as an argument
name-site-context-let.site:5:18: error[E0516]: `super` is not visible in a function or fleet constant
 5 | let with_super = super + 1
   |                  ^~~~~
  = help: pass the value in as an argument
[1]
