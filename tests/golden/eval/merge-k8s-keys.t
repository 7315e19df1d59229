# The Kubernetes lists are keyed without a schema: initContainers,
# containers, env and volumes by `name`, volumeMounts by `mountPath`, a
# container's ports by `containerPort`, a Service's ports by `port`. `+=`
# amends the element with that key and appends the others, recursively
# (deep: the `emptyDir` objects of the two `data` volumes merge too).
$ query --fleet merge-k8s-keys.site s1 k8s.web.spec
{
  "template": {
    "spec": {
      "initContainers": [
        {
          "name": "init",
          "image": "busybox:2"
        }
      ],
      "containers": [
        {
          "name": "web",
          "image": "nginx:1.25",
          "env": [
            {
              "name": "A",
              "value": "1"
            },
            {
              "name": "B",
              "value": "two"
            },
            {
              "name": "C",
              "value": "3"
            }
          ],
          "ports": [
            {
              "containerPort": 80,
              "name": "web"
            },
            {
              "containerPort": 443
            }
          ],
          "volumeMounts": [
            {
              "mountPath": "/data",
              "name": "data",
              "readOnly": true
            }
          ]
        },
        {
          "name": "sidecar",
          "image": "envoy:1"
        }
      ],
      "volumes": [
        {
          "name": "data",
          "emptyDir": {
            "sizeLimit": "1Gi",
            "medium": "Memory"
          }
        },
        {
          "name": "tmp"
        }
      ]
    }
  }
}
$ query --fleet merge-k8s-keys.site s1 k8s.svc.spec
{
  "ports": [
    {
      "port": 80,
      "targetPort": 8080
    },
    {
      "port": 443
    }
  ]
}
