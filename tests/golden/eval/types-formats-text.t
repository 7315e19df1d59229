# The formats that are not network addresses (E0604, with the reason and
# a fix where one is obvious). ok-01..05 pass: semver with pre-release
# and build (a build may have leading zeros, an alphanumeric pre-release
# identifier may start with a digit); Kubernetes quantities with a
# decimal or binary suffix, an exponent (also negative), no suffix at
# all; durations as Go writes them, with µs, and the bare "0"; the path
# "/" and a hidden file; URLs with a port up to 65535, an IPv6 host, a
# file: URL without a host, an upper-case scheme and host. Each bad-NN
# site has one wrong value per field: semver has no leading `v` and no
# leading zero in MAJOR (both fixed), nor in a numeric pre-release
# identifier, exactly three numbers and no empty pre-release; a quantity
# has a known suffix (MB and K are not: Mi or M, Ki or k), one `.`, a
# number, no space before the suffix (fix); a duration has no days, no
# sign, no space (fix), lower-case units (fix) and a unit on every
# number (fix for "90"), and fits Go's int64 of nanoseconds; an abspath
# starts with `/`, has no empty component (fix) or `..`, no trailing `/`
# (fix), and is not empty; a url has a scheme followed by `//` (fix) and
# a host, a port of at most 65535, no white space; mailto: has no host
# and is not taken.
$ check types-formats-text.site
types-formats-text.site:40:9: error[E0604]: `ver` must be a semver, but "v1.2.3" is not: a version has no leading `v`
 40 |   ver = "v1.2.3"
    |         ^~~~~~~~
  = help: did you mean "1.2.3"?
types-formats-text.site:2:3: note: the field `ver` of `S` is semver
 2 |   ver?: semver
   |   ^~~~~~~~~~~~
types-formats-text.site:41:9: error[E0604]: `qty` must be a quantity, but "512MB" is not: `MB` is not a suffix (Mi is 2^20, M is 10^6)
 41 |   qty = "512MB"
    |         ^~~~~~~
types-formats-text.site:3:3: note: the field `qty` of `S` is quantity
 3 |   qty?: quantity
   |   ^~~~~~~~~~~~~~
types-formats-text.site:42:9: error[E0604]: `dur` must be a duration, but "1d" is not: `d` is not a unit (use 24h)
 42 |   dur = "1d"
    |         ^~~~
types-formats-text.site:4:3: note: the field `dur` of `S` is duration
 4 |   dur?: duration
   |   ^~~~~~~~~~~~~~
types-formats-text.site:43:10: error[E0604]: `path` must be an abspath, but "etc/motd" is not: it does not start with `/`
 43 |   path = "etc/motd"
    |          ^~~~~~~~~~
types-formats-text.site:5:3: note: the field `path` of `S` is abspath
 5 |   path?: abspath
   |   ^~~~~~~~~~~~~~
types-formats-text.site:44:10: error[E0604]: `link` must be a url, but "example.net/path" is not: it has no scheme such as `https://`
 44 |   link = "example.net/path"
    |          ^~~~~~~~~~~~~~~~~~
types-formats-text.site:6:3: note: the field `link` of `S` is url
 6 |   link?: url
   |   ^~~~~~~~~~
types-formats-text.site:47:9: error[E0604]: `ver` must be a semver, but "01.2.3" is not: MAJOR `01` has a leading zero
 47 |   ver = "01.2.3"
    |         ^~~~~~~~
  = help: did you mean "1.2.3"?
types-formats-text.site:2:3: note: the field `ver` of `S` is semver
 2 |   ver?: semver
   |   ^~~~~~~~~~~~
types-formats-text.site:48:9: error[E0604]: `qty` must be a quantity, but "100K" is not: `K` is not a suffix (Ki is 2^10, k is 10^3)
 48 |   qty = "100K"
    |         ^~~~~~
