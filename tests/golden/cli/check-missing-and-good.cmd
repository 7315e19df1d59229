check no-such-dir fleets/good
