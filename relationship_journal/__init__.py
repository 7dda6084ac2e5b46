"""Relationship Journal: a private, offline journal of the relationships that matter."""

__version__ = "0.1.0"
APP_NAME = "Relationship Journal"
APP_ID = "relationship-journal"
