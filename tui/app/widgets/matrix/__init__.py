"""The matrix view."""
