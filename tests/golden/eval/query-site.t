# `query SITE site` prints the whole site: name first, parameters (also
# those only defaulted) and outputs, keys in definition order; optional
# fields never set are omitted. In a query `self` is the site root too, and
# any expression over the site's fields works.
$ query --fleet query-site.site paris-01 site
{
  "name": "paris-01",
  "tags": [
    "edge",
    "eu"
  ],
  "os": {
    "hostname": "paris-01.example.net",
    "hosts": {},
    "sysctl": {},
    "users": [],
    "ca_certs": {},
    "files": {},
    "units": {}
  },
  "port": 8443,
  "region": "eu",
  "k8s": {},
  "api": {}
}
$ query --fleet query-site.site paris-01 'self == site'
true
$ query --fleet query-site.site paris-01 '{ host = os.hostname, n = len(tags), https = port == 8443 }'
{
  "host": "paris-01.example.net",
  "n": 2,
  "https": true
}
$ query --fleet query-site.site paris-01 'has(site, "mgmt_ip")'
false
$ query --fleet query-site.site paris-01 name
"paris-01"
