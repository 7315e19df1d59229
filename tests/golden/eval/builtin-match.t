# startswith and endswith on strings; regex_match(s, re) with a POSIX
# extended regex, unanchored unless the pattern anchors it. An invalid
# regex is E0512 (with the regex library's reason); wrong kinds are E0504.
$ query --fleet builtin-match.site s '[startswith("paris-01", "paris"), startswith("paris", "paris-01"), endswith("paris-01", "-01"), endswith("x", ""), startswith("", "")]'
[
  true,
  false,
  true,
  true,
  true
]
$ query --fleet builtin-match.site s '[regex_match("paris-01", "^[a-z]+-[0-9]+$"), regex_match("paris-01", "s-0"), regex_match("paris-01", "^[0-9]"), regex_match("a+b", "a\\+b"), regex_match("", "^$")]'
[
  true,
  true,
  false,
  true,
  true
]
$ query --fleet builtin-match.site s bad_regex
builtin-match.site:3:33: error[E0512]: regex_match(s, re): invalid regular expression "([a-z]": Unmatched ( or \(
 3 |   bad_regex = regex_match(name, "([a-z]")
   |                                 ^~~~~~~~
  = help: the pattern is a POSIX extended regular expression
[1]
$ query --fleet builtin-match.site s regex_int
builtin-match.site:4:27: error[E0504]: regex_match(s, re): argument 1 must be a string, not an int
 4 |   regex_int = regex_match(42, "4")
   |                           ^~
[1]
$ query --fleet builtin-match.site s starts_int
builtin-match.site:5:33: error[E0504]: startswith(s, p): argument 2 must be a string, not an int
 5 |   starts_int = startswith(name, 1)
   |                                 ^
[1]
$ query --fleet builtin-match.site s ends_list
builtin-match.site:6:24: error[E0504]: endswith(s, p): argument 1 must be a string, not a list
 6 |   ends_list = endswith(["a"], "a")
   |                        ^~~~~
[1]
