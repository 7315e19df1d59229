# Objects: `+=` merges the keys shallowly (right wins; a nested object is
# replaced whole, so the `log.file` the base set is gone), an amend merges
# deeply (s2 keeps it), `-=` drops the listed keys; strings concatenate,
# numbers add (int + int is an int, a float makes a float); `+=` on an
# absent value sets it, `-=` on an absent value leaves it absent.
$ query --fleet merge-object.site s1 site
{
  "name": "s1",
  "labels": {
    "app": "web",
    "tier": "back",
    "zone": "z1"
  },
  "cfg": {
    "log": {
      "level": "debug"
    },
    "port": 80
  },
  "motd": "hello, world",
  "count": 42,
  "ratio": 1.5,
  "absent-s": "x",
  "absent-n": 2,
  "absent-o": {
    "k": "v"
  },
  "k8s": {},
  "api": {},
  "os": {
    "hosts": {},
    "sysctl": {},
    "users": [],
    "ca_certs": {},
    "files": {},
    "units": {}
  }
}
$ query --fleet merge-object.site s2 cfg
{
  "log": {
    "file": "/var/log/x",
    "level": "debug"
  },
  "port": 80
}
$ query --fleet merge-object.site s2 'has(site, "absent-o")'
false
