# `a { b = 1 }` is the same as `a.b = 1`: both profiles give the same value,
# and explain lists the same operators on the same paths (plus the amend
# blocks, which create the objects).
$ query --fleet merge-amend-equiv.site s-dotted os_extra
{
  "a": {
    "b": 1,
    "c": [
      "x"
    ]
  }
}
$ query --fleet merge-amend-equiv.site s-block os_extra
{
  "a": {
    "b": 1,
    "c": [
      "x"
    ]
  }
}
$ explain --fleet merge-amend-equiv.site s-dotted os_extra.a
site s-dotted, os_extra.a
{
  "b": 1,
  "c": [
    "x"
  ]
}

set by, most specific first:
  profile dotted  merge-amend-equiv.site:6:3  os_extra.a.c +=
      | os_extra.a.c += ["x"]
  profile dotted  merge-amend-equiv.site:5:3  os_extra.a.b =
      | os_extra.a.b = 1
$ explain --fleet merge-amend-equiv.site s-block os_extra.a
site s-block, os_extra.a
{
  "b": 1,
  "c": [
    "x"
  ]
}

set by, most specific first:
  profile block  merge-amend-equiv.site:9:25  os_extra.a.c +=
      | os_extra { a { b = 1; c += ["x"] } }
  profile block  merge-amend-equiv.site:9:18  os_extra.a.b =
      | os_extra { a { b = 1; c += ["x"] } }
  profile block  merge-amend-equiv.site:9:14  { }
      | os_extra { a { b = 1; c += ["x"] } }
