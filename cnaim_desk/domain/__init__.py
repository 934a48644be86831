"""The queue's rules in plain Python: no Qt, no disk, no network."""
