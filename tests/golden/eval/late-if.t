# `if` conditions in a profile read each site's late-bound values (the
# site's own role, big, cpus); `else if` chains; a skipped `if` leaves its
# paths unset (mode); a body `let` is late-bound too.
$ query --fleet late-if.site core-01 '[replicas, has(site, "mode"), note]'
[
  3,
  false,
  "half=1"
]
$ query --fleet late-if.site big-01 '[replicas, mode, note]'
[
  2,
  "fast",
  "half=4"
]
$ query --fleet late-if.site small-01 '[replicas, has(site, "mode"), note]'
[
  1,
  false,
  "half=1"
]
