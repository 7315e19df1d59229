explain --format sarif --fleet fleets/sarif-query s2 ratio
