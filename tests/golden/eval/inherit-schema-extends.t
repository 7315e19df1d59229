# A schema extending another has the parent's fields (and defaults) plus
# its own. It can be named anywhere in a site's chain, also beside a
# profile that names the parent schema.
$ query --fleet inherit-schema-extends.site extended '[region, rack, power]'
[
  "eu",
  0,
  "ac"
]
$ query --fleet inherit-schema-extends.site direct '[region, rack, power]'
[
  "eu",
  0,
  "dc"
]
