parse --dump --format json fleets/nested/a.site
