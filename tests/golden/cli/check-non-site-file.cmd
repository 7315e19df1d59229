check fleets/nothing/readme.txt
