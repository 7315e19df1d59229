compile fleets/good
