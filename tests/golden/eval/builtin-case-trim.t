# upper and lower change the case of ASCII letters; trim removes white
# space (spaces, tabs, line breaks) at both ends. A non-string is E0504.
$ query --fleet builtin-case-trim.site s '[upper("paris-01"), lower("EU-West_1"), upper(""), lower(upper(name))]'
[
  "PARIS-01",
  "eu-west_1",
  "",
  "s"
]
$ query --fleet builtin-case-trim.site s '[trim("  a b \t\n"), trim("\n\t "), trim("x")]'
[
  "a b",
  "",
  "x"
]
$ query --fleet builtin-case-trim.site s upper_int
builtin-case-trim.site:3:21: error[E0504]: upper(s): argument 1 must be a string, not an int
 3 |   upper_int = upper(1)
   |                     ^
[1]
$ query --fleet builtin-case-trim.site s lower_list
builtin-case-trim.site:4:22: error[E0504]: lower(s): argument 1 must be a string, not a list
 4 |   lower_list = lower(["A"])
   |                      ^~~~~
[1]
$ query --fleet builtin-case-trim.site s trim_null
builtin-case-trim.site:5:20: error[E0504]: trim(s): argument 1 must be a string, not null
 5 |   trim_null = trim(null)
   |                    ^~~~
[1]
