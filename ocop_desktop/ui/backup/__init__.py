"""Tệp > Sao lưu… and Tệp > Khôi phục từ bản sao lưu…, and the automatic backups' timer."""
