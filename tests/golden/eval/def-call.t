# def functions: called with site values as arguments, returning any
# kind, calling other defs (nested calls), used in comprehensions, with
# no parameters; a parameter hides a fleet constant of the same name; the
# body is evaluated per call with the arguments' kinds (twice works on
# strings and lists).
$ query --fleet def-call.site s a
"s.edge.example.net"
$ query --fleet def-call.site s b
{
  "first": 1,
  "second": [
    2
  ]
}
$ query --fleet def-call.site s c
12
$ query --fleet def-call.site s d
[
  "a.edge.example.net",
  "b.edge.example.net"
]
$ query --fleet def-call.site s e
null
$ query --fleet def-call.site s f
[
  "param",
  "edge.example.net"
]
$ query --fleet def-call.site s g
[
  "abab",
  [
    1,
    1
  ]
]
$ query --fleet def-call.site s 'fqdn(upper("x"))'
"X.edge.example.net"
