"""The quotes view."""
