"""Typed errors. A `UserError` is something the person can act on (bad input, a full disk,
a file that is not ours); it is shown as a plain message. Anything else is a bug and is
shown with copyable details."""

from __future__ import annotations


class OcopError(Exception):
    """Base of every error this application raises on purpose."""


class UserError(OcopError):
    """A problem with input or environment, explained in words a person understands.

    `message` is Vietnamese (the UI language); `detail` is optional technical context.
    """

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class ValidationError(UserError):
    """One or more fields are invalid. `fields` maps field name -> message."""

    def __init__(self, fields: dict[str, str]) -> None:
        self.fields = dict(fields)
        lines = [f"- {msg}" for msg in self.fields.values()]
        super().__init__("Dữ liệu chưa hợp lệ:\n" + "\n".join(lines))


class NotFoundError(UserError):
    """A record that was asked for does not exist (any more)."""


class ConflictError(UserError):
    """The record changed since it was read (another officer or an import)."""


class EnvironmentProblem(UserError):
    """The machine is in the way: folder not writable, disk full, file not a database."""


class NotInitialisedError(UserError):
    """The installation has not been set up yet (no office)."""


class Cancelled(UserError):
    """The person cancelled a long job; it stopped before writing anything."""

    def __init__(self, message: str = "Đã hủy theo yêu cầu; không có gì thay đổi.") -> None:
        super().__init__(message)
