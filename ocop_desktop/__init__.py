"""OCOP Desktop: offline-first dossier preparation, scoring and signed sync for Vietnam's OCOP programme."""

# Kept equal to pyproject.toml's version by tests/architecture/test_version.py. A constant, not
# importlib.metadata: that lookup costs ~30 ms at every start and fails in a frozen bundle.
__version__ = "0.1.0"

APP_NAME = "OCOP Desktop"
APP_AUTHOR = "OCOP"
