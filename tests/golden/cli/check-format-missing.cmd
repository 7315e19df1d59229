check --format
