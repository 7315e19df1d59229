parse --dump --format sarif fleets/good/sub/b.site
