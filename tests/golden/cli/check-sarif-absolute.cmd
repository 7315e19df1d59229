check --format sarif /no/such/dir
