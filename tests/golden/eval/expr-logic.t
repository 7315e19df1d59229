# `&&` `||` `!` take bools only (E0504 at the offending operand) and
# short-circuit: the right side is not evaluated when the left decides, so
# its errors do not happen. `if c then a else b` needs a bool condition and
# evaluates only the branch it takes.
$ query --fleet expr-logic.site s '[true && false, true && true, false || true, false || false, !true, !!true, !(1 < 2) || true]'
[
  false,
  true,
  true,
  false,
  false,
  true,
  true
]
$ query --fleet expr-logic.site s short_and
false
$ query --fleet expr-logic.site s short_or
true
$ query --fleet expr-logic.site s cond_lazy
"ok"
$ query --fleet expr-logic.site s cond_nested
2
$ query --fleet expr-logic.site s '[if true then 1 else 2, (if false then 1 else 2) + 10]'
[
  1,
  12
]
$ query --fleet expr-logic.site s and_left
expr-logic.site:3:14: error[E0504]: `&&` takes bools, not an int
 3 |   and_left = 1 && true
   |              ^
[1]
$ query --fleet expr-logic.site s and_right
expr-logic.site:4:23: error[E0504]: `&&` takes bools, not a string
 4 |   and_right = true && "yes"
   |                       ^~~~~
[1]
$ query --fleet expr-logic.site s or_left
expr-logic.site:5:13: error[E0504]: `||` takes bools, not null
 5 |   or_left = null || true
   |             ^~~~
[1]
$ query --fleet expr-logic.site s or_right
expr-logic.site:6:23: error[E0504]: `||` takes bools, not an int
 6 |   or_right = false || 0
   |                       ^
[1]
$ query --fleet expr-logic.site s not_str
expr-logic.site:7:13: error[E0504]: `!` takes a bool, not a string
 7 |   not_str = !"true"
   |             ^~~~~~~
[1]
$ query --fleet expr-logic.site s cond_int
expr-logic.site:10:17: error[E0504]: an `if` condition must be a bool, not an int
 10 |   cond_int = if 1 then "a" else "b"
    |                 ^
[1]
