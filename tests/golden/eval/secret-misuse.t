# A secret used as text (interpolation, arithmetic, builtins that read text) is
# E0515, which would leak it; a reference that is not SCHEME:PATH is E0512;
# a non-string reference is E0504.
$ query --fleet secret-misuse.site s in_string
secret-misuse.site:4:22: error[E0515]: a secret cannot be used in a string: it would be emitted as plain text
 4 |   in_string = "psk=${key}"
   |                      ^~~
  = help: a secret can only be a whole value, such as `psk = secret("vault:...")`
[1]
$ query --fleet secret-misuse.site s in_arith
secret-misuse.site:5:14: error[E0515]: a secret cannot be used with an operator: it would be emitted as plain text
 5 |   in_arith = key + 1
   |              ^~~~~~~
  = help: a secret can only be a whole value, such as `psk = secret("vault:...")`
[1]
$ query --fleet secret-misuse.site s in_join
secret-misuse.site:6:23: error[E0515]: join(sep, list): item 2 of argument 2 is a secret, which cannot be used as text; it would be emitted as plain text
 6 |   in_join = join(",", ["a", key])
   |                       ^~~~~~~~~~
  = help: use the secret as a whole field value: it is emitted as {"$secret": ref} for the runtime to resolve
[1]
$ query --fleet secret-misuse.site s in_to_string
secret-misuse.site:7:28: error[E0515]: to_string(x): argument 1 is a secret, which cannot be used as text; it would be emitted as plain text
 7 |   in_to_string = to_string(key)
   |                            ^~~
  = help: use the secret as a whole field value: it is emitted as {"$secret": ref} for the runtime to resolve
[1]
$ query --fleet secret-misuse.site s in_format
secret-misuse.site:8:28: error[E0515]: format(fmt, args...): argument 2 is a secret, which cannot be used as text; it would be emitted as plain text
 8 |   in_format = format("%v", key)
   |                            ^~~
  = help: use the secret as a whole field value: it is emitted as {"$secret": ref} for the runtime to resolve
[1]
$ query --fleet secret-misuse.site s in_compare
secret-misuse.site:9:16: error[E0504]: cannot compare a secret with a string: `<` orders numbers or strings
 9 |   in_compare = key < "x"
   |                ^~~~~~~~~
[1]
$ query --fleet secret-misuse.site s empty_ref
secret-misuse.site:10:22: error[E0512]: secret(ref): argument 1 ("") is not a secret reference
 10 |   empty_ref = secret("")
    |                      ^~
  = help: a secret reference is SCHEME:PATH, such as vault:edge/ipsec/psk
[1]
$ query --fleet secret-misuse.site s no_scheme
secret-misuse.site:11:22: error[E0512]: secret(ref): argument 1 ("edge/key") is not a secret reference
 11 |   no_scheme = secret("edge/key")
    |                      ^~~~~~~~~~
  = help: a secret reference is SCHEME:PATH, such as vault:edge/ipsec/psk
[1]
$ query --fleet secret-misuse.site s no_path
secret-misuse.site:12:20: error[E0512]: secret(ref): argument 1 ("vault:") is not a secret reference
 12 |   no_path = secret("vault:")
    |                    ^~~~~~~~
  = help: a secret reference is SCHEME:PATH, such as vault:edge/ipsec/psk
[1]
$ query --fleet secret-misuse.site s not_string
secret-misuse.site:13:23: error[E0504]: secret(ref): argument 1 must be a string, not an int
 13 |   not_string = secret(42)
    |                       ^~
[1]
