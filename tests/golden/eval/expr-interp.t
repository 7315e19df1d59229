# String interpolation of names, ints, floats, bools and null; of any
# expression (arithmetic, nested strings, if); escapes. A list or an object
# cannot be interpolated (E0504 at the ${} expression, with a help line).
$ query --fleet expr-interp.site s line
"s.example.net:8443 ratio=0.25 up=true gone=null"
$ query --fleet expr-interp.site s math
"8444/4221.5/-1"
$ query --fleet expr-interp.site s nested
"outer inner 2 y"
$ query --fleet expr-interp.site s escapes
"tab\tquote\" backslash\\ dollar${x} 😀"
$ query --fleet expr-interp.site s ok_list
"tags: a, b"
$ query --fleet expr-interp.site s bad_list
expr-interp.site:14:23: error[E0504]: cannot put a list in a string
 14 |   bad_list = "tags: ${tags}"
    |                       ^~~~
  = help: use join(", ", list) or to_string(value)
[1]
$ query --fleet expr-interp.site s bad_obj
expr-interp.site:15:22: error[E0504]: cannot put an object in a string
 15 |   bad_obj = "meta: ${meta}"
    |                      ^~~~
  = help: use join(", ", list) or to_string(value)
[1]
