# The built-in OsConfig and ApiCall are checked like any schema, and the
# keys of os.files, os.hosts, os.units and os.ca_certs like values
# (E0611, at the key). ok-01 sits on the edges and passes: mode 0 and
# 0o7777, owner and group as useradd takes them (`_nogroup$`), the file
# "/", an IPv6 host, a templated unit "getty@tty1.service", uid 0 and
# 4294967294, a hugepage count of 0, sysctl values that are ints or
# strings. files-01: a path that is not absolute or ends with `/` (fix
# offered), a mode of 0o10000 (4096, shown as the decimal range
# 0..4095) or -1, an owner with an upper-case letter. keys-01: a host
# name starting with `-`, a hosts value that is a name and not an ip, a
# unit without a type suffix or with an unknown one, or with a `/` (fix
# offered), a CA file name with a `/` or `..`. users-01: a user without
# a name (reported as item 0; the other items are named by their key),
# a uid of -1 or 2^32-1, an upper-case name (fix offered), a hugepage
# size that is neither 2Mi nor 1Gi (closest suggested), a negative
# count, a bool or a float as a sysctl value. api-01: a service that is
# no DNS label, a method that is no HTTP method of the list (closest
# suggested), a call without `body` (null is a body; absent is not).
$ check types-os.site
types-os.site:18:12: error[E0611]: the key "etc/motd" of `os.files` is not an absolute path: it does not start with `/`
 18 |   os.files."etc/motd" = { content = "x" }
    |            ^~~~~~~~~~
<builtin>:32:3: note: the field `files` of `OsConfig` is map<OsFile>
 32 |   files: map<OsFile> = {}
    |   ^~~~~~~~~~~~~~~~~~~~~~~
types-os.site:19:49: error[E0602]: `os.files."/etc/big".mode` must be in 0..0o7777, but is 4096
 19 |   os.files."/etc/big" = { content = "x", mode = 0o10000, owner = "Root" }
    |                                                 ^~~~~~~
<builtin>:9:3: note: the field `mode` of `OsFile` is int(0..0o7777)
 9 |   mode: int(0..0o7777) = 0o644
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~
types-os.site:19:66: error[E0603]: `os.files."/etc/big".owner` must match /^[a-z_][a-z0-9_-]*[$]?$/, but "Root" does not
 19 |   os.files."/etc/big" = { content = "x", mode = 0o10000, owner = "Root" }
    |                                                                  ^~~~~~
<builtin>:10:3: note: the field `owner` of `OsFile` is string(/^[a-z_][a-z0-9_-]*[$]?$/)
 10 |   owner: string(/^[a-z_][a-z0-9_-]*[$]?$/) = "root"
    |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
types-os.site:20:12: error[E0611]: the key "/etc/" of `os.files` is not an absolute path: it ends with `/`
 20 |   os.files."/etc/" = { content = "x", mode = -1 }
    |            ^~~~~~~
  = help: did you mean "/etc"?
<builtin>:32:3: note: the field `files` of `OsConfig` is map<OsFile>
 32 |   files: map<OsFile> = {}
    |   ^~~~~~~~~~~~~~~~~~~~~~~
types-os.site:20:46: error[E0602]: `os.files."/etc/".mode` must be in 0..0o7777, but is -1
 20 |   os.files."/etc/" = { content = "x", mode = -1 }
    |                                              ^~
<builtin>:9:3: note: the field `mode` of `OsFile` is int(0..0o7777)
 9 |   mode: int(0..0o7777) = 0o644
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~
types-os.site:23:12: error[E0611]: the key "-gw" of `os.hosts` is not a hostname: the label `-gw` starts with `-`
 23 |   os.hosts."-gw" = "10.0.0.1"
    |            ^~~~~
<builtin>:27:3: note: the field `hosts` of `OsConfig` is map<ip>
 27 |   hosts: map<ip> = {}
    |   ^~~~~~~~~~~~~~~~~~~
types-os.site:24:18: error[E0604]: `os.hosts.ntp` must be an ip, but "ntp.example.net" is not: it is a name, not an address
 24 |   os.hosts.ntp = "ntp.example.net"
    |                  ^~~~~~~~~~~~~~~~~
