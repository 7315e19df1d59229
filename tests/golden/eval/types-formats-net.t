# The network formats (E0604, with the reason and a fix where one is
# obvious). ok-01..03 sit on the edges and pass: an IPv4-mapped IPv6
# address is an ip and an ipv6; 0.0.0.0 and 255.255.255.255; `::`; a
# cidr without host bits (/0, /24, /32 of a full address); a hostname of
# exactly 253 characters with 63-character labels, "localhost"; a
# dns_label of 63 characters, of one, or starting with a digit. Each
# bad-NN site has one wrong value per field, so every error shows:
# ipv4 takes four decimal numbers of 0..255 without leading zeros (010
# could be octal), no space, not an IPv6 address; ipv6 no zone id, no
# brackets (fix), one `::` at most, eight groups of at most four hex
# digits; ip no prefix length; a cidr needs a prefix length of at most
# 32 or 128 and no host bits (the fix clears them, in IPv6 too); a
# hostname has no empty label, no label starting or ending with `-`, no
# `_`, no label over 63 characters, no trailing dot (fix) and at most
# 253 characters; a dns_label is one such label in lower case (fix) with
# no dot, and not empty.
$ check types-formats-net.site
types-formats-net.site:34:8: error[E0604]: `ip` must be an ip, but "10.0.0.256" is not: the number 256 is more than 255
 34 |   ip = "10.0.0.256"
    |        ^~~~~~~~~~~~
types-formats-net.site:2:3: note: the field `ip` of `S` is ip
 2 |   ip?: ip
   |   ^~~~~~~
types-formats-net.site:35:8: error[E0604]: `v4` must be an ipv4, but "010.0.0.1" is not: the number `010` has a leading zero, which some read as octal
 35 |   v4 = "010.0.0.1"
    |        ^~~~~~~~~~~
types-formats-net.site:3:3: note: the field `v4` of `S` is ipv4
 3 |   v4?: ipv4
   |   ^~~~~~~~~
types-formats-net.site:36:8: error[E0604]: `v6` must be an ipv6, but "fe80::1%eth0" is not: a zone id `%eth0` is not allowed
 36 |   v6 = "fe80::1%eth0"
    |        ^~~~~~~~~~~~~~
types-formats-net.site:4:3: note: the field `v6` of `S` is ipv6
 4 |   v6?: ipv6
   |   ^~~~~~~~~
types-formats-net.site:37:9: error[E0604]: `net` must be a cidr, but "10.1.2.3/24" is not: host bits are set after /24
 37 |   net = "10.1.2.3/24"
    |         ^~~~~~~~~~~~~
  = help: did you mean "10.1.2.0/24"?
types-formats-net.site:5:3: note: the field `net` of `S` is cidr
 5 |   net?: cidr
   |   ^~~~~~~~~~
types-formats-net.site:38:10: error[E0604]: `host` must be a hostname, but "a..b" is not: it has an empty label between two dots
 38 |   host = "a..b"
    |          ^~~~~~
types-formats-net.site:6:3: note: the field `host` of `S` is hostname
 6 |   host?: hostname
   |   ^~~~~~~~~~~~~~~
types-formats-net.site:39:11: error[E0604]: `label` must be a dns_label, but "a234567890a234567890a234567890a234567890a234567890a23456789… is not: it is 64 characters long, more than 63
 39 |   label = "a234567890a234567890a234567890a234567890a234567890a234567890a23x"
    |           ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
types-formats-net.site:7:3: note: the field `label` of `S` is dns_label
 7 |   label?: dns_label
   |   ^~~~~~~~~~~~~~~~~
types-formats-net.site:42:8: error[E0604]: `ip` must be an ip, but "example.net" is not: it is a name, not an address
 42 |   ip = "example.net"
    |        ^~~~~~~~~~~~~
types-formats-net.site:2:3: note: the field `ip` of `S` is ip
 2 |   ip?: ip
   |   ^~~~~~~
types-formats-net.site:43:8: error[E0604]: `v4` must be an ipv4, but "1.2.3" is not: it has 3 numbers, an IPv4 address has four
 43 |   v4 = "1.2.3"
    |        ^~~~~~~
types-formats-net.site:3:3: note: the field `v4` of `S` is ipv4
 3 |   v4?: ipv4
   |   ^~~~~~~~~
types-formats-net.site:44:8: error[E0604]: `v6` must be an ipv6, but "[::1]" is not: an address has no brackets
 44 |   v6 = "[::1]"
    |        ^~~~~~~
  = help: did you mean "::1"?
