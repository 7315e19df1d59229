# Exactly one schema must be reachable from a site: none is E0306 (also
# a site with no parents), two unrelated ones E0307 with where the chain
# names each. A schema that extends another (EdgeSite : Site) counts as
# one, wherever the chain names them (sites `extended`, `direct-and-profile`).
$ check inherit-schemas.site
inherit-schemas.site:8:6: error[E0306]: site `no-schema` has no schema
 8 | site no-schema : bare {}
   |      ^~~~~~~~~
  = help: name a schema in the parent list of the site or of a profile it inherits: `profile global : Site`
inherit-schemas.site:9:6: error[E0306]: site `no-parents` has no schema
 9 | site no-parents {}
   |      ^~~~~~~~~~
  = help: name a schema in the parent list of the site or of a profile it inherits: `profile global : Site`
inherit-schemas.site:10:6: error[E0307]: site `two-schemas` reaches two schemas, `Other` and `Site`
 10 | site two-schemas : global, other {}
    |      ^~~~~~~~~~~
  = help: a site has exactly one schema; make one extend the other
inherit-schemas.site:7:9: note: `other` names `Other`
 7 | profile other : Other {}
   |         ^~~~~
inherit-schemas.site:5:9: note: `global` names `Site`
 5 | profile global : Site {}
   |         ^~~~~~
sitec: 3 errors in 1 file
[1]
