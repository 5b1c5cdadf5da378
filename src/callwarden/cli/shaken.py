"""Commands: shaken (filled in by its capability)."""
