"""Create/edit dialogs."""
