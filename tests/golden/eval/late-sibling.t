# Reading a sibling through a path is not a cycle: evaluation is lazy per
# value. expected a = {"x":1,"y":2,"z":3}, dns.search = ["example.net"]
$ query --fleet late-sibling.site s '[a, dns]'
[
  {
    "x": 1,
    "y": 2,
    "z": 3
  },
  {
    "search": [
      "example.net"
    ],
    "domain": "example.net"
  }
]
