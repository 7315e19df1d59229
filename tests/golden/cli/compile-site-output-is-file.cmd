compile -o fleets/good/a.site fleets/sarif-query
