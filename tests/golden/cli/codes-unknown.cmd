codes E9999
