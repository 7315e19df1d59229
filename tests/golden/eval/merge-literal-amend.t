# `path = { ... }` in a layer is an empty object plus the literal's
# statements, so a later layer's `path.x = v` and `path { ... }` amend it
# deeply; a path set with another expression (a constant, a call) is
# evaluated and the amend applies on the result; a later `=` with a
# literal replaces the whole object again.
$ query --fleet merge-literal-amend.site s1 '[lit, viaexpr, app]'
[
  {
    "image": "nginx",
    "res": {
      "cpu": "4",
      "mem": "1Gi",
      "gpu": 1
    },
    "ports": [
      {
        "name": "a",
        "port": 1
      }
    ],
    "extra": true
  },
  {
    "image": "nginx",
    "res": {
      "cpu": "4",
      "mem": "1Gi",
      "gpu": 1
    }
  },
  {
    "image": "httpd",
    "res": {
      "cpu": "2",
      "mem": "2Gi"
    }
  }
]
$ query --fleet merge-literal-amend.site s2 lit
{
  "image": "replaced"
}
