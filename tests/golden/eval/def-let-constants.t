# Top-level lets may refer to each other in any order of declaration; each
# is evaluated once for the fleet; defs read them.
$ query --fleet def-let-constants.site s all
[
  "a.edge.example.net",
  "b.edge.example.net"
]
$ query --fleet def-let-constants.site s n
20
$ query --fleet def-let-constants.site s f
"s@example.net"
