"""The Đánh giá page: the province's evaluation rounds (docs/province.md), and at a commune what the
province decided about its dossiers."""
