check -- fleets/good
