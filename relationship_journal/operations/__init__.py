"""The use cases: everything a person can do with a journal, once, for the window and the
command line alike.

Each takes a ``Workspace`` and plain values, and returns plain values (``domain`` types);
each write is one transaction and returns a ``Done`` that says what undoes it. Nothing
here knows Qt; nothing above here knows SQL, sessions or database rows.
"""
