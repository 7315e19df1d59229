check --format sarif no/such/path
