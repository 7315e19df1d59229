# The built-in `os.users` is keyed by name: `+=` amends the user of that
# name through the layers (uid added, groups replaced by the site's list,
# ssh keys kept: eu's partial element gets no defaults before it merges),
# `-=` drops a user by name, and the defaults fill the rest.
$ query --fleet merge-os-users.site paris-01 os.users
[
  {
    "name": "ops",
    "groups": [
      "wheel",
      "docker"
    ],
    "ssh_authorized_keys": [
      "ssh-ed25519 AAAA ops"
    ],
    "uid": 1001
  }
]
