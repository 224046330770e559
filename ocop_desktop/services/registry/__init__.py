"""The register: producers, their products (code T-X-STT-YYYY) and the certificates they hold."""
