"""The journal: the desk's replicated event documents, stored in SQLite with their
projections. Pure Python, no Qt."""
