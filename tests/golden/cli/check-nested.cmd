check fleets/nested
