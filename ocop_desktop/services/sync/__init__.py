"""Signed packages between offices (docs/sync-package.md): export, import with a dry run, trust,
receipts, reference packs, evaluator packages and the state of what was sent and received.
The file format itself is `ocop_desktop.ocoppkg`."""
