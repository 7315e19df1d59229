check fleets/nested/.dot.site
