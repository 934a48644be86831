"""The reception window."""
