# `super` in an object literal's statement is the inherited value at the
# full path. expected [{"n":2},{"port":8081}]
$ query --fleet late-super-literal.site s '[a, cfg]'
[
  {
    "n": 2
  },
  {
    "port": 8081
  }
]
