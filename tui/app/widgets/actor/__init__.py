"""The actor view."""
