"""Rule sets (criteria as data) and the scoring engine. Pure Python, no I/O except `load_ruleset`.

Typical use (services and UI normally go through `ocop_desktop.services.core.rules.RuleService`):

    ruleset = load_ruleset(path)                  # validated, hash checked, or RuleSetError
    sheet = ruleset.sheet(1)                      # or ruleset.sheet("I.1.a")
    for part, group, criterion, depth in sheet.walk(): ...   # printed order
    result = score(sheet, {"1.1": 2, ...}, knockouts=["forged_dossier"], stops=["foreign_matter"])
    council = aggregate(sheet, {"member-a": result_a, ...}, council_size=7, chair="member-a")
"""

from ocop_desktop.domain.rules.council import CouncilResult, CouncilRules, FloorVote, aggregate
from ocop_desktop.domain.rules.errors import RuleSetError, ScoringError
from ocop_desktop.domain.rules.loader import load_ruleset, parse_ruleset
from ocop_desktop.domain.rules.model import (
    Condition,
    Criterion,
    Floor,
    Group,
    Knockout,
    Option,
    Part,
    ProductSet,
    RuleSet,
    Sheet,
    StarBand,
    Stop,
)
from ocop_desktop.domain.rules.scoring import ScoreResult, score
from ocop_desktop.domain.rules.stars import FloorCheck, NextStar, band_for, final_star

__all__ = [
    "Condition",
    "CouncilResult",
    "CouncilRules",
    "Criterion",
    "Floor",
    "FloorCheck",
    "FloorVote",
    "Group",
    "Knockout",
    "NextStar",
    "Option",
    "Part",
    "ProductSet",
    "RuleSet",
    "RuleSetError",
    "ScoreResult",
    "ScoringError",
    "Sheet",
    "StarBand",
    "Stop",
    "aggregate",
    "band_for",
    "final_star",
    "load_ruleset",
    "parse_ruleset",
    "score",
]