types-formats-net.site:4:3: note: the field `v6` of `S` is ipv6
 4 |   v6?: ipv6
   |   ^~~~~~~~~
types-formats-net.site:45:9: error[E0604]: `net` must be a cidr, but "10.0.0.0/33" is not: the prefix length 33 is more than 32
 45 |   net = "10.0.0.0/33"
    |         ^~~~~~~~~~~~~
types-formats-net.site:5:3: note: the field `net` of `S` is cidr
 5 |   net?: cidr
   |   ^~~~~~~~~~
types-formats-net.site:46:10: error[E0604]: `host` must be a hostname, but "-x.example.net" is not: the label `-x` starts with `-`
 46 |   host = "-x.example.net"
    |          ^~~~~~~~~~~~~~~~
types-formats-net.site:6:3: note: the field `host` of `S` is hostname
 6 |   host?: hostname
   |   ^~~~~~~~~~~~~~~
types-formats-net.site:47:11: error[E0604]: `label` must be a dns_label, but "Edge-01" is not: it has upper-case letters
 47 |   label = "Edge-01"
    |           ^~~~~~~~~
  = help: did you mean "edge-01"?
types-formats-net.site:7:3: note: the field `label` of `S` is dns_label
 7 |   label?: dns_label
   |   ^~~~~~~~~~~~~~~~~
types-formats-net.site:50:8: error[E0604]: `ip` must be an ip, but "" is not: it is empty
 50 |   ip = ""
    |        ^~
types-formats-net.site:2:3: note: the field `ip` of `S` is ip
 2 |   ip?: ip
   |   ^~~~~~~
types-formats-net.site:51:8: error[E0604]: `v4` must be an ipv4, but "1.2.3.4 " is not: it has white space around it
 51 |   v4 = "1.2.3.4 "
    |        ^~~~~~~~~~
  = help: did you mean "1.2.3.4"?
types-formats-net.site:3:3: note: the field `v4` of `S` is ipv4
 3 |   v4?: ipv4
   |   ^~~~~~~~~
types-formats-net.site:52:8: error[E0604]: `v6` must be an ipv6, but "1::2::3" is not: `::` appears more than once
 52 |   v6 = "1::2::3"
    |        ^~~~~~~~~
types-formats-net.site:4:3: note: the field `v6` of `S` is ipv6
 4 |   v6?: ipv6
   |   ^~~~~~~~~
types-formats-net.site:53:9: error[E0604]: `net` must be a cidr, but "2001:db8::1/64" is not: host bits are set after /64
 53 |   net = "2001:db8::1/64"
    |         ^~~~~~~~~~~~~~~~
  = help: did you mean "2001:db8::/64"?
types-formats-net.site:5:3: note: the field `net` of `S` is cidr
 5 |   net?: cidr
   |   ^~~~~~~~~~
types-formats-net.site:54:10: error[E0604]: `host` must be a hostname, but "example.net." is not: it ends with a dot
 54 |   host = "example.net."
    |          ^~~~~~~~~~~~~~
  = help: did you mean "example.net"?
types-formats-net.site:6:3: note: the field `host` of `S` is hostname
 6 |   host?: hostname
   |   ^~~~~~~~~~~~~~~
types-formats-net.site:55:11: error[E0604]: `label` must be a dns_label, but "edge-" is not: the label `edge-` ends with `-`
 55 |   label = "edge-"
    |           ^~~~~~~
types-formats-net.site:7:3: note: the field `label` of `S` is dns_label
 7 |   label?: dns_label
   |   ^~~~~~~~~~~~~~~~~
types-formats-net.site:58:8: error[E0604]: `v4` must be an ipv4, but "::1" is not: it is an IPv6 address, not an IPv4 one
 58 |   v4 = "::1"
    |        ^~~~~
types-formats-net.site:3:3: note: the field `v4` of `S` is ipv4
 3 |   v4?: ipv4
   |   ^~~~~~~~~
types-formats-net.site:59:8: error[E0604]: `v6` must be an ipv6, but "1:2:3:4:5:6:7" is not: it has 7 groups, an address has eight (or `::` for a run of zeros)
 59 |   v6 = "1:2:3:4:5:6:7"
    |        ^~~~~~~~~~~~~~~
types-formats-net.site:4:3: note: the field `v6` of `S` is ipv6
 4 |   v6?: ipv6
   |   ^~~~~~~~~
