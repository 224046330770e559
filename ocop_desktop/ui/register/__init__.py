"""The register import dialog: pick an XLSX/CSV register, see what each row would do, import it."""
