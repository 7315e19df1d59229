# Ordering compares numbers (int with float by value) and strings (byte
# order); any other pair is E0504. `==` and `!=` take any values: deep
# equality, objects regardless of key order, 1 == 1.0, values of different
# kinds are unequal.
$ query --fleet expr-compare.site s '[1 < 1.5, 2 >= 2.0, 2 <= 1, 3 > 2.5, 1.0 < 1]'
[
  true,
  true,
  false,
  true,
  false
]
$ query --fleet expr-compare.site s '["a" < "b", "B" < "a", "abc" > "ab", "" < "a", "b" >= "b"]'
[
  true,
  true,
  true,
  true,
  true
]
$ query --fleet expr-compare.site s '[1 == 1.0, 1 != 1.0, "1" == 1, null == null, null != false, [] == {}]'
[
  true,
  false,
  false,
  true,
  true,
  false
]
$ query --fleet expr-compare.site s '[[1, { a = [2] }] == [1, { a = [2] }], { a = 1, b = 2 } == { b = 2, a = 1 }, [1, 2] == [2, 1], { a = 1 } == { a = 1, b = null }]'
[
  true,
  true,
  false,
  false
]
$ query --fleet expr-compare.site s '1 < 2 == true'
true
$ query --fleet expr-compare.site s lists
expr-compare.site:3:11: error[E0504]: cannot compare a list with a list: `<` orders numbers or strings
 3 |   lists = [1] < [2]
   |           ^~~~~~~~~
[1]
$ query --fleet expr-compare.site s objs
expr-compare.site:4:10: error[E0504]: cannot compare an object with an object: `>=` orders numbers or strings
 4 |   objs = { a = 1 } >= { a = 1 }
   |          ^~~~~~~~~~~~~~~~~~~~~~
[1]
$ query --fleet expr-compare.site s null_int
expr-compare.site:5:14: error[E0504]: cannot compare null with an int: `<` orders numbers or strings
 5 |   null_int = null < 1
   |              ^~~~~~~~
[1]
$ query --fleet expr-compare.site s str_int
expr-compare.site:6:13: error[E0504]: cannot compare a string with an int: `>` orders numbers or strings
 6 |   str_int = "10" > 9
   |             ^~~~~~~~
[1]
$ query --fleet expr-compare.site s bools
expr-compare.site:7:11: error[E0504]: cannot compare a bool with a bool: `<` orders numbers or strings
 7 |   bools = true < false
   |           ^~~~~~~~~~~~
[1]
