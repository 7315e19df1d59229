check fleets/good/a.site fleets/good/a.site
