# base64 (standard alphabet, padded) and sha256 (lowercase hex) of a
# string's UTF-8 bytes. A non-string is E0504; a secret is E0515, since
# the encoding would reveal it.
$ query --fleet builtin-encode.site s '[base64(""), base64("f"), base64("fo"), base64("foo"), base64("héllo"), base64("???>>>")]'
[
  "",
  "Zg==",
  "Zm8=",
  "Zm9v",
  "aMOpbGxv",
  "Pz8/Pj4+"
]
$ query --fleet builtin-encode.site s '[sha256(""), sha256("hello"), sha256(name)]'
[
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
  "043a718774c572bd8a25adbeb1bfcd5c0256ae11cecf9f9c3f925d0e52beaf89"
]
$ query --fleet builtin-encode.site s b64_int
builtin-encode.site:3:20: error[E0504]: base64(s): argument 1 must be a string, not an int
 3 |   b64_int = base64(42)
   |                    ^~
[1]
$ query --fleet builtin-encode.site s sha_list
builtin-encode.site:4:21: error[E0504]: sha256(s): argument 1 must be a string, not a list
 4 |   sha_list = sha256(["a"])
   |                     ^~~~~
[1]
$ query --fleet builtin-encode.site s b64_secret
builtin-encode.site:5:23: error[E0515]: base64(s): argument 1 is a secret, which cannot be used as text; it would be emitted as plain text
 5 |   b64_secret = base64(secret("vault:edge/key"))
   |                       ^~~~~~~~~~~~~~~~~~~~~~~~
  = help: use the secret as a whole field value: it is emitted as {"$secret": ref} for the runtime to resolve
[1]
