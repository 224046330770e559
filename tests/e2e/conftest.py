import sys
from pathlib import Path

TESTS = Path(__file__).parents[1]
for folder in ("services", "sync", "province", "sync_evaluator"):
    sys.path.insert(0, str(TESTS / folder))
