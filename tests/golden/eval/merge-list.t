# Lists: `+=` appends after what is inherited (the default is the bottom
# layer), `-=` drops every item equal to one on the right (all of them),
# removing what is not there does nothing; `+=` on an absent value sets it
# and `-=` on an absent value leaves it absent; `=` replaces.
$ query --fleet merge-list.site s1 site
{
  "name": "s1",
  "tags": [
    "d",
    "b2",
    "s"
  ],
  "ports": [
    1,
    3
  ],
  "more": [
    7
  ],
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
$ query --fleet merge-list.site s2 tags
[
  "only"
]
