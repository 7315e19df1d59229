check fleets/good
