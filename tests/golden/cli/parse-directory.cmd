parse --dump fleets/good
