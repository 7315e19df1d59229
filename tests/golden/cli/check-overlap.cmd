check fleets/good fleets/good/sub/b.site
