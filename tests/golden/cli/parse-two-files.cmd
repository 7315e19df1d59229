parse --dump fleets/good/a.site fleets/good/sub/b.site
