# What `final` does not forbid: keys beside a final key (set, += of an
# object that does not name the final key, -= of other keys), and siblings
# of a final field.
$ query --fleet final-ok.site s1 '[region, labels, net]'
[
  "eu",
  {
    "team": "core",
    "owner": "me"
  },
  {
    "mtu": 9000,
    "vlan": 2
  }
]
