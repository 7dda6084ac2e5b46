"""The desktop around the app: its notification service and starting with the computer.

Nothing here knows the journal; the window and the command line hand it what to say.
"""
