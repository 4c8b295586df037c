"""The detail of one stance: used beside the matrix, and in the issue and actor views."""
