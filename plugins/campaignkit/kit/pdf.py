"""What the kit's PDFs (posters, flyers) draw alike: colours, QR codes, a fixed date, the
embedded typeface, and a print shop's page (bleed, crop marks, TrimBox and BleedBox)."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime

from reportlab import rl_config
from reportlab.lib.colors import CMYKColorSep
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from campaignkit.kit.typeset import Fonts

#: What a print shop asks for: bleed beyond the trim, and room around it for crop marks.
BLEED = 3 * mm
SLUG = 10 * mm
MARK_LENGTH = 5 * mm
#: Nothing that matters (text, logo, QR code) comes closer to the trim than this.
SAFE = 5 * mm


def _register(path: str, name: str) -> str:
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, path))
    return name


def typeface(regular: str, bold: str) -> Fonts:
    """The kit's typeface (font files), registered with reportlab once per process."""
    return Fonts(_register(regular, "CampaignkitSans"), _register(bold, "CampaignkitSans-Bold"))


def print_shop_page(pdf: canvas.Canvas, width: float, height: float) -> None:
    """Make a page of ``width`` × ``height`` plus :data:`SLUG` around it a print shop's
    page: TrimBox and BleedBox set, crop marks drawn, and the origin moved to the trim's
    bottom left (what is drawn next is drawn as on the paper itself)."""
    slug = SLUG
    pdf.setTrimBox((slug, slug, slug + width, slug + height))
    pdf.setBleedBox((slug - BLEED, slug - BLEED, slug + width + BLEED, slug + height + BLEED))
    _crop_marks(pdf, slug, width, height)
    pdf.translate(slug, slug)


def _crop_marks(pdf: canvas.Canvas, slug: float, width: float, height: float) -> None:
    """A mark in line with each edge of the trim at every corner, outside the bleed, in
    registration colour (on every printing plate)."""
    pdf.saveState()
    pdf.setStrokeColor(CMYKColorSep(1, 1, 1, 1, spotName="All"))
    pdf.setLineWidth(0.25)
    start, end = BLEED + 1 * mm, BLEED + 1 * mm + MARK_LENGTH
    for x in (slug, slug + width):
        for y, down in ((slug, -1), (slug + height, 1)):
            pdf.line(x, y + down * start, x, y + down * end)
    for y in (slug, slug + height):
        for x, left in ((slug, -1), (slug + width, 1)):
            pdf.line(x + left * start, y, x + left * end, y)
    pdf.restoreState()


def hex_rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def draw_qr(
    pdf: canvas.Canvas, modules: Sequence[Sequence[bool]], x: float, y: float, size: float
) -> None:
    """Dark modules as filled rectangles (runs merged), on a white square with quiet zone."""
    count = len(modules) + 8
    unit = size / count
    pdf.setFillColorRGB(1, 1, 1)
    pdf.rect(x, y, size, size, stroke=0, fill=1)
    pdf.setFillColorRGB(0, 0, 0)
    for row, cells in enumerate(modules):
        column = 0
        while column < len(cells):
            if not cells[column]:
                column += 1
                continue
            start = column
            while column < len(cells) and cells[column]:
                column += 1
            pdf.rect(
                x + (start + 4) * unit,
                y + size - (row + 5) * unit,
                (column - start) * unit,
                unit,
                stroke=0,
                fill=1,
            )


@contextmanager
def source_date(moment: datetime | None) -> Iterator[None]:
    """reportlab dates an invariant PDF (and derives its /ID) from ``SOURCE_DATE_EPOCH``
    when that is set: set it to ``moment`` (or unset it) while one poster is made."""
    name = "SOURCE_DATE_EPOCH"
    saved = os.environ.get(name)
    if moment is None:
        os.environ.pop(name, None)
    else:
        aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        os.environ[name] = str(int(aware.timestamp()))
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = saved


@contextmanager
def reproducible(moment: datetime | None) -> Iterator[None]:
    """While one PDF is made: binary streams instead of ASCII85 (smaller files, and
    reportlab's pure-Python ASCII85 encoder is the slowest step otherwise), dated by
    ``moment`` (:func:`source_date`)."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        with source_date(moment):
            yield
    finally:
        rl_config.useA85 = saved
