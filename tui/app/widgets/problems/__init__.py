"""The problems view."""