types-formats-text.site:3:3: note: the field `qty` of `S` is quantity
 3 |   qty?: quantity
   |   ^~~~~~~~~~~~~~
types-formats-text.site:49:9: error[E0604]: `dur` must be a duration, but "90" is not: a number needs a unit
 49 |   dur = "90"
    |         ^~~~
  = help: did you mean "90s"?
types-formats-text.site:4:3: note: the field `dur` of `S` is duration
 4 |   dur?: duration
   |   ^~~~~~~~~~~~~~
types-formats-text.site:50:10: error[E0604]: `path` must be an abspath, but "/a//b" is not: it has an empty component (`//`)
 50 |   path = "/a//b"
    |          ^~~~~~~
  = help: did you mean "/a/b"?
types-formats-text.site:5:3: note: the field `path` of `S` is abspath
 5 |   path?: abspath
   |   ^~~~~~~~~~~~~~
types-formats-text.site:51:10: error[E0604]: `link` must be a url, but "https://" is not: it has no host
 51 |   link = "https://"
    |          ^~~~~~~~~~
types-formats-text.site:6:3: note: the field `link` of `S` is url
 6 |   link?: url
   |   ^~~~~~~~~~
types-formats-text.site:54:9: error[E0604]: `ver` must be a semver, but "1.2" is not: it needs three numbers MAJOR.MINOR.PATCH
 54 |   ver = "1.2"
    |         ^~~~~
types-formats-text.site:2:3: note: the field `ver` of `S` is semver
 2 |   ver?: semver
   |   ^~~~~~~~~~~~
types-formats-text.site:55:9: error[E0604]: `qty` must be a quantity, but "1.5.2" is not: the number has more than one `.`
 55 |   qty = "1.5.2"
    |         ^~~~~~~
types-formats-text.site:3:3: note: the field `qty` of `S` is quantity
 3 |   qty?: quantity
   |   ^~~~~~~~~~~~~~
types-formats-text.site:56:9: error[E0604]: `dur` must be a duration, but "-1s" is not: a duration has no sign
 56 |   dur = "-1s"
    |         ^~~~~
types-formats-text.site:4:3: note: the field `dur` of `S` is duration
 4 |   dur?: duration
   |   ^~~~~~~~~~~~~~
types-formats-text.site:57:10: error[E0604]: `path` must be an abspath, but "/a/../b" is not: it has a `..` component
 57 |   path = "/a/../b"
    |          ^~~~~~~~~
types-formats-text.site:5:3: note: the field `path` of `S` is abspath
 5 |   path?: abspath
   |   ^~~~~~~~~~~~~~
types-formats-text.site:58:10: error[E0604]: `link` must be a url, but "http:/x" is not: the scheme `http:` needs exactly `//` after it
 58 |   link = "http:/x"
    |          ^~~~~~~~~
  = help: did you mean "http://x"?
types-formats-text.site:6:3: note: the field `link` of `S` is url
 6 |   link?: url
   |   ^~~~~~~~~~
types-formats-text.site:61:9: error[E0604]: `ver` must be a semver, but "1.2.3-01" is not: the pre-release identifier `01` is a number with a leading zero
 61 |   ver = "1.2.3-01"
    |         ^~~~~~~~~~
types-formats-text.site:2:3: note: the field `ver` of `S` is semver
 2 |   ver?: semver
   |   ^~~~~~~~~~~~
types-formats-text.site:62:9: error[E0604]: `qty` must be a quantity, but "m" is not: it has no number
 62 |   qty = "m"
    |         ^~~
types-formats-text.site:3:3: note: the field `qty` of `S` is quantity
 3 |   qty?: quantity
   |   ^~~~~~~~~~~~~~
types-formats-text.site:63:9: error[E0604]: `dur` must be a duration, but "1h 30m" is not: it has a space in it
 63 |   dur = "1h 30m"
    |         ^~~~~~~~
  = help: did you mean "1h30m"?
