# Object keys keep the order in which each was first set along the chain:
# later layers that change a key leave it in place, new keys go after;
# keys left to their record defaults come after the keys that were set (in
# schema order).
$ query --fleet merge-key-order.site s1 site
{
  "name": "s1",
  "labels": {
    "b": "3",
    "a": "2",
    "c": "2",
    "d": "3"
  },
  "opts": {
    "x": 1,
    "z": 2,
    "y": 0
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
