# format(fmt, args...): %s takes any scalar as text, %d an int, %v any
# value (lists and objects as compact JSON), %% a percent sign. A verb
# count that does not match the arguments, an unknown verb or a lone % is
# E0512; %d of a non-int, %s of a list, are E0504 at the argument.
$ query --fleet builtin-format.site s ok
"s:8080 ([1,\"a\"]) {\"k\":true} null 100%"
$ query --fleet builtin-format.site s 'format("plain")'
"plain"
$ query --fleet builtin-format.site s too_few
builtin-format.site:5:13: error[E0512]: format(fmt, args...): the format has 2 verbs but 1 value is given; verb 2 (%s) has none
 5 |   too_few = format("%s-%s", name)
   |             ^~~~~~~~~~~~~~~~~~~~~
[1]
$ query --fleet builtin-format.site s too_many
builtin-format.site:6:14: error[E0512]: format(fmt, args...): the format has 1 verb but 2 values are given
 6 |   too_many = format("%s", name, port)
   |              ^~~~~~~~~~~~~~~~~~~~~~~~
[1]
$ query --fleet builtin-format.site s d_string
builtin-format.site:7:32: error[E0504]: format(fmt, args...): argument 2 must be an int for %d, not a string
 7 |   d_string = format("port %d", "80")
   |                                ^~~~
[1]
$ query --fleet builtin-format.site s d_float
builtin-format.site:8:26: error[E0504]: format(fmt, args...): argument 2 must be an int for %d, not a float
 8 |   d_float = format("%d", 1.5)
   |                          ^~~
[1]
$ query --fleet builtin-format.site s bad_verb
builtin-format.site:9:21: error[E0512]: format(fmt, args...): unknown verb %x at character 1 of the format
 9 |   bad_verb = format("%x", port)
   |                     ^~~~
  = help: the verbs are %s, %d, %v and %%
[1]
$ query --fleet builtin-format.site s lone
builtin-format.site:10:17: error[E0512]: format(fmt, args...): the format ends with a lone %
 10 |   lone = format("50%", port)
    |                 ^~~~~
  = help: write %% for a percent sign
[1]
$ query --fleet builtin-format.site s fmt_not_string
builtin-format.site:11:27: error[E0504]: format(fmt, args...): argument 1 must be a string, not an int
 11 |   fmt_not_string = format(42)
    |                           ^~
[1]
$ query --fleet builtin-format.site s s_list
builtin-format.site:12:30: error[E0504]: format(fmt, args...): argument 2 must be a scalar for %s, not a list
 12 |   s_list = format("tags %s", ["a"])
    |                              ^~~~~
  = help: use %v to write a list or an object
[1]
