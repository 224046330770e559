"""Officers and the audit log in the GUI: who is at the keyboard (chooser at start, status-bar button),
the administrator's "Cán bộ" dialog, the "Nhật ký thay đổi" window and the start-up check of the log."""
