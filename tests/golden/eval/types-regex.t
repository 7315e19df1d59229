# A regex type (POSIX ERE) searches the string, as regex_match() does:
# anchored with ^ and $ it must match the whole string, so "abc1" fails
# /^[a-z]+$/ and "" fails it too (+ needs a letter); unanchored, any
# digit anywhere satisfies /[0-9]/ ("abc1def" passes) and only a string
# with none fails. A named type of a regex works as a field type and as
# a list's item type; the note gives the regex it stands for. Each
# failing item of a list is reported at the item.
$ check types-regex.site
types-regex.site:22:10: error[E0603]: `word` must match /^[a-z]+$/, but "abc1" does not
 22 |   word = "abc1"
    |          ^~~~~~
types-regex.site:4:3: note: the field `word` of `S` is string(/^[a-z]+$/)
 4 |   word?: string(/^[a-z]+$/)
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~
types-regex.site:23:15: error[E0603]: `has-digit` must match /[0-9]/, but "abcdef" does not
 23 |   has-digit = "abcdef"
    |               ^~~~~~~~
types-regex.site:5:3: note: the field `has-digit` of `S` is string(/[0-9]/)
 5 |   has-digit?: string(/[0-9]/)
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~
types-regex.site:24:10: error[E0603]: `cpus` must match /^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$/, but "0-3," does not
 24 |   cpus = "0-3,"
    |          ^~~~~~
types-regex.site:6:3: note: the field `cpus` of `S` is string(/^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$/)
 6 |   cpus?: CpuList
   |   ^~~~~~~~~~~~~~
types-regex.site:25:20: error[E0603]: `isolated[1]` must match /^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$/, but "x" does not
 25 |   isolated = ["1", "x"]
    |                    ^~~
types-regex.site:7:3: note: the field `isolated` of `S` is list<string(/^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$/)>
 7 |   isolated?: list<CpuList>
   |   ^~~~~~~~~~~~~~~~~~~~~~~~
types-regex.site:28:10: error[E0603]: `word` must match /^[a-z]+$/, but "" does not
 28 |   word = ""
    |          ^~
types-regex.site:4:3: note: the field `word` of `S` is string(/^[a-z]+$/)
 4 |   word?: string(/^[a-z]+$/)
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~
types-regex.site:29:10: error[E0603]: `cpus` must match /^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$/, but " 0-3" does not
 29 |   cpus = " 0-3"
    |          ^~~~~~
types-regex.site:6:3: note: the field `cpus` of `S` is string(/^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$/)
 6 |   cpus?: CpuList
   |   ^~~~~~~~~~~~~~
sitec: 6 errors in 1 file
[1]
