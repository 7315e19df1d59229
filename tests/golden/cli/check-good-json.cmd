check --format json fleets/good
