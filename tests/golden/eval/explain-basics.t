# explain prints the final value at a path and every statement that set
# it, most specific first, with the layer, the place, the operator and the
# value it replaced, down to the schema default: a scalar left to its
# default, a scalar set by a profile, a list built by a `+=`/`-=` chain,
# an object set piecewise by several layers (an amend block is listed
# too), and a value chosen by an `if`/`else` whose skipped branch is listed
# as skipped.
$ explain --fleet explain-basics.site paris-01 port
site paris-01, port
80

set by, most specific first:
  default of `port`  explain-basics.site:3:3
      | port: int = 80
$ explain --fleet explain-basics.site paris-01 region
site paris-01, region
"eu"

set by, most specific first:
  profile eu  explain-basics.site:14:3  =
      | region = "eu"
      before: "none"
  default of `region`  explain-basics.site:2:3
      | region: string = "none"
$ explain --fleet explain-basics.site paris-01 tags
site paris-01, tags
[
  "global",
  "eu",
  "paris"
]

set by, most specific first:
  site paris-01  explain-basics.site:20:3  -=
      | tags -= ["base"]
      before: ["base","global","eu","paris"]
  site paris-01  explain-basics.site:19:3  +=
      | tags += ["paris"]
      before: ["base","global","eu"]
  profile eu  explain-basics.site:15:3  +=
      | tags += ["eu"]
      before: ["base","global"]
  profile global  explain-basics.site:9:3  +=
      | tags += ["global"]
      before: ["base"]
  default of `tags`  explain-basics.site:4:3
      | tags: list<string> = ["base"]
$ explain --fleet explain-basics.site paris-01 dns
site paris-01, dns
{
  "search": [
    "a.example.net"
  ],
  "domain": "eu.example.net"
}

set by, most specific first:
  profile eu  explain-basics.site:16:9  dns.domain =
      | dns { domain = "eu.example.net" }
  profile eu  explain-basics.site:16:3  { }
      | dns { domain = "eu.example.net" }
  profile global  explain-basics.site:10:3  dns.search =
      | dns.search = ["a.example.net"]
  default of `dns`  explain-basics.site:5:3
      | dns: { domain: string = "example.net"; search: list<string> = [] }
$ explain --fleet explain-basics.site nyc-01 mode
site nyc-01, mode
"other"

set by, most specific first:
  profile global  explain-basics.site:11:49  =
      | if region == "eu" { mode = "eu-mode" } else { mode = "other" }
      before: (unset)
  profile global  explain-basics.site:11:23  =  (skipped: its `if` branch is not taken)
      | if region == "eu" { mode = "eu-mode" } else { mode = "other" }
