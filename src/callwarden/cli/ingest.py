"""Commands: data (filled in by its capability)."""
