codes E0104
