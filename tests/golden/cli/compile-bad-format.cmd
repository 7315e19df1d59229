compile -o out --format xml fleets/good
