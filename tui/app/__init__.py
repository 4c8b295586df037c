"""The Textual dashboard. Nothing outside this package imports it except the CLI."""
