# Calling a def with the wrong number of arguments is E0511 at the call,
# with a note where the def is declared.
$ query --fleet def-arg-count.site s few
def-arg-count.site:6:9: error[E0511]: `two` takes 2 arguments, not 1
 6 |   few = two(1)
   |         ^~~~~~
def-arg-count.site:4:5: note: `two` is declared here
 4 | def two(a, b) = [a, b]
   |     ^~~
[1]
$ query --fleet def-arg-count.site s many
def-arg-count.site:7:10: error[E0511]: `two` takes 2 arguments, not 3
 7 |   many = two(1, 2, 3)
   |          ^~~~~~~~~~~~
def-arg-count.site:4:5: note: `two` is declared here
 4 | def two(a, b) = [a, b]
   |     ^~~
[1]
$ query --fleet def-arg-count.site s extra
def-arg-count.site:8:11: error[E0511]: `none` takes 0 arguments, not 1
 8 |   extra = none(1)
   |           ^~~~~~~
def-arg-count.site:2:5: note: `none` is declared here
 2 | def none() = 0
   |     ^~~~
[1]
$ query --fleet def-arg-count.site s missing
def-arg-count.site:9:13: error[E0511]: `one` takes 1 argument, not 0
 9 |   missing = one()
   |             ^~~~~
def-arg-count.site:3:5: note: `one` is declared here
 3 | def one(a) = a
   |     ^~~
[1]
