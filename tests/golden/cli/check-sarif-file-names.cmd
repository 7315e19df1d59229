check --format sarif ./fleets/sarif-names
