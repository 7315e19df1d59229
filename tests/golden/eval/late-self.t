# `self` is the innermost object being defined, as finally merged: in an
# object literal the literal (svc.url sees the site's port 9090 though the
# profile wrote 8080; `nested`'s self is `nested`, not svc), in a file the
# file record with its default mode, in a selected element that element;
# `site` is always the root.
$ query --fleet late-self.site edge-01 '[svc, os.users, os.files]'
[
  {
    "port": 9090,
    "url": "http://edge-01:9090/",
    "nested": {
      "a": 1,
      "b": 2,
      "c": "/home"
    }
  },
  [
    {
      "name": "ops",
      "uid": 1000,
      "shell": "/home/ops/shell",
      "groups": [],
      "ssh_authorized_keys": []
    }
  ],
  {
    "/etc/motd": {
      "content": "Welcome to edge-01, mode 420",
      "mode": 420,
      "owner": "root",
      "group": "root"
    }
  }
]
