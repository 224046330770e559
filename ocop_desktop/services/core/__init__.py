"""What every feature stands on: the application context and how it opens, the office, its
officers and keys, the administrative units, the rule sets in force and the installed reference data."""
