# Schema defaults are the bottom layer: `+=` on a defaulted list appends
# to the default, `super` reads the default, expressions read defaults, and
# a default expression is late-bound (`fqdn` uses the site's name). Record
# defaults fill list elements (`os.users` get `groups = []` and their
# `ssh_authorized_keys`), a record field whose fields all have defaults
# defaults to `{}` filled in (res), and a partly set record gets the rest.
$ query --fleet inherit-defaults.site paris-01 '[ntp, port, fqdn, res, limits, label]'
[
  [
    "pool.ntp.org",
    "ntp.internal"
  ],
  8080,
  "paris-01.example.net",
  {
    "cpu": "100m",
    "mem": "128Mi"
  },
  {
    "hard": 10,
    "soft": 1
  },
  "paris-01.example.net:8080"
]
$ query --fleet inherit-defaults.site paris-01 os.users
[
  {
    "name": "ops",
    "groups": [],
    "ssh_authorized_keys": []
  },
  {
    "name": "dev",
    "groups": [
      "wheel"
    ],
    "ssh_authorized_keys": []
  }
]
