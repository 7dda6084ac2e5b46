"""The Qt user interface. Only ``app.py`` imports it."""
