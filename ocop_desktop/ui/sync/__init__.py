"""The Đồng bộ page: signed packages between a commune and its province (DESIGN.md §5)."""
