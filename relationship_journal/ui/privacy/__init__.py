"""Encryption at rest and the window lock."""
