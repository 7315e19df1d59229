check --format json fleets/nested
