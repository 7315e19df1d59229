check fleets/dots/.cache
