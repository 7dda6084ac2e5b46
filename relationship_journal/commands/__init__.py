"""The command line's subcommands; ``app.py`` parses the arguments, these do the work."""
