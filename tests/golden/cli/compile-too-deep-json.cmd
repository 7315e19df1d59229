compile -o out --format json fleets/too-deep-json
