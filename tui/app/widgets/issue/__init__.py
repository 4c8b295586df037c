"""The issue view."""
