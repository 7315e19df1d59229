# A value must be of its field's kind (E0601), with the field's schema
# line as a note. ok-01 and ok-02 pass: an int stands where a float is
# declared (ratio = 2, which stays the int 2), a secret where any string
# type is, even one with a length (its text is unknown, so nothing more
# is checked), null in `any` and in a union with null, and anything (a
# secret too) in `any`. The other way round fails: a float is no int (2.0
# neither, with a help), "80" is no int and "0.5" no float (help: remove
# the quotes), 80 and a bool are no string (help: quote it), a list is no
# string, an object no list, null fits none of bool, int, float and
# string, and a secret is no int. A literal union lists the values it
# takes. Items of a list are checked one by one, each at its own place.
$ check types-kinds.site
types-kinds.site:31:10: error[E0601]: `flag` must be bool, not the int 1
 31 |   flag = 1
    |          ^
types-kinds.site:3:3: note: the field `flag` of `S` is bool
 3 |   flag?: bool
   |   ^~~~~~~~~~~
types-kinds.site:32:11: error[E0601]: `count` must be int, not the float 2.0
 32 |   count = 2.0
    |           ^~~
  = help: an int is written without a decimal point: 2
types-kinds.site:4:3: note: the field `count` of `S` is int
 4 |   count?: int
   |   ^~~~~~~~~~~
types-kinds.site:33:11: error[E0601]: `ratio` must be float, not the string "0.5"
 33 |   ratio = "0.5"
    |           ^~~~~
  = help: remove the quotes: 0.5
types-kinds.site:5:3: note: the field `ratio` of `S` is float
 5 |   ratio?: float
   |   ^~~~~~~~~~~~~
types-kinds.site:34:10: error[E0601]: `text` must be string, not the int 80
 34 |   text = 80
    |          ^~
  = help: quote it: "80"
types-kinds.site:6:3: note: the field `text` of `S` is string
 6 |   text?: string
   |   ^~~~~~~~~~~~~
types-kinds.site:35:12: error[E0605]: `choice` must be one of "a", null; not "b"
 35 |   choice = "b"
    |            ^~~
  = help: did you mean "a"?
types-kinds.site:10:3: note: the field `choice` of `S` is "a" | null
 10 |   choice?: "a" | null
    |   ^~~~~~~~~~~~~~~~~~~
types-kinds.site:36:11: error[E0601]: `words` must be list<string>, not the string "a"
 36 |   words = "a"
    |           ^~~
types-kinds.site:11:3: note: the field `words` of `S` is list<string>
 11 |   words?: list<string>
    |   ^~~~~~~~~~~~~~~~~~~~
types-kinds.site:39:10: error[E0601]: `flag` must be bool, not the string "true"
 39 |   flag = "true"
    |          ^~~~~~
  = help: remove the quotes: true
types-kinds.site:3:3: note: the field `flag` of `S` is bool
 3 |   flag?: bool
   |   ^~~~~~~~~~~
types-kinds.site:40:11: error[E0601]: `count` must be int, not the string "80"
 40 |   count = "80"
    |           ^~~~
  = help: remove the quotes: 80
types-kinds.site:4:3: note: the field `count` of `S` is int
 4 |   count?: int
   |   ^~~~~~~~~~~
types-kinds.site:41:11: error[E0601]: `ratio` must be float, not the bool true
 41 |   ratio = true
    |           ^~~~
types-kinds.site:5:3: note: the field `ratio` of `S` is float
 5 |   ratio?: float
   |   ^~~~~~~~~~~~~
types-kinds.site:42:10: error[E0601]: `text` must be string, not a list of 1 item
 42 |   text = ["a"]
    |          ^~~~~
types-kinds.site:6:3: note: the field `text` of `S` is string
 6 |   text?: string
   |   ^~~~~~~~~~~~~
types-kinds.site:43:12: error[E0605]: `choice` must be one of "a", null; not 0
 43 |   choice = 0
    |            ^
types-kinds.site:10:3: note: the field `choice` of `S` is "a" | null
 10 |   choice?: "a" | null
    |   ^~~~~~~~~~~~~~~~~~~
types-kinds.site:44:11: error[E0601]: `words` must be list<string>, not an object
 44 |   words = obj
    |           ^~~
types-kinds.site:11:3: note: the field `words` of `S` is list<string>
 11 |   words?: list<string>
    |   ^~~~~~~~~~~~~~~~~~~~
types-kinds.site:47:10: error[E0601]: `flag` must be bool, not null
 47 |   flag = null
    |          ^~~~
types-kinds.site:3:3: note: the field `flag` of `S` is bool
 3 |   flag?: bool
   |   ^~~~~~~~~~~
types-kinds.site:48:11: error[E0601]: `count` must be int, not a secret
 48 |   count = secret("vault:edge/count")
    |           ^~~~~~~~~~~~~~~~~~~~~~~~~~
  = help: a secret can stand only where a string is expected
types-kinds.site:4:3: note: the field `count` of `S` is int
 4 |   count?: int
   |   ^~~~~~~~~~~
types-kinds.site:49:11: error[E0601]: `ratio` must be float, not null
 49 |   ratio = null
    |           ^~~~
types-kinds.site:5:3: note: the field `ratio` of `S` is float
 5 |   ratio?: float
   |   ^~~~~~~~~~~~~
types-kinds.site:50:10: error[E0601]: `text` must be string, not null
 50 |   text = null
    |          ^~~~
types-kinds.site:6:3: note: the field `text` of `S` is string
 6 |   text?: string
   |   ^~~~~~~~~~~~~
types-kinds.site:51:12: error[E0601]: `words[0]` must be string, not the int 1
 51 |   words = [1, "b", null]
    |            ^
  = help: quote it: "1"
types-kinds.site:11:3: note: the field `words` of `S` is list<string>
 11 |   words?: list<string>
    |   ^~~~~~~~~~~~~~~~~~~~
types-kinds.site:51:20: error[E0601]: `words[2]` must be string, not null
 51 |   words = [1, "b", null]
    |                    ^~~~
types-kinds.site:11:3: note: the field `words` of `S` is list<string>
 11 |   words?: list<string>
    |   ^~~~~~~~~~~~~~~~~~~~
sitec: 18 errors in 1 file
[1]
$ query --fleet types-kinds.site ok-01 '[ratio, text, blob, choice]'
[
  2,
  {
    "$secret": "vault:edge/text"
  },
  null,
  null
]
