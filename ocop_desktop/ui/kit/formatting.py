"""Vietnamese display formats: dd/mm/yyyy dates and 1.234.567,5 numbers (QLocale vi_VN), stored
UTC moments in this computer's time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

VI = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return QDate(value.year, value.month, value.day).toString("dd/MM/yyyy")


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    moment = QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))
    return moment.toString("dd/MM/yyyy HH:mm")


def local_time(value: datetime | None) -> str:
    """A stored UTC moment shown in this computer's time zone, dd/mm/yyyy HH:MM."""
    if value is None:
        return ""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return format_datetime(aware.astimezone())


def format_int(value: int) -> str:
    return VI.toString(int(value))


def format_number(value: float, decimals: int = 1) -> str:
    return VI.toString(float(value), "f", decimals)
