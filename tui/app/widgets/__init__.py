"""The dashboard's widgets, one folder per view."""
