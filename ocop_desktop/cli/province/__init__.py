"""Province evaluation from the command line (docs/province.md):

    inbox list|accept|return|note        dossiers that arrived from the communes; advisory notes
    round create|list|show|assign|unassign|aggregate|matrix|rescore|propose|five-star|decide|print
    council configure|list|add-member|absent|present
    score enter --member M --dossier D --answers FILE   (answers file as `rules score`)
    certificates expiring|revoke

A round is named by its id, an id prefix or YEAR-NUMBER ("2026-2"); a dossier by its id, an id
prefix or its receipt number; a member by "TV3", "3" or its id. Every command takes `--json`."""

from __future__ import annotations

from ocop_desktop.cli.province import certificates, council, inbox, rounds
from ocop_desktop.cli.province.common import Sub


def register(sub: Sub) -> None:
    inbox.register(sub)
    rounds.register(sub)
    council.register(sub)
    certificates.register(sub)
