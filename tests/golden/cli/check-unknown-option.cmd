check --frob fleets/good
