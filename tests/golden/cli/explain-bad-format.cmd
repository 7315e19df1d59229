explain --format xml --fleet fleets/sarif-query s1 port
