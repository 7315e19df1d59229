# `super` is the value the statement replaces: the inherited value at the
# same path, down to the schema default; each layer sees the one below it,
# so `labels = super + {...}` accumulates; inside an amend block it is the
# inherited value at the full path (labels.tier). `super` where nothing was
# inherited (no layer, no default) is E0408.
$ query --fleet late-super.site paris-01 '[labels, port, tags, banner]'
[
  {
    "site": "paris-01",
    "managed-by": "sitec",
    "tier": "edge",
    "region": "eu"
  },
  8001,
  [
    "base",
    "global"
  ],
  "v1+eu"
]
$ query --fleet late-super.site nested '[labels, tags]'
[
  {
    "managed-by": "sitec",
    "tier": "edge-1",
    "region": "eu"
  },
  [
    "BASE",
    "GLOBAL"
  ]
]
$ check late-super.site
late-super.site:27:11: error[E0408]: `super`: nothing is set at `extra` before this statement
 27 |   extra = super + { a = "b" }
    |           ^~~~~
  = help: no layer below sets this path; write the value without `super`
sitec: 1 error in 1 file
[1]
