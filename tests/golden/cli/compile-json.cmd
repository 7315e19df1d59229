compile -o out --format json fleets/sarif
