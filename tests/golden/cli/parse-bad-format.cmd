parse --dump --format xml fleets/good/a.site
