# Expressions in a profile are evaluated on each site's final, merged
# value: bare names read the site's fields (set by descendants, or left to
# their defaults), a fleet constant is seen too, `self` is the innermost
# object of the statement (inside `dns { }` it is `dns`, as merged:
# paris-01 changed its domain; in a top-level `where = ...` it is the
# site), `site` is the root.
$ query --fleet late-binding.site paris-01 '[os.hosts, dns, summary, where]'
[
  {
    "paris-01.mgmt": "10.0.0.1"
  },
  {
    "fqdn": "paris-01.paris.example.net",
    "search": [
      "paris.example.net",
      "eu.paris-01"
    ],
    "domain": "paris.example.net"
  },
  "paris-01 in eu has 2 ntp servers",
  "eu"
]
$ query --fleet late-binding.site nyc-01 '[os.hosts, dns, summary, where]'
[
  {
    "nyc-01.mgmt": "10.1.0.1"
  },
  {
    "fqdn": "nyc-01.example.net",
    "search": [
      "example.net",
      "none.nyc-01"
    ],
    "domain": "example.net"
  },
  "nyc-01 in none has 0 ntp servers",
  "none"
]
