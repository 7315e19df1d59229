# explain of a path inside an object literal: the literal's own statement
# is listed where it set the path, and the later set on top of it. With no
# PATH, the whole site and every statement of its chain, the literal's
# statements one by one (`site s1 ... name final =` is the declaration).
$ explain --fleet explain-nested.site s1 app.res.cpu
site s1, app.res.cpu
"2"

set by, most specific first:
  site s1  explain-nested.site:11:3  =
      | app.res.cpu = "2"
      before: "1"
  profile base  explain-nested.site:7:38  =
      | app = { image = "httpd:2", res = { cpu = "1", mem = "1Gi" } }
      before: (unset)
$ explain --fleet explain-nested.site s1
site s1
{
  "name": "s1",
  "app": {
    "image": "httpd:2",
    "res": {
      "cpu": "2",
      "mem": "1Gi"
    }
  },
  "tmpl": {
    "image": "nginx:1",
    "res": {
      "cpu": "1",
      "mem": "2Gi"
    }
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

set by, most specific first:
  site s1  explain-nested.site:12:14  tmpl.res.mem =
      | tmpl.res { mem = "2Gi" }
  site s1  explain-nested.site:12:3  tmpl.res { }
      | tmpl.res { mem = "2Gi" }
  site s1  explain-nested.site:11:3  app.res.cpu =
      | app.res.cpu = "2"
  profile base  explain-nested.site:8:3  tmpl =
      | tmpl = template
  profile base  explain-nested.site:7:49  app.res.mem =
      | app = { image = "httpd:2", res = { cpu = "1", mem = "1Gi" } }
  profile base  explain-nested.site:7:38  app.res.cpu =
      | app = { image = "httpd:2", res = { cpu = "1", mem = "1Gi" } }
  profile base  explain-nested.site:7:30  app.res = { }
      | app = { image = "httpd:2", res = { cpu = "1", mem = "1Gi" } }
  profile base  explain-nested.site:7:11  app.image =
      | app = { image = "httpd:2", res = { cpu = "1", mem = "1Gi" } }
  profile base  explain-nested.site:7:3  app = { }
      | app = { image = "httpd:2", res = { cpu = "1", mem = "1Gi" } }
  site s1  explain-nested.site:10:1  name final =
      | site s1 : base {
