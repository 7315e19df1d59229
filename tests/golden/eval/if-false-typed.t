# An object that only the statements below it create exists only when one
# of them applies: under a false `if` no typed object is left behind, not
# one made of its fields' defaults (an enabled unit without content) nor
# one that lacks its required fields (E0607); a true `if` and an `else`
# branch create it.
$ check if-false-typed.site
1 file, 6 sites checked, no errors
$ query --fleet if-false-typed.site s-unit os.units
{}
$ query --fleet if-false-typed.site s-cm k8s
{}
$ query --fleet if-false-typed.site s-file os.files
{}
$ query --fleet if-false-typed.site s-huge 'has(os, "hugepages")'
false
$ query --fleet if-false-typed.site s-taken os.units
{
  "y.service": {
    "content": "y",
    "enabled": true
  }
}
$ query --fleet if-false-typed.site s-taken os.files
{
  "/y": {
    "content": "y",
    "mode": 420,
    "owner": "root",
    "group": "root"
  }
}
$ query --fleet if-false-typed.site s-on os
{
  "units": {
    "x.service": {
      "content": "x",
      "enabled": true
    }
  },
  "files": {
    "/x": {
      "content": "x",
      "mode": 420,
      "owner": "root",
      "group": "root"
    }
  },
  "hugepages": {
    "count": 4,
    "size": "2Mi"
  },
  "hosts": {},
  "sysctl": {},
  "users": [],
  "ca_certs": {}
}
$ query --fleet if-false-typed.site s-on k8s
{
  "cm": {
    "apiVersion": "v1",
    "kind": "ConfigMap",
    "metadata": {
      "name": "cm"
    }
  }
}
