# `site NAME` sets `name`, final: no profile can set it (not even with +=
# in an if); the error is the profile's, reported once however many sites
# inherit it.
$ check final-name.site
final-name.site:3:3: error[E0402]: `name` is set by each site's declaration and cannot be set by profile `p`
 3 |   name = "renamed"
   |   ^~~~~~~~~~~~~~~~
  = help: remove this statement: `site NAME` names the site
final-name.site:8:13: error[E0402]: `name` is set by each site's declaration and cannot be set by profile `q`
 8 |   if true { name += "-x" }
   |             ^~~~~~~~~~~~
  = help: remove this statement: `site NAME` names the site
sitec: 2 errors in 1 file
[1]
