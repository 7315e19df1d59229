# explain of values the defaults made: a record field partly set and partly
# defaulted (the set key is listed with the record's default below), one
# key left to its record default, a list left to its default, and an
# optional field no layer sets (unset, nothing sets it).
$ explain --fleet explain-default.site s1 res
site s1, res
{
  "mem": "1Gi",
  "cpu": "100m"
}

set by, most specific first:
  profile global  explain-default.site:8:3  res.mem =
      | res.mem = "1Gi"
  default of `res`  explain-default.site:3:3
      | res: Res
$ explain --fleet explain-default.site s1 res.cpu
site s1, res.cpu
"100m"

set by, most specific first:
  default of `cpu`  explain-default.site:1:14
      | schema Res { cpu: string = "100m"; mem: string = "128Mi" }
$ explain --fleet explain-default.site s1 ntp
site s1, ntp
[
  "pool.ntp.org"
]

set by, most specific first:
  default of `ntp`  explain-default.site:4:3
      | ntp: list<string> = ["pool.ntp.org"]
$ explain --fleet explain-default.site s1 opt
site s1, opt
(unset)

set by, most specific first:
  (nothing sets it)
