compile -o
