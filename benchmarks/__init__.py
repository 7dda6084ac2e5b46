"""Reproducible speed and memory measurements on generated journals."""
