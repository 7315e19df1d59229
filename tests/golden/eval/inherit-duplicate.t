# Top-level names share one namespace across the files of a fleet (files
# in byte order of path, subdirectories included): a duplicate name is an
# error that shows both places, whatever the two declarations are.
$ check inherit-duplicate
inherit-duplicate/b.site:1:5: error[E0301]: `common` is declared twice
 1 | let common = "x"
   |     ^~~~~~
  = help: all top-level names of a fleet share one namespace; rename one of them
inherit-duplicate/a.site:2:9: note: the first profile `common` is here
 2 | profile common : S {}
   |         ^~~~~~
inherit-duplicate/b.site:2:6: error[E0301]: `edge-01` is declared twice
 2 | site edge-01 : common {}
   |      ^~~~~~~
  = help: all top-level names of a fleet share one namespace; rename one of them
inherit-duplicate/a.site:3:6: note: the first site `edge-01` is here
 3 | site edge-01 : common {}
   |      ^~~~~~~
inherit-duplicate/sub/c.site:1:8: error[E0301]: `S` is declared twice
 1 | schema S { x: int = 1 }
   |        ^
  = help: all top-level names of a fleet share one namespace; rename one of them
inherit-duplicate/a.site:1:8: note: the first schema `S` is here
 1 | schema S {}
   |        ^
inherit-duplicate/sub/c.site:3:6: error[E0301]: `edge-02` is declared twice
 3 | site edge-02 : S {}
   |      ^~~~~~~
  = help: all top-level names of a fleet share one namespace; rename one of them
inherit-duplicate/sub/c.site:2:5: note: the first function `edge-02` is here
 2 | def edge-02() = 1
   |     ^~~~~~~
sitec: 4 errors in 3 files
[1]
