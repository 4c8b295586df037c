"""Peninsula: where the actors of the Korean Peninsula stand, and the words behind it."""

__version__ = "0.1.0"
