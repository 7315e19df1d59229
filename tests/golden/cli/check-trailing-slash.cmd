check fleets/good/
