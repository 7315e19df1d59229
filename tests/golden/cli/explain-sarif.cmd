explain --format sarif --fleet fleets/sarif-query s1 port
