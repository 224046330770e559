"""Draw the application icon: a gold five-pointed star (the OCOP rating star) on a green
rounded square, with "OCOP" under the star at sizes where text is legible.

Writes into ``resources/icons/``:

* ``ocop-desktop.ico``       multi-size Windows icon (16, 20, 24, 32, 40, 48, 64, 128, 256)
* ``ocop-desktop.png``       256 px, used by Qt as the window icon and by Linux desktops
* ``ocop-desktop-<N>.png``   hicolor sizes for a Linux ``.desktop`` install (16 … 512)

The drawing is our own (same licence as the project). Pillow is installed with ReportLab, so
``uv run python installer/make_icons.py`` works in the dev environment. Re-run it after
changing the design; the outputs are committed so the build never needs Pillow.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "BeVietnamPro-Bold.ttf"

GREEN_TOP = (34, 139, 74)  # gradient from top …
GREEN_BOTTOM = (16, 94, 48)  # … to bottom
GOLD = (250, 200, 60)
GOLD_EDGE = (214, 150, 20)
WHITE = (255, 255, 255)

ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 128, 256]
PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
WITH_TEXT_FROM = 64  # below this the word would be a smudge: star only, drawn larger
SUPERSAMPLE = 4


def star_points(cx: float, cy: float, outer: float, inner_ratio: float = 0.42) -> list[tuple[float, float]]:
    """Ten vertices of a five-pointed star with one point straight up."""
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else outer * inner_ratio
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def _background(size: int) -> Image.Image:
    gradient = Image.new("RGB", (1, size))
    for y in range(size):
        t = y / max(size - 1, 1)
        gradient.putpixel(
            (0, y), tuple(round(a + (b - a) * t) for a, b in zip(GREEN_TOP, GREEN_BOTTOM, strict=True))
        )
    gradient = gradient.resize((size, size))
    mask = Image.new("L", (size, size), 0)
    margin = round(size * 0.03)
    ImageDraw.Draw(mask).rounded_rectangle(
        (margin, margin, size - 1 - margin, size - 1 - margin), radius=round(size * 0.2), fill=255
    )
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    img.paste(gradient, (0, 0), mask)
    return img


def draw_icon(size: int) -> Image.Image:
    """One icon at `size` px, drawn at SUPERSAMPLE x and reduced for smooth edges."""
    big = size * SUPERSAMPLE
    img = _background(big)
    draw = ImageDraw.Draw(img)
    with_text = size >= WITH_TEXT_FROM
    cx = big / 2
    cy = big * (0.42 if with_text else 0.53)
    outer = big * (0.30 if with_text else 0.40)
    draw.polygon(star_points(cx, cy, outer), fill=GOLD_EDGE)
    draw.polygon(star_points(cx, cy, outer * 0.86), fill=GOLD)
    if with_text:
        font = ImageFont.truetype(str(FONT), round(big * 0.19))
        draw.text((cx, big * 0.83), "OCOP", font=font, fill=WHITE, anchor="ms")
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    images = {s: draw_icon(s) for s in sorted(set(ICO_SIZES) | set(PNG_SIZES))}
    for s in PNG_SIZES:
        images[s].save(OUT / f"ocop-desktop-{s}.png", optimize=True)
    images[256].save(OUT / "ocop-desktop.png", optimize=True)
    largest = images[max(ICO_SIZES)]
    largest.save(
        OUT / "ocop-desktop.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} B")


if __name__ == "__main__":
    main()
