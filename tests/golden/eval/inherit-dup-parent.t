# A parent listed twice is its own error, not E0305's contradicting orders.
$ check inherit-dup-parent.site
inherit-dup-parent.site:3:13: error[E0303]: parent `p` is listed twice
 3 | site s : p, p {}
   |             ^
  = help: list each parent once
sitec: 1 error in 1 file
[1]
