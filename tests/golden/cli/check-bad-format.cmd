check --format yaml fleets/good
