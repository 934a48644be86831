"""The board window."""
