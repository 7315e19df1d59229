# Float arithmetic, and int mixed with float (the result is a float, always
# printed with a fraction or an exponent). A zero divisor is E0505 for floats
# too; a result that is not finite is E0506.
$ query --fleet expr-float-arith.site s '[1.5 + 1, 7 / 2.0, 7.0 / 2, 6.0 / 2, 2 * 3.0, 1 - 1.0, 7.5 % 2, 0.1 + 0.2]'
[
  2.5,
  3.5,
  3.5,
  3.0,
  6.0,
  0.0,
  1.5,
  0.30000000000000004
]
$ query --fleet expr-float-arith.site s '[1e3, 1.5e-7, -2.5, 0.0 - 0.5]'
[
  1000.0,
  1.5e-7,
  -2.5,
  -0.5
]
$ query --fleet expr-float-arith.site s fdiv0
expr-float-arith.site:3:11: error[E0505]: division by zero
 3 |   fdiv0 = 1.5 / 0
   |           ^~~~~~~
[1]
$ query --fleet expr-float-arith.site s fdiv0f
expr-float-arith.site:4:12: error[E0505]: division by zero
 4 |   fdiv0f = 1 / 0.0
   |            ^~~~~~~
[1]
$ query --fleet expr-float-arith.site s fmod0
expr-float-arith.site:5:11: error[E0505]: remainder by zero
 5 |   fmod0 = 2.5 % 0.0
   |           ^~~~~~~~~
[1]
$ query --fleet expr-float-arith.site s inf
expr-float-arith.site:6:9: error[E0506]: the float result is not finite
 6 |   inf = 1e308 * 10
   |         ^~~~~~~~~~
[1]
