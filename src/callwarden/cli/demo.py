"""Commands: demo (filled in by its capability)."""
