"""Bringing contacts in and taking the journal out: vCard, CSV, JSON, backups."""
