# An unknown bare name is E0501, with a did-you-mean drawn from the lets,
# comprehension variables, fleet constants and site fields in scope; no
# suggestion when nothing is close.
$ query --fleet name-unknown.site s a
name-unknown.site:8:7: error[E0501]: unknown name `regoin`
 8 |   a = regoin
   |       ^~~~~~
  = help: did you mean `region`?
  = note: in site s
[1]
$ query --fleet name-unknown.site s b
name-unknown.site:12:7: error[E0501]: unknown name `hostnme`
 12 |   b = hostnme
    |       ^~~~~~~
  = help: did you mean `hostname`?
[1]
$ query --fleet name-unknown.site s c
name-unknown.site:13:7: error[E0501]: unknown name `domian`
 13 |   c = domian
    |       ^~~~~~
  = help: did you mean `domain`?
[1]
$ query --fleet name-unknown.site s d
name-unknown.site:14:25: error[E0501]: unknown name `itme`
 14 |   d = [for item in [1]: itme]
    |                         ^~~~
  = help: did you mean `item`?
[1]
$ query --fleet name-unknown.site s e
name-unknown.site:15:7: error[E0501]: unknown name `mgmt_iq`
 15 |   e = mgmt_iq
    |       ^~~~~~~
  = help: did you mean `mgmt_ip`?
[1]
$ query --fleet name-unknown.site s f
name-unknown.site:16:7: error[E0501]: unknown name `zzzzzz`
 16 |   f = zzzzzz
    |       ^~~~~~
[1]