<builtin>:27:3: note: the field `hosts` of `OsConfig` is map<ip>
 27 |   hosts: map<ip> = {}
    |   ^~~~~~~~~~~~~~~~~~~
types-os.site:25:12: error[E0611]: the key "agent" of `os.units` is not a systemd unit name: it does not end in a unit type such as `.service`
 25 |   os.units.agent = {}
    |            ^~~~~
<builtin>:33:3: note: the field `units` of `OsConfig` is map<OsUnit>
 33 |   units: map<OsUnit> = {}
    |   ^~~~~~~~~~~~~~~~~~~~~~~
types-os.site:26:12: error[E0611]: the key "agent.foo" of `os.units` is not a systemd unit name: `.foo` is not a unit type (.service, .socket, .timer, .mount, .automount, .path, .target, .slice or .swap)
 26 |   os.units."agent.foo" = {}
    |            ^~~~~~~~~~~
<builtin>:33:3: note: the field `units` of `OsConfig` is map<OsUnit>
 33 |   units: map<OsUnit> = {}
    |   ^~~~~~~~~~~~~~~~~~~~~~~
types-os.site:27:12: error[E0611]: the key "a/b.service" of `os.units` is not a systemd unit name: `/` is not allowed: a unit name is not a path
 27 |   os.units."a/b.service" = {}
    |            ^~~~~~~~~~~~~
  = help: did you mean "b.service"?
<builtin>:33:3: note: the field `units` of `OsConfig` is map<OsUnit>
 33 |   units: map<OsUnit> = {}
    |   ^~~~~~~~~~~~~~~~~~~~~~~
types-os.site:28:15: error[E0611]: the key "certs/root.pem" of `os.ca_certs` is not a file name: `/` is not allowed in a file name
 28 |   os.ca_certs."certs/root.pem" = "x"
    |               ^~~~~~~~~~~~~~~~
<builtin>:31:3: note: the field `ca_certs` of `OsConfig` is map<string>
 31 |   ca_certs: map<string> = {}
    |   ^~~~~~~~~~~~~~~~~~~~~~~~~~
types-os.site:29:15: error[E0611]: the key ".." of `os.ca_certs` is not a file name: `..` names a directory, not a file
 29 |   os.ca_certs.".." = "x"
    |               ^~~~
<builtin>:31:3: note: the field `ca_certs` of `OsConfig` is map<string>
 31 |   ca_certs: map<string> = {}
    |   ^~~~~~~~~~~~~~~~~~~~~~~~~~
types-os.site:32:15: error[E0607]: required field `os.users[0].name` is not set
 32 |   os.users = [{ uid = 5 }, { name = "neg", uid = -1 }, { name = "big", uid = 4294967295 }, { name = "Ops" }]
    |               ^~~~~~~~~~~
  = help: set `os.users[0].name`, or give the field a default
<builtin>:18:3: note: the field `name` of `OsUser` is dns_label
 18 |   name: dns_label
    |   ^~~~~~~~~~~~~~~
types-os.site:32:50: error[E0602]: `os.users[name = "neg"].uid` must be in 0..4294967294, but is -1
 32 |   os.users = [{ uid = 5 }, { name = "neg", uid = -1 }, { name = "big", uid = 4294967295 }, { name = "Ops" }]
    |                                                  ^~
<builtin>:19:3: note: the field `uid` of `OsUser` is int(0..4294967294)
 19 |   uid?: int(0..4294967294)
    |   ^~~~~~~~~~~~~~~~~~~~~~~~
types-os.site:32:78: error[E0602]: `os.users[name = "big"].uid` must be in 0..4294967294, but is 4294967295
 32 |   os.users = [{ uid = 5 }, { name = "neg", uid = -1 }, { name = "big", uid = 4294967295 }, { name = "Ops" }]
    |                                                                              ^~~~~~~~~~
<builtin>:19:3: note: the field `uid` of `OsUser` is int(0..4294967294)
 19 |   uid?: int(0..4294967294)
    |   ^~~~~~~~~~~~~~~~~~~~~~~~