types-formats-text.site:4:3: note: the field `dur` of `S` is duration
 4 |   dur?: duration
   |   ^~~~~~~~~~~~~~
types-formats-text.site:64:10: error[E0604]: `path` must be an abspath, but "/etc/" is not: it ends with `/`
 64 |   path = "/etc/"
    |          ^~~~~~~
  = help: did you mean "/etc"?
types-formats-text.site:5:3: note: the field `path` of `S` is abspath
 5 |   path?: abspath
   |   ^~~~~~~~~~~~~~
types-formats-text.site:65:10: error[E0604]: `link` must be a url, but "not a url" is not: it has white space in it
 65 |   link = "not a url"
    |          ^~~~~~~~~~~
types-formats-text.site:6:3: note: the field `link` of `S` is url
 6 |   link?: url
   |   ^~~~~~~~~~
types-formats-text.site:68:9: error[E0604]: `ver` must be a semver, but "1.2.3-" is not: the pre-release after `-` is empty
 68 |   ver = "1.2.3-"
    |         ^~~~~~~~
types-formats-text.site:2:3: note: the field `ver` of `S` is semver
 2 |   ver?: semver
   |   ^~~~~~~~~~~~
types-formats-text.site:69:9: error[E0604]: `qty` must be a quantity, but "1 Mi" is not: there is a space before the suffix
 69 |   qty = "1 Mi"
    |         ^~~~~~
  = help: did you mean "1Mi"?
types-formats-text.site:3:3: note: the field `qty` of `S` is quantity
 3 |   qty?: quantity
   |   ^~~~~~~~~~~~~~
types-formats-text.site:70:9: error[E0604]: `dur` must be a duration, but "1H" is not: `H` is not a unit (units are lower case)
 70 |   dur = "1H"
    |         ^~~~
  = help: did you mean "1h"?
types-formats-text.site:4:3: note: the field `dur` of `S` is duration
 4 |   dur?: duration
   |   ^~~~~~~~~~~~~~
types-formats-text.site:71:10: error[E0604]: `path` must be an abspath, but "" is not: it is empty
 71 |   path = ""
    |          ^~
types-formats-text.site:5:3: note: the field `path` of `S` is abspath
 5 |   path?: abspath
   |   ^~~~~~~~~~~~~~
types-formats-text.site:72:10: error[E0604]: `link` must be a url, but "https://example.net:65536/" is not: the port is not a number from 0 to 65535
 72 |   link = "https://example.net:65536/"
    |          ^~~~~~~~~~~~~~~~~~~~~~~~~~~~
types-formats-text.site:6:3: note: the field `link` of `S` is url
 6 |   link?: url
   |   ^~~~~~~~~~
types-formats-text.site:75:9: error[E0604]: `ver` must be a semver, but "1.2.3.4" is not: it has more than three numbers MAJOR.MINOR.PATCH
 75 |   ver = "1.2.3.4"
    |         ^~~~~~~~~
types-formats-text.site:2:3: note: the field `ver` of `S` is semver
 2 |   ver?: semver
   |   ^~~~~~~~~~~~
types-formats-text.site:76:9: error[E0604]: `dur` must be a duration, but "2562048h" is not: it is longer than 2562047h47m16.854775807s, the most a Go duration holds
 76 |   dur = "2562048h"
    |         ^~~~~~~~~~
types-formats-text.site:4:3: note: the field `dur` of `S` is duration
 4 |   dur?: duration
   |   ^~~~~~~~~~~~~~
types-formats-text.site:77:10: error[E0604]: `link` must be a url, but "mailto:ops@example.net" is not: it has no `//` and host after `mailto:`
 77 |   link = "mailto:ops@example.net"
    |          ^~~~~~~~~~~~~~~~~~~~~~~~
types-formats-text.site:6:3: note: the field `link` of `S` is url
 6 |   link?: url
   |   ^~~~~~~~~~
sitec: 28 errors in 1 file
[1]
