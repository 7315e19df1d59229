# A SITE that names no site is a usage error (exit 2) with a did-you-mean
# over the fleet's sites; a profile is not a site.
$ query --fleet query-unknown-site.site paris01 name
sitec: no site is called 'paris01' in query-unknown-site.site; did you mean 'paris-01'?
Try 'sitec query --help'.
[2]
$ query --fleet query-unknown-site.site berlin name
sitec: no site is called 'berlin' in query-unknown-site.site
Try 'sitec query --help'.
[2]
$ query --fleet query-unknown-site.site tokyo-01 name
sitec: no site is called 'tokyo-01' in query-unknown-site.site
Try 'sitec query --help'.
[2]
$ query --fleet query-unknown-site.site base name
sitec: no site is called 'base' in query-unknown-site.site
Try 'sitec query --help'.
[2]
