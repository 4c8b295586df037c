"""The gaps view."""
