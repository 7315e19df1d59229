# A fleet constant named like a site field is E0308 at the constant, with a
# note at the field: a bare name in a body could no longer reach the field.
# Each such constant is reported, and the fleet is not evaluated.
$ query --fleet name-constant-hides-field.site s other
1
name-constant-hides-field.site:2:5: error[E0308]: fleet constant `region` has the name of a site field
 2 | let region = "us"
   |     ^~~~~~
  = help: rename the constant: a bare `region` in a body would no longer reach the site's field
name-constant-hides-field.site:1:12: note: the field `region` of schema `S`
 1 | schema S { region: string = "eu"; port: int = 80 }
   |            ^~~~~~
name-constant-hides-field.site:3:5: error[E0308]: fleet constant `port` has the name of a site field
 3 | let port = 8080
   |     ^~~~
  = help: rename the constant: a bare `port` in a body would no longer reach the site's field
name-constant-hides-field.site:1:35: note: the field `port` of schema `S`
 1 | schema S { region: string = "eu"; port: int = 80 }
   |                                   ^~~~
[1]
$ check name-constant-hides-field.site
name-constant-hides-field.site:2:5: error[E0308]: fleet constant `region` has the name of a site field
 2 | let region = "us"
   |     ^~~~~~
  = help: rename the constant: a bare `region` in a body would no longer reach the site's field
name-constant-hides-field.site:1:12: note: the field `region` of schema `S`
 1 | schema S { region: string = "eu"; port: int = 80 }
   |            ^~~~~~
name-constant-hides-field.site:3:5: error[E0308]: fleet constant `port` has the name of a site field
 3 | let port = 8080
   |     ^~~~
  = help: rename the constant: a bare `port` in a body would no longer reach the site's field
name-constant-hides-field.site:1:35: note: the field `port` of schema `S`
 1 | schema S { region: string = "eu"; port: int = 80 }
   |                                   ^~~~
sitec: 2 errors in 1 file
[1]
