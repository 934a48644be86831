"""Qt windows and models, one package per role. Thin adapters over the journal."""
