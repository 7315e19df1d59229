# A body `let` is a local constant for the rest of its body (a statement
# before it still sees the site field of the same name), late-bound per
# site (it reads the site's region), visible in nested amend blocks; a
# `let` of an amend block is not visible outside it, nor in a descendant.
$ query --fleet late-let.site s '[a, b, c]'
[
  "us",
  "us-local",
  {
    "x": "us-local/in"
  }
]
$ check late-let.site
late-let.site:19:9: error[E0501]: unknown name `inner`
 19 |   c.y = inner
    |         ^~~~~
sitec: 1 error in 1 file
[1]
