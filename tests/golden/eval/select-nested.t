# Selectors chain into nested keyed lists: a set through two selectors, and
# `+=`/`-=` on the nested keyed list of a selected element; a miss in the
# inner list names the inner keys.
$ query --fleet select-nested.site s1 nics
[
  {
    "name": "eth0",
    "addrs": [
      {
        "ip": "10.0.0.2",
        "prefix": 16
      },
      {
        "ip": "10.0.0.3",
        "prefix": 8
      }
    ]
  }
]
$ check select-nested.site
select-nested.site:13:28: error[E0403]: the selector [ip = "10.9.9.9"] matches no element
 13 |   nics[name = "eth0"].addrs[ip = "10.9.9.9"].prefix = 16
    |                            ^~~~~~~~~~~~~~~~~
  = help: the list has ip = "10.0.0.1", "10.0.0.2"
sitec: 1 error in 1 file
[1]
