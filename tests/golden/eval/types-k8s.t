# The objects under k8s are checked as the Kubernetes API server would
# (E0610). apiVersion and kind are required (E0607 at the object);
# metadata.name defaults to the handle (query and explain show it), so a
# handle that is no DNS-1123 subdomain is an error unless metadata.name
# is set ("1-config" may start with a digit and "cfg.v2" have a dot: both
# are subdomains). A Namespace name is a DNS-1123 label (no dot), a
# Service name a DNS-1035 label (it starts with a letter), an RBAC
# object's name a path segment (`system:controller:viewer` is fine, a `/`
# is not),
# metadata.namespace a DNS-1123 label. apiVersion is v1 or GROUP/VERSION
# with a version v<N>[alpha|beta<M>]; a kind starts with an upper-case
# letter and has only letters and digits, so custom kinds such as
# Widget2 pass. Label keys are qualified names (a name of at most 63
# characters, an optional lower-case DNS prefix and one `/`), label
# values at most 63 characters of letters, digits, `-`, `_` and `.`,
# starting and ending with a letter or digit, or empty; the 63-character
# edges pass and 64 fail. Labels must be strings (E0601). They are
# checked in metadata, in the pod template's metadata and in
# matchLabels; annotation keys are qualified names, their values free.
# The error about "Bad_Handle" points at the key that names the object.
$ check types-k8s.site
types-k8s.site:21:17: error[E0607]: required field `k8s.nothing.apiVersion` is not set
 21 |   k8s.nothing = {}
    |                 ^~
  = help: set `k8s.nothing.apiVersion`, or give the field a default
<builtin>:36:3: note: the field `apiVersion` of `K8sObject` is string
 36 |   apiVersion: string
    |   ^~~~~~~~~~~~~~~~~~
types-k8s.site:21:17: error[E0607]: required field `k8s.nothing.kind` is not set
 21 |   k8s.nothing = {}
    |                 ^~
  = help: set `k8s.nothing.kind`, or give the field a default
<builtin>:37:3: note: the field `kind` of `K8sObject` is string
 37 |   kind: string
    |   ^~~~~~~~~~~~
types-k8s.site:22:17: error[E0607]: required field `k8s.partial.apiVersion` is not set
 22 |   k8s.partial = { kind = "ConfigMap" }
    |                 ^~~~~~~~~~~~~~~~~~~~~~
  = help: set `k8s.partial.apiVersion`, or give the field a default
<builtin>:36:3: note: the field `apiVersion` of `K8sObject` is string
 36 |   apiVersion: string
    |   ^~~~~~~~~~~~~~~~~~
types-k8s.site:25:7: error[E0610]: `k8s.Bad_Handle.metadata.name` is not a valid Kubernetes object name: `_` is not allowed (only a-z, 0-9, `-` and `.`)
 25 |   k8s."Bad_Handle" = { apiVersion = "v1", kind = "ConfigMap" }
    |       ^~~~~~~~~~~~
types-k8s.site:28:69: error[E0610]: `k8s.ns.metadata.name` is not a valid Kubernetes namespace name: `.` is not allowed (only a-z, 0-9 and `-`)
 28 |   k8s.ns = { apiVersion = "v1", kind = "Namespace", metadata.name = "a.b" }
    |                                                                     ^~~~~
types-k8s.site:29:68: error[E0610]: `k8s.svc.metadata.name` is not a valid Kubernetes service name: the name `1svc` starts with a digit, not a letter
 29 |   k8s.svc = { apiVersion = "v1", kind = "Service", metadata.name = "1svc" }
    |                                                                    ^~~~~~
types-k8s.site:30:74: error[E0610]: `k8s.cm.metadata.namespace` is not a valid Kubernetes namespace: `_` is not allowed (only a-z, 0-9 and `-`)
 30 |   k8s.cm = { apiVersion = "v1", kind = "ConfigMap", metadata.namespace = "Kube_System" }
    |                                                                          ^~~~~~~~~~~~~
types-k8s.site:31:75: error[E0610]: `k8s.cm2.metadata.namespace` is not a valid Kubernetes namespace: `.` is not allowed (only a-z, 0-9 and `-`)
 31 |   k8s.cm2 = { apiVersion = "v1", kind = "ConfigMap", metadata.namespace = "a.b" }
    |                                                                           ^~~~~
types-k8s.site:34:26: error[E0610]: `k8s.a.apiVersion` is not a valid Kubernetes apiVersion: it has more than one `/`
 34 |   k8s.a = { apiVersion = "apps/v1/x", kind = "deployment" }
    |                          ^~~~~~~~~~~
types-k8s.site:34:46: error[E0610]: `k8s.a.kind` is not a valid Kubernetes kind: it starts with `d`, not an upper-case letter
 34 |   k8s.a = { apiVersion = "apps/v1/x", kind = "deployment" }
    |                                              ^~~~~~~~~~~~
  = help: did you mean "Deployment"?
