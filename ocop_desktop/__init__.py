"""OCOP Desktop: offline-first dossier preparation, scoring and signed sync for Vietnam's OCOP programme."""

from importlib import metadata

try:
    __version__ = metadata.version("ocop-desktop")
except metadata.PackageNotFoundError:  # frozen bundle or source tree without install
    __version__ = "0.1.0"

APP_NAME = "OCOP Desktop"
APP_AUTHOR = "OCOP"
