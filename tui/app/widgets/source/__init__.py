"""The source view."""
