check fleets/nothing
