# to_string: strings unchanged, scalars as text, lists and objects as
# compact JSON. to_int: an int unchanged, a float truncated toward zero,
# a string of an optional sign and decimal digits; other text is E0512
# (with the accepted form), a value beyond 64 bits is E0512, a bool E0504.
$ query --fleet builtin-convert.site s '[to_string("a"), to_string(42), to_string(-1.5), to_string(true), to_string(null), to_string([1, "a"]), to_string({ k = [null] })]'
[
  "a",
  "42",
  "-1.5",
  "true",
  "null",
  "[1,\"a\"]",
  "{\"k\":[null]}"
]
$ query --fleet builtin-convert.site s '[to_int("42"), to_int("-42"), to_int("+7"), to_int("007"), to_int(4.7), to_int(-4.7), to_int(9)]'
[
  42,
  -42,
  7,
  7,
  4,
  -4,
  9
]
$ query --fleet builtin-convert.site s hex
builtin-convert.site:3:16: error[E0512]: to_int(x): argument 1 ("0x10") is not a decimal integer
 3 |   hex = to_int("0x10")
   |                ^~~~~~
  = help: write an optional sign and decimal digits, such as "-42"
[1]
$ query --fleet builtin-convert.site s spaced
builtin-convert.site:4:19: error[E0512]: to_int(x): argument 1 (" 4") is not a decimal integer
 4 |   spaced = to_int(" 4")
   |                   ^~~~
  = help: write an optional sign and decimal digits, such as "-42"
[1]
$ query --fleet builtin-convert.site s decimal
builtin-convert.site:5:20: error[E0512]: to_int(x): argument 1 ("4.5") is not a decimal integer
 5 |   decimal = to_int("4.5")
   |                    ^~~~~
  = help: write an optional sign and decimal digits, such as "-42"
[1]
$ query --fleet builtin-convert.site s empty
builtin-convert.site:6:18: error[E0512]: to_int(x): argument 1 ("") is not a decimal integer
 6 |   empty = to_int("")
   |                  ^~
  = help: write an optional sign and decimal digits, such as "-42"
[1]
$ query --fleet builtin-convert.site s huge
builtin-convert.site:7:17: error[E0512]: to_int(x): argument 1 ("99999999999999999999") does not fit in a 64-bit int
 7 |   huge = to_int("99999999999999999999")
   |                 ^~~~~~~~~~~~~~~~~~~~~~
[1]
$ query --fleet builtin-convert.site s from_bool
builtin-convert.site:8:22: error[E0504]: to_int(x): argument 1 must be an int, a float or a string, not a bool
 8 |   from_bool = to_int(true)
   |                      ^~~~
[1]
