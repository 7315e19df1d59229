# A value fits a union when it fits one of its alternatives (E0605
# otherwise). A union of literals lists its values and suggests the
# closest ("ofline" is one letter from "online"); an int union takes
# only its ints, not 3, not the float 8.0 and not the string "8". A
# union of formats (ip | hostname) takes an IPv4 or IPv6 address or a
# hostname, and nothing that is neither: a label starting with `-`, an
# address with a port, an int. A value that fits none of two records
# (a Disk with a Nic's speed, no kind) fails as a whole, at its item.
# null fits `string | null`, an int does not.
$ check types-unions.site
types-unions.site:27:11: error[E0605]: `state` must be one of "online", "offline", "admin_down"; not "ofline"
 27 |   state = "ofline"
    |           ^~~~~~~~
  = help: did you mean "online"?
types-unions.site:4:3: note: the field `state` of `S` is "online" | "offline" | "admin_down"
 4 |   state?: "online" | "offline" | "admin_down"
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
types-unions.site:28:11: error[E0605]: `width` must be one of 1, 2, 4, 8; not 3
 28 |   width = 3
    |           ^
types-unions.site:5:3: note: the field `width` of `S` is 1 | 2 | 4 | 8
 5 |   width?: 1 | 2 | 4 | 8
   |   ^~~~~~~~~~~~~~~~~~~~~
types-unions.site:29:10: error[E0605]: `peer` must be ip | hostname; the string "-ntp.example.net" is none of them
 29 |   peer = "-ntp.example.net"
    |          ^~~~~~~~~~~~~~~~~~
types-unions.site:6:3: note: the field `peer` of `S` is ip | hostname
 6 |   peer?: ip | hostname
   |   ^~~~~~~~~~~~~~~~~~~~
types-unions.site:30:14: error[E0605]: `devices[0]` must be Disk | Nic; an object is none of them
 30 |   devices = [{ size = 10, speed = 1 }, "sda"]
    |              ^~~~~~~~~~~~~~~~~~~~~~~~
types-unions.site:7:3: note: the field `devices` of `S` is list<Disk | Nic>
 7 |   devices?: list<Disk | Nic>
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~
types-unions.site:30:40: error[E0605]: `devices[1]` must be Disk | Nic; the string "sda" is none of them
 30 |   devices = [{ size = 10, speed = 1 }, "sda"]
    |                                        ^~~~~
types-unions.site:7:3: note: the field `devices` of `S` is list<Disk | Nic>
 7 |   devices?: list<Disk | Nic>
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~
types-unions.site:31:12: error[E0605]: `parent` must be string | null; the int 1 is none of them
 31 |   parent = 1
    |            ^
types-unions.site:8:3: note: the field `parent` of `S` is string | null
 8 |   parent?: string | null
   |   ^~~~~~~~~~~~~~~~~~~~~~
types-unions.site:34:11: error[E0605]: `state` must be one of "online", "offline", "admin_down"; not "Offline"
 34 |   state = "Offline"
    |           ^~~~~~~~~
  = help: did you mean "offline"?
types-unions.site:4:3: note: the field `state` of `S` is "online" | "offline" | "admin_down"
 4 |   state?: "online" | "offline" | "admin_down"
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
types-unions.site:35:11: error[E0605]: `width` must be one of 1, 2, 4, 8; not 8.0
 35 |   width = 8.0
    |           ^~~
types-unions.site:5:3: note: the field `width` of `S` is 1 | 2 | 4 | 8
 5 |   width?: 1 | 2 | 4 | 8
   |   ^~~~~~~~~~~~~~~~~~~~~
types-unions.site:36:10: error[E0605]: `peer` must be ip | hostname; the int 10 is none of them
 36 |   peer = 10
    |          ^~
types-unions.site:6:3: note: the field `peer` of `S` is ip | hostname
 6 |   peer?: ip | hostname
   |   ^~~~~~~~~~~~~~~~~~~~
types-unions.site:39:11: error[E0605]: `width` must be one of 1, 2, 4, 8; not "8"
 39 |   width = "8"
    |           ^~~
types-unions.site:5:3: note: the field `width` of `S` is 1 | 2 | 4 | 8
 5 |   width?: 1 | 2 | 4 | 8
   |   ^~~~~~~~~~~~~~~~~~~~~
types-unions.site:40:10: error[E0605]: `peer` must be ip | hostname; the string "10.0.0.1:123" is none of them
 40 |   peer = "10.0.0.1:123"
    |          ^~~~~~~~~~~~~~
types-unions.site:6:3: note: the field `peer` of `S` is ip | hostname
 6 |   peer?: ip | hostname
   |   ^~~~~~~~~~~~~~~~~~~~
sitec: 11 errors in 1 file
[1]
