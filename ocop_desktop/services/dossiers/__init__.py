"""A product's dossier from first draft to the commune's report: forms, checklist, evidence,
self-assessment, lifecycle transitions and what is printed from them."""
