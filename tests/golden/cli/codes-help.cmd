codes --help
