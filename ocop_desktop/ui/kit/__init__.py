"""Generic widgets and helpers every feature uses: background tasks, the error sink, tables and
lazy models, list pages, form dialogs, search pickers, palettes, translations, opening files."""
