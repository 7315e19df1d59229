# Each earlier value of a path is computed once: 40 `x += super` and 30
# layers of `y = super + super` are linear, not 2^40 (it would hang).
$ query --fleet late-super-chain.site s x
1099511627776
$ query --fleet late-super-chain.site t y
1073741824
