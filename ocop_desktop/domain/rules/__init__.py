"""Rule sets (criteria as data) and the scoring engine. Pure Python."""