types-k8s.site:35:26: error[E0610]: `k8s.b.apiVersion` is not a valid Kubernetes apiVersion: it is not `v1` or GROUP/VERSION
 35 |   k8s.b = { apiVersion = "V1", kind = "Config-Map" }
    |                          ^~~~
  = help: did you mean "v1"?
types-k8s.site:35:39: error[E0610]: `k8s.b.kind` is not a valid Kubernetes kind: `-` is not allowed (only letters and digits)
 35 |   k8s.b = { apiVersion = "V1", kind = "Config-Map" }
    |                                       ^~~~~~~~~~~~
types-k8s.site:36:26: error[E0610]: `k8s.c.apiVersion` is not a valid Kubernetes apiVersion: `v2` has no group: only the core group's `v1` goes without one
 36 |   k8s.c = { apiVersion = "v2", kind = "ConfigMap" }
    |                          ^~~~
types-k8s.site:37:26: error[E0610]: `k8s.d.apiVersion` is not a valid Kubernetes apiVersion: the version `beta` is not v<N>, v<N>alpha<M> or v<N>beta<M>
 37 |   k8s.d = { apiVersion = "apps/beta", kind = "Deployment" }
    |                          ^~~~~~~~~~~
types-k8s.site:43:28: error[E0610]: `k8s.web.metadata.labels.long` is not a valid Kubernetes label value: it is 64 characters long, more than 63
 43 |     metadata.labels.long = "a234567890123456789012345678901234567890123456789012345678901234"
    |                            ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
types-k8s.site:44:21: error[E0610]: "a2345678901234567890123456789012345678901234567890123456789… is not a valid Kubernetes label key in `k8s.web.metadata.labels`: it is 64 characters long, more than 63
 44 |     metadata.labels.a234567890123456789012345678901234567890123456789012345678901234 = "k"
    |                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
types-k8s.site:45:32: error[E0601]: `k8s.web.metadata.labels.replicas` must be string, not the int 3
 45 |     metadata.labels.replicas = 3
    |                                ^
  = help: quote it: "3"
<builtin>:44:3: note: the field `labels` of `K8sMetadata` is map<string>
 44 |   labels?: map<string>
    |   ^~~~~~~~~~~~~~~~~~~~
types-k8s.site:46:21: error[E0610]: "Example.com/name" is not a valid Kubernetes label key in `k8s.web.metadata.labels`: the prefix has upper-case letters
 46 |     metadata.labels."Example.com/name" = "x"
    |                     ^~~~~~~~~~~~~~~~~~
  = help: did you mean "example.com/name"?
types-k8s.site:47:21: error[E0610]: "a/b/c" is not a valid Kubernetes label key in `k8s.web.metadata.labels`: it has more than one `/`
 47 |     metadata.labels."a/b/c" = "x"
    |                     ^~~~~~~
types-k8s.site:48:25: error[E0610]: `k8s.web.metadata.labels.w` is not a valid Kubernetes label value: it starts with `-`
 48 |     metadata.labels.w = "-lead"
    |                         ^~~~~~~
types-k8s.site:49:26: error[E0610]: "bad key" is not a valid Kubernetes annotation key in `k8s.web.metadata.annotations`: ` ` is not allowed (only letters, digits, `-`, `_` and `.`)
 49 |     metadata.annotations."bad key" = "x"
    |                          ^~~~~~~~~
types-k8s.site:50:26: error[E0610]: "example.com/" is not a valid Kubernetes annotation key in `k8s.web.metadata.annotations`: the name is empty
 50 |     metadata.annotations."example.com/" = "x"
    |                          ^~~~~~~~~~~~~~
types-k8s.site:51:37: error[E0610]: `k8s.web.spec.selector.matchLabels.app` is not a valid Kubernetes label value: ` ` is not allowed (only letters, digits, `-`, `_` and `.`)
 51 |     spec.selector.matchLabels.app = "we b"
    |                                     ^~~~~~
types-k8s.site:52:41: error[E0601]: `k8s.web.spec.template.metadata.labels.app` must be string, not the bool true
 52 |     spec.template.metadata.labels.app = true
    |                                         ^~~~
  = help: quote it: "true"
types-k8s.site:57:108: error[E0610]: `k8s.broken.metadata.name` is not a valid Kubernetes object name: it may not contain `/`
 57 |   k8s.broken = { apiVersion = "rbac.authorization.k8s.io/v1", kind = "ClusterRoleBinding", metadata.name = "a/b" }
    |                                                                                                            ^~~~~
sitec: 25 errors in 1 file
[1]
$ query --fleet types-k8s.site ok-01 '[k8s.agent.metadata.name, k8s.renamed.metadata.name]'
[
  "agent",
  "good"
]
$ explain --fleet types-k8s.site ok-01 k8s.agent.metadata.name
site ok-01, k8s.agent.metadata.name
"agent"

set by, most specific first:
  default of `name`: the key of the object, `agent`
