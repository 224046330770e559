"""Register import: an existing register of producers, products and certificates (XLSX or CSV), previewed
row by row, applied in one transaction, idempotent on a re-run; and the template to fill."""
