"""Province demo, the rest of an office's life: real multi-page PDF evidence (made with ReportLab, a few
dozen distinct files the attachments share by content hash), year plans with targets (province-wide, per
product group, per commune), communes whose keys the province trusts, and the reasons dossiers come back."""

from __future__ import annotations

import hashlib
import io
import random
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped, unused-ignore]
from sqlalchemy.orm import Session

from ocop_desktop.printing.fonts import register_fonts
from ocop_desktop.store.base import new_uuid
from ocop_desktop.store.blobs import BlobStore
from ocop_desktop.store.models import Blob

PAPERS = [  # the papers a dossier carries, as their scans are titled
    "Giấy chứng nhận đăng ký kinh doanh",
    "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
    "Phiếu kết quả kiểm nghiệm sản phẩm",
    "Bản tự công bố sản phẩm",
    "Giấy chứng nhận đăng ký nhãn hiệu",
    "Câu chuyện sản phẩm",
    "Hợp đồng liên kết tiêu thụ",
    "Kế hoạch kinh doanh",
]
RETURN_REASONS = [
    "Thiếu phiếu kết quả kiểm nghiệm chỉ tiêu an toàn thực phẩm",
    "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đã hết hạn",
    "Bản tự công bố sản phẩm chưa đúng mẫu",
    "Nhãn sản phẩm chưa đủ nội dung bắt buộc theo Nghị định 43/2017/NĐ-CP",
    "Câu chuyện sản phẩm chưa có xác nhận của chủ thể",
    "Phiếu tự đánh giá chưa chấm đủ các tiêu chí",
    "Thiếu hợp đồng liên kết vùng nguyên liệu",
    "Mẫu sản phẩm chưa đủ 05 mẫu",
]


def shared_scans(s: Session, blobs: BlobStore, count: int, rng: random.Random) -> list[tuple[str, str]]:
    """(sha256, file name) of `count` distinct scans, 1 to 5 pages of real PDF each (a few kB)."""
    font = register_fonts()
    out = []
    for k in range(count):
        title = PAPERS[k % len(PAPERS)]
        pages = 1 + k % 5
        data = _pdf(title, f"Bản số {k + 1:02d}", pages, font, rng)
        stored = blobs.put_bytes(data)
        if not stored.existed:
            s.add(Blob(sha256=stored.sha256, size=stored.size, media_type="application/pdf", pages=pages))
        out.append((stored.sha256, f"{_slug(title)}-{k + 1:02d}.pdf"))
    s.flush()
    return out


def _pdf(title: str, copy: str, pages: int, font: str, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1)
    canvas.setTitle(title)
    for page in range(1, pages + 1):
        canvas.setFont(font, 11)
        canvas.drawCentredString(297, 800, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        canvas.drawCentredString(297, 784, "Độc lập - Tự do - Hạnh phúc")
        canvas.setFont(font, 14)
        canvas.drawCentredString(297, 740, title.upper())
        canvas.setFont(font, 10)
        y = 700
        for line in range(18):
            canvas.drawString(
                72, y, f"{line + 1}. Nội dung trang {page}: số liệu {rng.randint(1000, 99999)}."
            )
            y -= 18
        canvas.drawRightString(523, 40, f"{copy} - trang {page}/{pages}")
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def _slug(title: str) -> str:
    from ocop_desktop.domain.text import fold

    return "-".join(fold(title).split())[:40]


def year_plans(
    rng: random.Random, communes: list[tuple[str, str, str]], groups: list[str], today: date
) -> list[dict[str, Any]]:
    """A province-wide line for every year since 2023 and the next one; for this year and the next, a line
    per product group and per commune for a fifth of the communes."""
    rows: list[dict[str, Any]] = []

    def line(year: int, commune: str, group: str, scale: int) -> None:
        rows.append(
            {
                "id": new_uuid(),
                "year": year,
                "commune_code": commune,
                "product_group": group,
                "new_products": rng.randint(2, 6) * scale,
                "upgrades": rng.randint(1, 3) * scale,
                "reevaluations": rng.randint(1, 4) * scale,
            }
        )

    for year in range(2023, today.year + 2):
        line(year, "", "", 60)
        if year >= today.year:
            for group in groups:
                line(year, "", group, 10)
            for code, _, _ in sorted(communes)[::5]:
                line(year, code, "", 1)
    return rows


def trusted_communes(
    rng: random.Random, communes: list[tuple[str, str, str]], stamp: dict[str, Any], share: float = 0.4
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Offices of the communes that have enrolled with the province (their keys trusted): office rows and
    their signing and encryption keys (random public keys: no package is ever checked against them)."""
    offices, keys = [], []
    for code, name, _ in sorted(communes):
        if rng.random() >= share:
            continue
        oid = new_uuid()
        offices.append(
            {
                **stamp,
                "id": oid,
                "role": "commune",
                "unit_code": code,
                "name": f"UBND {name}",
                "is_self": False,
            }
        )
        for purpose, algorithm in (("signing", "ed25519"), ("encryption", "x25519")):
            public = rng.randbytes(32)
            keys.append(
                {
                    "fingerprint": hashlib.sha256(public).hexdigest(),
                    "office_id": oid,
                    "purpose": purpose,
                    "algorithm": algorithm,
                    "public_key": public,
                    "trusted": True,
                }
            )
    return offices, keys


def return_reasons(rng: random.Random) -> str:
    return "\n".join(f"- {r}." for r in rng.sample(RETURN_REASONS, rng.randint(1, 3)))
