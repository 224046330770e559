"""Reports: the programme's figures (certified products by star, commune, product group and set, year and
issuing level; coverage of communes; certificates expiring and expired) as plain tables, the same for the
CLI (`report … --json`), and later the GUI page, XLSX and PDF."""
