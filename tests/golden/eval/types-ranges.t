# Ranges are inclusive at both ends (E0602 outside them): low-edges and
# high-edges sit exactly on every bound and pass, as do an open upper
# bound up to the largest int and an open lower bound down to the
# smallest; below and above miss each bound by one (1e-7 for the float:
# -1e-7 is how a float that small is written, 1.0000001 is not rounded to
# 1.0). A string's length counts code points, not bytes: "日本語" is 3
# characters (9 bytes) and fits string(1..3), "日本語!" has 4. A list's
# range counts items, a map's counts keys.
$ check types-ranges.site
types-ranges.site:33:10: error[E0602]: `port` must be in 1..65535, but is 0
 33 |   port = 0
    |          ^
types-ranges.site:3:3: note: the field `port` of `S` is int(1..65535)
 3 |   port?: int(1..65535)
   |   ^~~~~~~~~~~~~~~~~~~~
types-ranges.site:34:11: error[E0602]: `count` must be at least 0, but is -1
 34 |   count = -1
    |           ^~
types-ranges.site:4:3: note: the field `count` of `S` is int(0..)
 4 |   count?: int(0..)
   |   ^~~~~~~~~~~~~~~~
types-ranges.site:35:9: error[E0602]: `neg` must be in -10..-1, but is -11
 35 |   neg = -11
    |         ^~~
types-ranges.site:6:3: note: the field `neg` of `S` is int(-10..-1)
 6 |   neg?: int(-10..-1)
   |   ^~~~~~~~~~~~~~~~~~
types-ranges.site:36:11: error[E0602]: `ratio` must be in 0.0..1.0, but is -1e-7
 36 |   ratio = -0.0000001
    |           ^~~~~~~~~~
types-ranges.site:7:3: note: the field `ratio` of `S` is float(0.0..1.0)
 7 |   ratio?: float(0.0..1.0)
   |   ^~~~~~~~~~~~~~~~~~~~~~~
types-ranges.site:37:10: error[E0602]: `code` must be 1 to 3 characters long, but "" has 0
 37 |   code = ""
    |          ^~
types-ranges.site:8:3: note: the field `code` of `S` is string(1..3)
 8 |   code?: string(1..3)
   |   ^~~~~~~~~~~~~~~~~~~
types-ranges.site:38:10: error[E0602]: `pair` must have 1 to 2 items, but has 0
 38 |   pair = []
    |          ^~
types-ranges.site:9:3: note: the field `pair` of `S` is list<int>(1..2)
 9 |   pair?: list<int>(1..2)
   |   ^~~~~~~~~~~~~~~~~~~~~~
types-ranges.site:41:10: error[E0602]: `port` must be in 1..65535, but is 65536
 41 |   port = 65536
    |          ^~~~~
types-ranges.site:3:3: note: the field `port` of `S` is int(1..65535)
 3 |   port?: int(1..65535)
   |   ^~~~~~~~~~~~~~~~~~~~
types-ranges.site:42:11: error[E0602]: `small` must be at most 10, but is 11
 42 |   small = 11
    |           ^~
types-ranges.site:5:3: note: the field `small` of `S` is int(..10)
 5 |   small?: int(..10)
   |   ^~~~~~~~~~~~~~~~~
types-ranges.site:43:9: error[E0602]: `neg` must be in -10..-1, but is 0
 43 |   neg = 0
    |         ^
types-ranges.site:6:3: note: the field `neg` of `S` is int(-10..-1)
 6 |   neg?: int(-10..-1)
   |   ^~~~~~~~~~~~~~~~~~
types-ranges.site:44:11: error[E0602]: `ratio` must be in 0.0..1.0, but is 1.0000001
 44 |   ratio = 1.0000001
    |           ^~~~~~~~~
types-ranges.site:7:3: note: the field `ratio` of `S` is float(0.0..1.0)
 7 |   ratio?: float(0.0..1.0)
   |   ^~~~~~~~~~~~~~~~~~~~~~~
types-ranges.site:45:10: error[E0602]: `code` must be 1 to 3 characters long, but "日本語!" has 4
 45 |   code = "日本語!"
    |          ^~~~~~~~~
types-ranges.site:8:3: note: the field `code` of `S` is string(1..3)
 8 |   code?: string(1..3)
   |   ^~~~~~~~~~~~~~~~~~~
types-ranges.site:46:10: error[E0602]: `pair` must have 1 to 2 items, but has 3
 46 |   pair = [1, 2, 3]
    |          ^~~~~~~~~
types-ranges.site:9:3: note: the field `pair` of `S` is list<int>(1..2)
 9 |   pair?: list<int>(1..2)
   |   ^~~~~~~~~~~~~~~~~~~~~~
types-ranges.site:47:9: error[E0602]: `one` must have at most 1 key, but has 2
 47 |   one = two_keys
    |         ^~~~~~~~
types-ranges.site:10:3: note: the field `one` of `S` is map<string>(..1)
 10 |   one?: map<string>(..1)
    |   ^~~~~~~~~~~~~~~~~~~~~~
sitec: 13 errors in 1 file
[1]
