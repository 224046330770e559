"""Province evaluation from the command line (docs/province.md)."""

from ocop_desktop.cli.province.rounds import register

__all__ = ["register"]
