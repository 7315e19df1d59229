# A selector `[f = v]` picks the one element of a list whose field f equals
# v, in keyed and plain lists alike, and the statement applies to it: a
# set, a `+=` (onto a defaulted list, or an absent one), an amend block;
# selectors chain (`containers[...].ports[...]`). Elements keep their order.
$ query --fleet select-amend.site s1 '[nics, plain]'
[
  [
    {
      "name": "eth0",
      "mtu": 1400,
      "tags": [
        "uplink"
      ]
    },
    {
      "name": "eth1",
      "mtu": 9000,
      "tags": [],
      "vlan": 10
    }
  ],
  [
    {
      "id": 1,
      "v": "a"
    },
    {
      "id": 2,
      "v": "B"
    }
  ]
]
$ query --fleet select-amend.site s1 k8s.app.spec.template.spec.containers
[
  {
    "name": "app",
    "image": "app:1",
    "ports": [
      {
        "containerPort": 80,
        "name": "http"
      }
    ],
    "env": [
      {
        "name": "X",
        "value": "1"
      }
    ]
  },
  {
    "name": "agent",
    "image": "agent:2"
  }
]
