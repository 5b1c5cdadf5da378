"""Commands: load (filled in by its capability)."""
