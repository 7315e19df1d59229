# Integer + - * / % with C semantics (division truncates toward zero, the
# remainder has the sign of the dividend); precedence and left
# associativity. Division or remainder by zero is E0505; every overflow of
# 64 bits (including MIN / -1 and -MIN) is E0506 at the operator's
# expression.
$ query --fleet expr-int-arith.site s '1 + 2 * 3 - 4'
3
$ query --fleet expr-int-arith.site s '(1 + 2) * 3'
9
$ query --fleet expr-int-arith.site s '10 - 3 - 2'
5
$ query --fleet expr-int-arith.site s '[7 / 2, (0 - 7) / 2, 7 / -2, 7 % 3, (0 - 7) % 3, 7 % -3, 0 / 5]'
[
  3,
  -3,
  -3,
  1,
  -1,
  1,
  0
]
$ query --fleet expr-int-arith.site s '[big, small, neg_ok]'
[
  9223372036854775807,
  -9223372036854775808,
  -9223372036854775807
]
$ query --fleet expr-int-arith.site s 0x10+0o17+1_000
1031
$ query --fleet expr-int-arith.site s div0
expr-int-arith.site:5:10: error[E0505]: division by zero
 5 |   div0 = 7 / 0
   |          ^~~~~
[1]
$ query --fleet expr-int-arith.site s mod0
expr-int-arith.site:6:10: error[E0505]: remainder by zero
 6 |   mod0 = 7 % 0
   |          ^~~~~
[1]
$ query --fleet expr-int-arith.site s add_over
expr-int-arith.site:7:14: error[E0506]: 9223372036854775807 + 1 overflows 64 bits
 7 |   add_over = big + 1
   |              ^~~~~~~
[1]
$ query --fleet expr-int-arith.site s sub_over
expr-int-arith.site:8:14: error[E0506]: -9223372036854775808 - 1 overflows 64 bits
 8 |   sub_over = small - 1
   |              ^~~~~~~~~
[1]
$ query --fleet expr-int-arith.site s mul_over
expr-int-arith.site:9:14: error[E0506]: 9223372036854775807 * 2 overflows 64 bits
 9 |   mul_over = big * 2
   |              ^~~~~~~
[1]
$ query --fleet expr-int-arith.site s div_over
expr-int-arith.site:10:14: error[E0506]: -9223372036854775808 / -1 overflows 64 bits
 10 |   div_over = small / -1
    |              ^~~~~~~~~~
[1]
$ query --fleet expr-int-arith.site s neg_over
expr-int-arith.site:11:14: error[E0506]: -(-9223372036854775808) overflows 64 bits
 11 |   neg_over = -small
    |              ^~~~~~
[1]