types-formats-net.site:60:9: error[E0604]: `net` must be a cidr, but "10.0.0.0" is not: it has no prefix length `/LEN` after the address
 60 |   net = "10.0.0.0"
    |         ^~~~~~~~~~
types-formats-net.site:5:3: note: the field `net` of `S` is cidr
 5 |   net?: cidr
   |   ^~~~~~~~~~
types-formats-net.site:61:10: error[E0604]: `host` must be a hostname, but "a234567890a234567890a234567890a234567890a234567890a23456789… is not: the label `a234567890a234567890a234567890a234567890a234…` is 64 characters long, more than 63
 61 |   host = "a234567890a234567890a234567890a234567890a234567890a234567890a23x.net"
    |          ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
types-formats-net.site:6:3: note: the field `host` of `S` is hostname
 6 |   host?: hostname
   |   ^~~~~~~~~~~~~~~
types-formats-net.site:62:11: error[E0604]: `label` must be a dns_label, but "a.b" is not: `.` is not allowed (only a-z, 0-9 and `-`)
 62 |   label = "a.b"
    |           ^~~~~
types-formats-net.site:7:3: note: the field `label` of `S` is dns_label
 7 |   label?: dns_label
   |   ^~~~~~~~~~~~~~~~~
types-formats-net.site:65:8: error[E0604]: `v4` must be an ipv4, but "1.2.3.4.5" is not: it has 5 numbers, an IPv4 address has four
 65 |   v4 = "1.2.3.4.5"
    |        ^~~~~~~~~~~
types-formats-net.site:3:3: note: the field `v4` of `S` is ipv4
 3 |   v4?: ipv4
   |   ^~~~~~~~~
types-formats-net.site:66:9: error[E0604]: `net` must be a cidr, but "::/129" is not: the prefix length 129 is more than 128
 66 |   net = "::/129"
    |         ^~~~~~~~
types-formats-net.site:5:3: note: the field `net` of `S` is cidr
 5 |   net?: cidr
   |   ^~~~~~~~~~
types-formats-net.site:67:10: error[E0604]: `host` must be a hostname, but "a234567890a234567890a234567890a234567890a234567890a23456789… is not: it is 254 characters long, more than 253
 67 |   host = "a234567890a234567890a234567890a234567890a234567890a234567890a23.a234567890a234567890a23456...
    |          ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
types-formats-net.site:6:3: note: the field `host` of `S` is hostname
 6 |   host?: hostname
   |   ^~~~~~~~~~~~~~~
types-formats-net.site:68:11: error[E0604]: `label` must be a dns_label, but "-a" is not: the label `-a` starts with `-`
 68 |   label = "-a"
    |           ^~~~
types-formats-net.site:7:3: note: the field `label` of `S` is dns_label
 7 |   label?: dns_label
   |   ^~~~~~~~~~~~~~~~~
types-formats-net.site:71:8: error[E0604]: `ip` must be an ip, but "1.2.3.4/32" is not: `/32` is a prefix length: an address has none (is it a cidr?)
 71 |   ip = "1.2.3.4/32"
    |        ^~~~~~~~~~~~
types-formats-net.site:2:3: note: the field `ip` of `S` is ip
 2 |   ip?: ip
   |   ^~~~~~~
types-formats-net.site:72:8: error[E0604]: `v6` must be an ipv6, but "2001:db8::g" is not: `g` is not a hex digit
 72 |   v6 = "2001:db8::g"
    |        ^~~~~~~~~~~~~
types-formats-net.site:4:3: note: the field `v6` of `S` is ipv6
 4 |   v6?: ipv6
   |   ^~~~~~~~~
types-formats-net.site:73:10: error[E0604]: `host` must be a hostname, but "a_b.example.net" is not: `_` is not allowed (only letters, digits and `-`)
 73 |   host = "a_b.example.net"
    |          ^~~~~~~~~~~~~~~~~
types-formats-net.site:6:3: note: the field `host` of `S` is hostname
 6 |   host?: hostname
   |   ^~~~~~~~~~~~~~~
types-formats-net.site:74:11: error[E0604]: `label` must be a dns_label, but "" is not: it is empty
 74 |   label = ""
    |           ^~
types-formats-net.site:7:3: note: the field `label` of `S` is dns_label
 7 |   label?: dns_label
   |   ^~~~~~~~~~~~~~~~~
sitec: 31 errors in 1 file
[1]
