# secret("scheme:path") yields a reference, emitted as {"$secret": ref} and
# never as plain text: as a field, inside lists and objects, from a def,
# from a conditional, in the whole site. Secrets compare by reference.
$ query --fleet secret-emit.site s psk
{
  "$secret": "vault:edge/ipsec/psk"
}
$ query --fleet secret-emit.site s tunnels
[
  {
    "id": 0,
    "key": {
      "$secret": "vault:edge/tunnel/0"
    }
  },
  {
    "id": 1,
    "key": {
      "$secret": "vault:edge/tunnel/1"
    }
  }
]
$ query --fleet secret-emit.site s site
{
  "name": "s",
  "psk": {
    "$secret": "vault:edge/ipsec/psk"
  },
  "tunnels": [
    {
      "id": 0,
      "key": {
        "$secret": "vault:edge/tunnel/0"
      }
    },
    {
      "id": 1,
      "key": {
        "$secret": "vault:edge/tunnel/1"
      }
    }
  ],
  "api_key": {
    "$secret": "env:API_KEY"
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
$ query --fleet secret-emit.site s '[psk == secret("vault:edge/ipsec/psk"), psk == secret("vault:other"), psk == "vault:edge/ipsec/psk"]'
[
  true,
  false,
  false
]
