# Parent orders that C3 cannot linearize are E0305, naming the parents:
# xy applies y after x and yx the opposite; `: q, p` asks for p to be
# applied after q (later parent wins) while q inherits p, which must come
# before it (`: p, q` is the order that works).
$ check inherit-no-linearization.site
inherit-no-linearization.site:6:6: error[E0305]: the parents of `bad` cannot be put in one order
 6 | site bad : xy, yx {}
   |      ^~~
  = help: two parents inherit shared ancestors in contradicting orders; list the parents so that each comes after the ones it builds on
inherit-no-linearization.site:6:12: note: parent `xy`
 6 | site bad : xy, yx {}
   |            ^~
inherit-no-linearization.site:6:16: note: parent `yx`
 6 | site bad : xy, yx {}
   |                ^~
inherit-no-linearization.site:9:6: error[E0305]: the parents of `bad2` cannot be put in one order
 9 | site bad2 : q, p {}
   |      ^~~~
  = help: two parents inherit shared ancestors in contradicting orders; list the parents so that each comes after the ones it builds on
inherit-no-linearization.site:9:13: note: parent `q`
 9 | site bad2 : q, p {}
   |             ^
inherit-no-linearization.site:9:16: note: parent `p`
 9 | site bad2 : q, p {}
   |                ^
sitec: 2 errors in 1 file
[1]
