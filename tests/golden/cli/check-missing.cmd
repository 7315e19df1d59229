check no/such/path
