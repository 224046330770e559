"""Demo data: realistic producers, products and dossiers in real communes, reproducible by seed."""
