query --format sarif --fleet fleets/sarif-query s3 port
