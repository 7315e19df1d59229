parse --dump fleets/nested/a.site
