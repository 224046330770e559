"""Backups a person can make and restore: one encrypted file holding a consistent snapshot of the
database, the evidence blobs, the office keys and the settings (docs/backup.md)."""
