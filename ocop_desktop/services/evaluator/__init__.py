"""A council member's laptop: the assigned dossiers and the member's own score sheets."""
