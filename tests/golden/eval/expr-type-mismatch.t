# An operator applied to kinds it does not take is E0504, spanning the whole
# operation; `+` with a string on one side gets a help line on how to build
# strings.
$ query --fleet expr-type-mismatch.site s str_int
expr-type-mismatch.site:3:13: error[E0504]: cannot apply `+` to a string and an int
 3 |   str_int = "port " + 80
   |             ^~~~~~~~~~~~
  = help: to build a string, interpolate: "${a}${b}", or use to_string()
[1]
$ query --fleet expr-type-mismatch.site s int_str
expr-type-mismatch.site:4:13: error[E0504]: cannot apply `+` to an int and a string
 4 |   int_str = 80 + "x"
   |             ^~~~~~~~
  = help: to build a string, interpolate: "${a}${b}", or use to_string()
[1]
$ query --fleet expr-type-mismatch.site s list_obj
expr-type-mismatch.site:5:14: error[E0504]: cannot apply `+` to a list and an object
 5 |   list_obj = [1] + { a = 1 }
   |              ^~~~~~~~~~~~~~~
[1]
$ query --fleet expr-type-mismatch.site s null_int
expr-type-mismatch.site:6:14: error[E0504]: cannot apply `+` to null and an int
 6 |   null_int = null + 1
   |              ^~~~~~~~
[1]
$ query --fleet expr-type-mismatch.site s bool_mul
expr-type-mismatch.site:7:14: error[E0504]: cannot apply `*` to a bool and an int
 7 |   bool_mul = true * 2
   |              ^~~~~~~~
[1]
$ query --fleet expr-type-mismatch.site s str_sub
expr-type-mismatch.site:8:13: error[E0504]: cannot apply `-` to a string and a string
 8 |   str_sub = "a" - "b"
   |             ^~~~~~~~~
[1]
$ query --fleet expr-type-mismatch.site s list_sub
expr-type-mismatch.site:9:14: error[E0504]: cannot apply `-` to a list and a list
 9 |   list_sub = [1, 2] - [1]
   |              ^~~~~~~~~~~~
[1]
$ query --fleet expr-type-mismatch.site s neg_str
expr-type-mismatch.site:10:13: error[E0504]: `-` takes a number, not a string
 10 |   neg_str = -name
    |             ^~~~~
[1]
$ query --fleet expr-type-mismatch.site s not_int
expr-type-mismatch.site:11:13: error[E0504]: `!` takes a bool, not an int
 11 |   not_int = !1
    |             ^~
[1]
