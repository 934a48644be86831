"""The counter window."""
