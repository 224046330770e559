"""Why a package is refused, in words the officer can act on.

Every refusal is one `PackageRefused` with a short machine `code` (for the UI and tests) and a
Vietnamese message that says what is wrong and what to do. The reader raises nothing else for a
bad file: a bug shows as a bug, a bad file as a refusal.
"""

from __future__ import annotations

from ocop_desktop.domain.errors import UserError


class PackageRefused(UserError):
    """The package cannot be used; nothing was changed on this machine."""

    def __init__(self, code: str, message: str, *, detail: str = "") -> None:
        super().__init__(message + " Không có gì thay đổi trên máy này.", detail=detail)
        self.code = code


ASK_RESEND = "Hãy đề nghị bên gửi xuất và gửi lại gói."


def not_a_package(detail: str = "") -> PackageRefused:
    return PackageRefused(
        "not_a_package",
        "Tệp này không phải là gói đồng bộ OCOP (.ocoppkg) hoặc đã bị hỏng, "
        "có thể do sao chép chưa hết. " + ASK_RESEND,
        detail=detail,
    )


def damaged(detail: str = "") -> PackageRefused:
    return PackageRefused(
        "damaged",
        "Gói đồng bộ bị hỏng hoặc bị sửa đổi sau khi ký (cấu trúc tệp nén không khớp). " + ASK_RESEND,
        detail=detail,
    )


def tampered(name: str, detail: str = "") -> PackageRefused:
    return PackageRefused(
        "tampered",
        f"Tệp “{name}” trong gói không khớp mã kiểm tra (SHA-256): gói bị hỏng "
        "hoặc bị sửa đổi sau khi ký. " + ASK_RESEND,
        detail=detail,
    )
