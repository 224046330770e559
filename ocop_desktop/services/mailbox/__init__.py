"""The province's mailbox on S3-compatible storage: the outbox every export fills, the sender that
uploads it and resumes after a cut, and fetching what the province left for this office."""
