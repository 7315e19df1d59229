# file(path) reads UTF-8 text relative to the file that calls it: the
# profile in sub/ reads ../data/cert.pem, the site at the top reads
# data/cert.pem, a def in lib/ reads its neighbour whoever calls it.
# A missing file, a directory and a file that is not UTF-8 are E0514 at
# the argument; a non-string argument is E0504.
$ query --fleet file-fleet s cert
"-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n"
$ query --fleet file-fleet s '[same, dotted, empty, motd]'
[
  true,
  true,
  "",
  "from lib\n"
]
$ query --fleet file-fleet s lines
[
  "-----BEGIN CERTIFICATE-----",
  "MIIBszCCAVmgAwIBAgIU",
  "-----END CERTIFICATE-----"
]
$ query --fleet file-fleet s cert_sha
"a25f42d3eaf0547b0f9266cd17c40aef550c9824936f9b156de47eaa37f5a1aa"
$ query --fleet file-fleet s wrong_base
file-fleet/sub/profile.site:4:21: error[E0514]: file(path): cannot read "data/cert.pem": No such file or directory
 4 |   wrong_base = file("data/cert.pem")
   |                     ^~~~~~~~~~~~~~~
  = note: in site s
[1]
$ query --fleet file-fleet s missing
file-fleet/sub/profile.site:5:18: error[E0514]: file(path): cannot read "../data/nope.pem": No such file or directory
 5 |   missing = file("../data/nope.pem")
   |                  ^~~~~~~~~~~~~~~~~~
  = note: in site s
[1]
$ query --fleet file-fleet s directory
file-fleet/sub/profile.site:6:20: error[E0514]: file(path): cannot read "../data": it is a directory
 6 |   directory = file("../data")
   |                    ^~~~~~~~~
  = note: in site s
[1]
$ query --fleet file-fleet s latin1
file-fleet/sub/profile.site:7:17: error[E0514]: file(path): "../data/latin1.txt" is not UTF-8: invalid byte at offset 3
 7 |   latin1 = file("../data/latin1.txt")
   |                 ^~~~~~~~~~~~~~~~~~~~
  = help: file() reads UTF-8 text
  = note: in site s
[1]
$ query --fleet file-fleet s not_string
file-fleet/sub/profile.site:8:21: error[E0504]: file(path): argument 1 must be a string, not a list
 8 |   not_string = file(["../data/cert.pem"])
   |                     ^~~~~~~~~~~~~~~~~~~~
  = note: in site s
[1]
