"""Commands: synth (filled in by its capability)."""
