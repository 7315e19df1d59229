parse --dump fleets/good/sub/b.site
