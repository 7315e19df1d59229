check --format sarif fleets/sarif
