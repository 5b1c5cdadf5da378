"""Commands: analyze (filled in by its capability)."""
