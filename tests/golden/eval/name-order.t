# A bare name is a `let`, a comprehension variable or function parameter,
# a fleet constant, then a field of the site root; where bindings nest, the
# innermost wins (a comprehension variable hides a body `let`, an inner
# object's `let` hides the outer one). A `let` is local to its body: the
# profile's `tier` is not seen by the site, which reads the field. `self.`
# and `site.` reach a field that a `let` hides.
$ query --fleet name-order.site s a
"profile-let"
$ query --fleet name-order.site s b
"let"
$ query --fleet name-order.site s c
[
  "comprehension"
]
$ query --fleet name-order.site s d
[
  "constant",
  "parameter",
  "constant",
  "comprehension"
]
$ query --fleet name-order.site s e
[
  "field",
  "field",
  "field"
]
$ query --fleet name-order.site s f
"field"
$ query --fleet name-order.site s g
{
  "here": "inner-let",
  "outer": "let-2"
}
