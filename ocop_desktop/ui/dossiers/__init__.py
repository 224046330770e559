"""The dossier workspace (issue 4): the list of dossiers, the dossier editor with its form tabs,
checklist, evidence, self-assessment, commune report and printing, all autosaved."""
