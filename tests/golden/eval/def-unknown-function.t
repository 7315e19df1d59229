# A call of a name that is neither a builtin nor a def is E0502 at the
# name, with a did-you-mean over builtins and defs; none when nothing is
# close.
$ query --fleet def-unknown-function.site s typo_def
def-unknown-function.site:4:16: error[E0502]: unknown function `sha265`
 4 | def helper() = sha265("x")
   |                ^~~~~~
  = help: did you mean `sha256`?
def-unknown-function.site:6:14: error[E0502]: unknown function `fqdm`
 6 |   typo_def = fqdm(name)
   |              ^~~~
  = help: did you mean `fqdn`?
def-unknown-function.site:7:18: error[E0502]: unknown function `uper`
 7 |   typo_builtin = uper(name)
   |                  ^~~~
  = help: did you mean `upper`?
def-unknown-function.site:9:9: error[E0502]: unknown function `frobnicate`
 9 |   far = frobnicate(1)
   |         ^~~~~~~~~~
[1]
$ query --fleet def-unknown-function.site s typo_builtin
def-unknown-function.site:4:16: error[E0502]: unknown function `sha265`
 4 | def helper() = sha265("x")
   |                ^~~~~~
  = help: did you mean `sha256`?
def-unknown-function.site:6:14: error[E0502]: unknown function `fqdm`
 6 |   typo_def = fqdm(name)
   |              ^~~~
  = help: did you mean `fqdn`?
def-unknown-function.site:7:18: error[E0502]: unknown function `uper`
 7 |   typo_builtin = uper(name)
   |                  ^~~~
  = help: did you mean `upper`?
def-unknown-function.site:9:9: error[E0502]: unknown function `frobnicate`
 9 |   far = frobnicate(1)
   |         ^~~~~~~~~~
[1]
$ query --fleet def-unknown-function.site s in_def
def-unknown-function.site:4:16: error[E0502]: unknown function `sha265`
 4 | def helper() = sha265("x")
   |                ^~~~~~
  = help: did you mean `sha256`?
def-unknown-function.site:6:14: error[E0502]: unknown function `fqdm`
 6 |   typo_def = fqdm(name)
   |              ^~~~
  = help: did you mean `fqdn`?
def-unknown-function.site:7:18: error[E0502]: unknown function `uper`
 7 |   typo_builtin = uper(name)
   |                  ^~~~
  = help: did you mean `upper`?
def-unknown-function.site:9:9: error[E0502]: unknown function `frobnicate`
 9 |   far = frobnicate(1)
   |         ^~~~~~~~~~
[1]
$ query --fleet def-unknown-function.site s far
def-unknown-function.site:4:16: error[E0502]: unknown function `sha265`
 4 | def helper() = sha265("x")
   |                ^~~~~~
  = help: did you mean `sha256`?
def-unknown-function.site:6:14: error[E0502]: unknown function `fqdm`
 6 |   typo_def = fqdm(name)
   |              ^~~~
  = help: did you mean `fqdn`?
def-unknown-function.site:7:18: error[E0502]: unknown function `uper`
 7 |   typo_builtin = uper(name)
   |                  ^~~~
  = help: did you mean `upper`?
def-unknown-function.site:9:9: error[E0502]: unknown function `frobnicate`
 9 |   far = frobnicate(1)
   |         ^~~~~~~~~~
[1]
