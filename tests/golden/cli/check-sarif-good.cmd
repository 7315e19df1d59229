check --format sarif fleets/good
