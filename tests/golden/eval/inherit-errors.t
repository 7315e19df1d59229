# Errors of the inheritance graph: a cycle prints the whole cycle (also a
# profile inheriting itself), an unknown parent gets a did-you-mean, a
# site or a constant cannot be a parent, a schema extends only schemas,
# schemas may not inherit in a cycle either. The sound sites still
# evaluate.
$ check inherit-errors.site
inherit-errors.site:7:13: error[E0302]: no profile or schema is called `globl`
 7 | site typo : globl {}
   |             ^~~~~
  = help: did you mean `global`?
inherit-errors.site:9:17: error[E0303]: site `paris-02` cannot inherit site `paris-01`
 9 | site paris-02 : paris-01 {}
   |                 ^~~~~~~~
  = help: move what the sites share into a profile, and let both inherit it
inherit-errors.site:8:6: note: `paris-01` is declared here
 8 | site paris-01 : global {}
   |      ^~~~~~~~
inherit-errors.site:11:21: error[E0303]: site `const-parent` cannot inherit constant `k`
 11 | site const-parent : k {}
    |                     ^
  = help: parents are profiles and schemas
inherit-errors.site:10:5: note: `k` is declared here
 10 | let k = 1
    |     ^
inherit-errors.site:14:13: error[E0303]: schema `SC` cannot inherit profile `global`
 14 | schema SC : global {}
    |             ^~~~~~
  = help: a schema extends only schemas
inherit-errors.site:2:9: note: `global` is declared here
 2 | profile global : S {}
   |         ^~~~~~
inherit-errors.site:4:18: error[E0304]: inheritance cycle: loop-a -> loop-c -> loop-b -> loop-a
 4 | profile loop-b : loop-a {}
   |                  ^~~~~~
  = help: remove one of these parents
inherit-errors.site:3:18: note: `loop-a` inherits `loop-c` here
 3 | profile loop-a : loop-c {}
   |                  ^~~~~~
inherit-errors.site:5:18: note: `loop-c` inherits `loop-b` here
 5 | profile loop-c : loop-b {}
   |                  ^~~~~~
inherit-errors.site:4:18: note: `loop-b` inherits `loop-a` here
 4 | profile loop-b : loop-a {}
   |                  ^~~~~~
inherit-errors.site:6:21: error[E0304]: inheritance cycle: self-loop -> self-loop
 6 | profile self-loop : self-loop {}
   |                     ^~~~~~~~~
  = help: remove one of these parents
inherit-errors.site:6:21: note: `self-loop` inherits `self-loop` here
 6 | profile self-loop : self-loop {}
   |                     ^~~~~~~~~
inherit-errors.site:13:13: error[E0304]: inheritance cycle: SA -> SB -> SA
 13 | schema SB : SA { y: int = 1 }
    |             ^~
  = help: remove one of these parents
inherit-errors.site:12:13: note: `SA` inherits `SB` here
 12 | schema SA : SB { x: int = 1 }
    |             ^~
inherit-errors.site:13:13: note: `SB` inherits `SA` here
 13 | schema SB : SA { y: int = 1 }
    |             ^~
sitec: 7 errors in 1 file
[1]
