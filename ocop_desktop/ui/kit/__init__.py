"""Generic widgets and helpers every feature uses, and which import no feature: background tasks
(`tasks`), the error sink (`errors`), the one palette (`style`) and banners, tables and lazy
models (`tables`, `lazy_model`), list pages, form dialogs and their field messages, search
pickers, translations, settings, opening files with the system viewer (`system_open`), and the
performance devices (`perf`, `progressive`, `qt_workarounds`)."""
