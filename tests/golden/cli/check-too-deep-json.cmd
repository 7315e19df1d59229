check fleets/too-deep-json
