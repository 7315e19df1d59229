# Kubernetes ports are keyed by number and protocol (TCP when absent), as
# server-side apply keys them: a DNS Service lists 53/UDP and 53/TCP, +=
# merges into the TCP one, and 80 twice (one TCP by default) is E0406.
$ query --fleet merge-k8s-ports-protocol.site s k8s.dns.spec.ports
[
  {
    "port": 53,
    "protocol": "UDP"
  },
  {
    "port": 53,
    "name": "dns-tcp"
  }
]
$ check merge-k8s-ports-protocol.site
merge-k8s-ports-protocol.site:5:50: error[E0406]: k8s.x.spec.ports holds two elements with port = 80
 5 |   k8s.x = { apiVersion = "v1", kind = "Service", spec.ports = [{ port = 80 }, { port = 80, protocol = "TCP" }] }
   |                                                  ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  = help: a list keyed by `port` has one element per port; use += to merge into the existing one
sitec: 1 error in 1 file
[1]
