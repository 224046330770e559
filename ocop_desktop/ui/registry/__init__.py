"""Producers and products pages, their dialogs, and a product's certificates."""
