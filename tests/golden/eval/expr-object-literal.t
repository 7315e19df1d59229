# An object literal is a body: quoted and interpolated keys (reading site
# fields and the enclosing body's lets), lets, dotted paths, amends, if
# statements, += and -= chains. Keys keep the order they are first set. A
# key interpolating a secret is E0515, one interpolating a list E0504.
$ query --fleet expr-object-literal.site s o
{
  "quoted.key": 1,
  "s.local": "let",
  "a": {
    "b": {
      "c": 3
    },
    "d": 4
  },
  "eu": true,
  "list": [
    1,
    2
  ],
  "m": {
    "y": 2
  }
}
$ query --fleet expr-object-literal.site s secret_key
expr-object-literal.site:17:21: error[E0515]: a secret cannot be used in a string: it would be emitted as plain text
 17 |   secret_key = { "${secret("vault:x")}" = 1 }
    |                     ^~~~~~~~~~~~~~~~~
  = help: a secret can only be a whole value, such as `psk = secret("vault:...")`
[1]
$ query --fleet expr-object-literal.site s list_key
expr-object-literal.site:18:19: error[E0504]: cannot put a list in a string
 18 |   list_key = { "${[1]}" = 1 }
    |                   ^~~
  = help: use join(", ", list) or to_string(value)
[1]
