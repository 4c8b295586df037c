"""Turning data records into Content: the only place data strings become something on screen."""
