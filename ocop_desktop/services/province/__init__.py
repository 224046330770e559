"""The province's evaluation: inbox, rounds, councils, member sheets, aggregation, decisions,
certificates and the province's reports (docs/province.md)."""
