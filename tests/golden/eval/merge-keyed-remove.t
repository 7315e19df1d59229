# `-=` on a keyed list takes the keys of the elements to drop (ints for a
# list keyed by an int field); a key that is not there is ignored; the
# Kubernetes lists are removed from by their merge keys (name, mountPath).
$ query --fleet merge-keyed-remove.site s1 ports
[
  {
    "port": 80,
    "proto": "tcp"
  },
  {
    "port": 443,
    "proto": "tcp"
  }
]
$ query --fleet merge-keyed-remove.site s1 k8s.d.spec.template.spec.containers
[
  {
    "name": "a",
    "volumeMounts": [
      {
        "mountPath": "/y"
      }
    ]
  }
]
