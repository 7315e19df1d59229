# cidrhost(cidr, n): the n-th address of a prefix, counting from the end
# when n is negative; cidrsubnet(cidr, newbits, n): the n-th subnet of
# newbits more bits. IPv4 and IPv6. A host or subnet number outside the
# prefix, a malformed prefix, and a prefix extended beyond the address
# length are E0512 at the argument at fault; wrong kinds are E0504. A
# prefix is a value of format cidr: one with a leading zero in its length
# or with host bits set is refused with the reason and fix of E0604.
$ query --fleet builtin-cidr.site s '[cidrhost(net, 5), cidrhost(net, 256), cidrhost(net, -1), cidrhost("10.0.0.0/30", 3), cidrhost("fd00::/64", 10), cidrhost("10.0.0.0/32", 0)]'
[
  "10.20.0.5",
  "10.20.1.0",
  "10.20.255.255",
  "10.0.0.3",
  "fd00::a",
  "10.0.0.0"
]
$ query --fleet builtin-cidr.site s '[cidrsubnet(net, 8, 3), cidrsubnet(net, 8, 255), cidrsubnet(net, 0, 0), cidrsubnet("10.0.0.0/8", 16, 513), cidrsubnet("fd00::/48", 16, 1)]'
[
  "10.20.3.0/24",
  "10.20.255.0/24",
  "10.20.0.0/16",
  "10.2.1.0/24",
  "fd00:0:0:1::/64"
]
$ query --fleet builtin-cidr.site s host_past_end
builtin-cidr.site:4:43: error[E0512]: cidrhost(cidr, n): host number 4 is outside "10.0.0.0/30", which holds 4 addresses
 4 |   host_past_end = cidrhost("10.0.0.0/30", 4)
   |                                           ^
  = help: a negative host number counts from the end: -1 is the last address
[1]
$ query --fleet builtin-cidr.site s host_before_start
builtin-cidr.site:5:47: error[E0512]: cidrhost(cidr, n): host number -5 is outside "10.0.0.0/30", which holds 4 addresses
 5 |   host_before_start = cidrhost("10.0.0.0/30", -5)
   |                                               ^~
  = help: a negative host number counts from the end: -1 is the last address
[1]
$ query --fleet builtin-cidr.site s bad_prefix
builtin-cidr.site:6:25: error[E0512]: cidrhost(cidr, n): argument 1 ("10.0.0.0/33") is not a cidr: the prefix length 33 is more than 32
 6 |   bad_prefix = cidrhost("10.0.0.0/33", 1)
   |                         ^~~~~~~~~~~~~
[1]
$ query --fleet builtin-cidr.site s bad_address
builtin-cidr.site:7:26: error[E0512]: cidrhost(cidr, n): argument 1 ("10.0.300.0/24") is not a cidr: the address `10.0.300.0` is not valid: the number 300 is more than 255
 7 |   bad_address = cidrhost("10.0.300.0/24", 1)
   |                          ^~~~~~~~~~~~~~~
[1]
$ query --fleet builtin-cidr.site s not_cidr
builtin-cidr.site:8:25: error[E0512]: cidrsubnet(cidr, newbits, n): argument 1 ("10.0.0.0") is not a cidr: it has no prefix length `/LEN` after the address
 8 |   not_cidr = cidrsubnet("10.0.0.0", 8, 0)
   |                         ^~~~~~~~~~
[1]
$ query --fleet builtin-cidr.site s host_str
builtin-cidr.site:9:28: error[E0504]: cidrhost(cidr, n): argument 2 must be an int, not a string
 9 |   host_str = cidrhost(net, "1")
   |                            ^~~
[1]
$ query --fleet builtin-cidr.site s subnet_past_end
builtin-cidr.site:10:40: error[E0512]: cidrsubnet(cidr, newbits, n): subnet number 256 does not fit in 8 new bits (0 to 255)
 10 |   subnet_past_end = cidrsubnet(net, 8, 256)
    |                                        ^~~
[1]
$ query --fleet builtin-cidr.site s subnet_too_long
builtin-cidr.site:11:47: error[E0512]: cidrsubnet(cidr, newbits, n): "10.0.0.0/30" cannot be extended by 3 bits: /30 + 3 is more than /32
 11 |   subnet_too_long = cidrsubnet("10.0.0.0/30", 3, 0)
    |                                               ^
[1]
$ query --fleet builtin-cidr.site s subnet_negative_bits
builtin-cidr.site:12:42: error[E0512]: cidrsubnet(cidr, newbits, n): argument 2 is -1; a prefix can be extended by 0 to 32 bits
 12 |   subnet_negative_bits = cidrsubnet(net, -1, 0)
    |                                          ^~
[1]
$ query --fleet builtin-cidr.site s subnet_int
builtin-cidr.site:13:27: error[E0504]: cidrsubnet(cidr, newbits, n): argument 1 must be a string, not an int
 13 |   subnet_int = cidrsubnet(16, 8, 0)
    |                           ^~
[1]
$ query --fleet builtin-cidr.site s host_leading_zero
builtin-cidr.site:14:32: error[E0512]: cidrhost(cidr, n): argument 1 ("10.0.0.1/024") is not a cidr: the prefix length `024` has a leading zero
 14 |   host_leading_zero = cidrhost("10.0.0.1/024", 5)
    |                                ^~~~~~~~~~~~~~
[1]
$ query --fleet builtin-cidr.site s host_host_bits
builtin-cidr.site:15:29: error[E0512]: cidrhost(cidr, n): argument 1 ("10.0.0.1/24") is not a cidr: host bits are set after /24
 15 |   host_host_bits = cidrhost("10.0.0.1/24", 5)
    |                             ^~~~~~~~~~~~~
  = help: did you mean "10.0.0.0/24"?
[1]
$ query --fleet builtin-cidr.site s subnet_leading_zero
builtin-cidr.site:16:36: error[E0512]: cidrsubnet(cidr, newbits, n): argument 1 ("10.0.0.0/08") is not a cidr: the prefix length `08` has a leading zero
 16 |   subnet_leading_zero = cidrsubnet("10.0.0.0/08", 8, 1)
    |                                    ^~~~~~~~~~~~~
  = help: did you mean "10.0.0.0/8"?
[1]
$ query --fleet builtin-cidr.site s subnet_host_bits
builtin-cidr.site:17:33: error[E0512]: cidrsubnet(cidr, newbits, n): argument 1 ("2001:db8::1/64") is not a cidr: host bits are set after /64
 17 |   subnet_host_bits = cidrsubnet("2001:db8::1/64", 16, 1)
    |                                 ^~~~~~~~~~~~~~~~
  = help: did you mean "2001:db8::/64"?
[1]