types-os.site:32:101: error[E0604]: `os.users[name = "Ops"].name` must be a dns_label, but "Ops" is not: it has upper-case letters
 32 |   os.users = [{ uid = 5 }, { name = "neg", uid = -1 }, { name = "big", uid = 4294967295 }, { name = "Ops" }]
    |                                                                                                     ^~~~~
  = help: did you mean "ops"?
<builtin>:18:3: note: the field `name` of `OsUser` is dns_label
 18 |   name: dns_label
    |   ^~~~~~~~~~~~~~~
types-os.site:33:27: error[E0605]: `os.hugepages.size` must be one of "2Mi", "1Gi"; not "3Mi"
 33 |   os.hugepages = { size = "3Mi", count = -1 }
    |                           ^~~~~
  = help: did you mean "2Mi"?
<builtin>:28:17: note: the field `size` is "2Mi" | "1Gi"
 28 |   hugepages?: { size: "2Mi" | "1Gi" = "2Mi"; count: int(0..) }
    |                 ^~~~~~~~~~~~~~~~~~~~~~~~~~~
types-os.site:33:42: error[E0602]: `os.hugepages.count` must be at least 0, but is -1
 33 |   os.hugepages = { size = "3Mi", count = -1 }
    |                                          ^~
<builtin>:28:46: note: the field `count` is int(0..)
 28 |   hugepages?: { size: "2Mi" | "1Gi" = "2Mi"; count: int(0..) }
    |                                              ^~~~~~~~~~~~~~~
types-os.site:34:30: error[E0605]: `os.sysctl."kernel.panic"` must be string | int; the bool true is none of them
 34 |   os.sysctl."kernel.panic" = true
    |                              ^~~~
<builtin>:29:3: note: the field `sysctl` of `OsConfig` is map<string | int>
 29 |   sysctl: map<string | int> = {}
    |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
types-os.site:35:26: error[E0601]: `os.sysctl."vm.ratio"` must be int, not the float 0.5
 35 |   os.sysctl."vm.ratio" = 0.5
    |                          ^~~
<builtin>:29:3: note: the field `sysctl` of `OsConfig` is map<string | int>
 29 |   sysctl: map<string | int> = {}
    |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
types-os.site:38:25: error[E0604]: `api.dns.service` must be a dns_label, but "DNS" is not: it has upper-case letters
 38 |   api.dns = { service = "DNS", method = "PUTT", path = "/zones", body = null }
    |                         ^~~~~
  = help: did you mean "dns"?
<builtin>:2:3: note: the field `service` of `ApiCall` is dns_label
 2 |   service: dns_label
   |   ^~~~~~~~~~~~~~~~~~
types-os.site:38:41: error[E0605]: `api.dns.method` must be one of "PUT", "POST", "PATCH", "DELETE"; not "PUTT"
 38 |   api.dns = { service = "DNS", method = "PUTT", path = "/zones", body = null }
    |                                         ^~~~~~
  = help: did you mean "PUT"?
<builtin>:3:3: note: the field `method` of `ApiCall` is "PUT" | "POST" | "PATCH" | "DELETE"
 3 |   method: "PUT" | "POST" | "PATCH" | "DELETE" = "PUT"
   |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
types-os.site:39:13: error[E0607]: required field `api.ntp.body` is not set
 39 |   api.ntp = { service = "ntp_api", path = "/" }
    |             ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  = help: set `api.ntp.body`, or give the field a default
<builtin>:5:3: note: the field `body` of `ApiCall` is any
 5 |   body: any
   |   ^~~~~~~~~
types-os.site:39:25: error[E0604]: `api.ntp.service` must be a dns_label, but "ntp_api" is not: `_` is not allowed (only a-z, 0-9 and `-`)
 39 |   api.ntp = { service = "ntp_api", path = "/" }
    |                         ^~~~~~~~~
<builtin>:2:3: note: the field `service` of `ApiCall` is dns_label
 2 |   service: dns_label
   |   ^~~~~~~~~~~~~~~~~~
sitec: 24 errors in 1 file
[1]
$ query --fleet types-os.site ok-01 '[os.files["/"], api.dns.method, os.units["getty@tty1.service"]]'
[
  {
    "content": "",
    "mode": 0,
    "owner": "root",
    "group": "root"
  },
  "PUT",
  {
    "enabled": true
  }
]
