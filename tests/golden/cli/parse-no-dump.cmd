parse fleets/good/a.site
