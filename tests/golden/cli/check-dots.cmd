check fleets/dots
