compile -o fleets/good/a.site fleets/good
