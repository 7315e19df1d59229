check fleets/good --format json
