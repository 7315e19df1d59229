# C3 over right-to-left parents: the diamond's base is applied once, the
# later parent (p2) wins, += chains accumulate in linearization order.
$ query --fleet inherit-diamond.site s1 site
{
  "name": "s1",
  "port": 9090,
  "tags": [
    "a",
    "p1",
    "p2"
  ],
  "nics": [
    {
      "name": "eth0",
      "mtu": 1400
    },
    {
      "name": "eth1",
      "mtu": 9000
    },
    {
      "name": "eth2",
      "mtu": 1500
    }
  ],
  "x": 9091,
  "y": 1,
  "region": "eu",
  "meta": {
    "b": 42,
    "a": 1
  },
  "os": {
    "hostname": "s1.example.net",
    "hosts": {},
    "sysctl": {},
    "users": [],
    "ca_certs": {},
    "files": {},
    "units": {}
  },
  "k8s": {},
  "api": {}
}
$ explain --fleet inherit-diamond.site s1 port
site s1, port
9090

set by, most specific first:
  profile p2  inherit-diamond.site:20:38  =
      | profile p2 : base { tags += ["p2"] ; port = 9090 }
      before: 8080
  profile base  inherit-diamond.site:13:3  =
      | port = 8080
      before: 80
  default of `port`  inherit-diamond.site:3:3
      | port: int = 80
$ explain --fleet inherit-diamond.site s1 tags
site s1, tags
[
  "a",
  "p1",
  "p2"
]

set by, most specific first:
  profile p2  inherit-diamond.site:20:21  +=
      | profile p2 : base { tags += ["p2"] ; port = 9090 }
      before: ["a","p1"]
  profile p1  inherit-diamond.site:19:21  +=
      | profile p1 : base { tags += ["p1"] ; region = "eu" }
      before: ["a"]
  profile base  inherit-diamond.site:14:3  =
      | tags = ["a"]
      before: []
  default of `tags`  inherit-diamond.site:4:3
      | tags: list<string> = []
