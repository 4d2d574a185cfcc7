"""Printable posters (PDF, A4 and A3): title, when and where, a call to action, a QR code.

Real vector text in an embedded TrueType font (so it can be selected and searched), the
QR code drawn as vector squares, the photo embedded as JPEG. ``invariant`` keeps
reportlab from writing the time or random ids, so the same poster is the same bytes. Its
dates come from the spec (``created``), never from the build's ``SOURCE_DATE_EPOCH``, which
reportlab would otherwise read: a poster kept in the cache is then the one a new build
would make, whatever the commit.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from reportlab import rl_config
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from campaignkit import branding
from campaignkit.images import decode
from campaignkit.kit import pictures
from campaignkit.kit.pictures import wrap

SIZES = {"a4": A4, "a3": A3}
_SCAN = {
    "nl": "Scan de code en doe mee",
    "fr": "Scannez le code et participez",
    "en": "Scan the code and join in",
}
_MORE = {"nl": "Meer info", "fr": "Plus d’infos", "en": "More information"}


@dataclass(frozen=True)
class PosterSpec:
    paper: str  # "a4" or "a3"
    title: str
    municipality: str
    when: str
    where: str
    body: str
    url: str | None
    contact: str
    language: str
    primary: str
    accent: str | None
    font_regular: str
    font_bold: str
    photo_focus: tuple[float, float] | None = None
    #: The PDF's creation date (naive: UTC); reportlab's fixed date without one.
    created: datetime | None = None


class _Measure:
    def __init__(self, font: str, size: float) -> None:
        self.font, self.size = font, size

    def getlength(self, text: str) -> float:
        return float(pdfmetrics.stringWidth(text, self.font, self.size))


def _register(path: str, name: str) -> str:
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, path))
    return name


def _fit(
    text: str, font: str, *, width: float, largest: float, smallest: float, max_lines: int
) -> tuple[float, list[str]]:
    size = largest
    while True:
        lines = wrap(text, _Measure(font, size), width)  # type: ignore[arg-type]
        if lines is not None and len(lines) <= max_lines:
            return size, lines
        if size <= smallest:
            break
        size = max(smallest, size - 1)
    measure = _Measure(font, size)
    lines = lines or _chars(text, measure, width)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and measure.getlength(last + "…") > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return size, lines


def _body(text: str, font: str, *, width: float, height: float) -> tuple[float, list[str]]:
    """The body as large as the room allows (18 pt down to 11 pt), cut with "…" if needed."""
    size = 18.0
    while True:
        room = int(height // (size * 1.35))
        lines = wrap(text, _Measure(font, size), width)  # type: ignore[arg-type]
        if lines is not None and len(lines) <= room:
            return size, lines
        if size <= 11:
            break
        size -= 1
    if room < 1:
        return size, []
    return _fit(text, font, width=width, largest=size, smallest=size, max_lines=room)


def _chars(text: str, measure: _Measure, width: float) -> list[str]:
    lines, line = [], ""
    for char in text.replace("\u00ad", ""):
        if measure.getlength(line + char) > width and line:
            lines.append(line)
            line = char.lstrip()
        else:
            line += char
    return [*lines, line] if line else lines


def _hex(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _qr(
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


def poster(
    spec: PosterSpec,
    photo: bytes | None,
    logo: bytes | None,
    qr_modules: Sequence[Sequence[bool]] | None,
) -> bytes:
    """One poster as PDF bytes. Laid out on A4 and scaled for A3, so both look alike."""
    # Binary streams instead of ASCII85: smaller files, and reportlab's pure-Python
    # ASCII85 encoder is the slowest step otherwise.
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        with _source_date(spec.created):
            return _poster(spec, photo, logo, qr_modules)
    finally:
        rl_config.useA85 = saved


@contextmanager
def _source_date(moment: datetime | None) -> Iterator[None]:
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


def _poster(
    spec: PosterSpec,
    photo: bytes | None,
    logo: bytes | None,
    qr_modules: Sequence[Sequence[bool]] | None,
) -> bytes:
    regular = _register(spec.font_regular, "CampaignkitSans")
    bold = _register(spec.font_bold, "CampaignkitSans-Bold")
    out = io.BytesIO()
    page_w, page_h = SIZES[spec.paper]
    pdf = canvas.Canvas(out, pagesize=(page_w, page_h), invariant=1, pageCompression=1)
    pdf.setTitle(spec.title)
    pdf.setAuthor(spec.municipality)
    pdf.setSubject(spec.when)
    pdf.setCreator("campaignkit")
    scale = page_w / A4[0]
    pdf.scale(scale, scale)
    width, height = A4
    margin = 40.0
    primary = branding.nearest_readable(spec.primary)

    # Band with the municipality and the logo.
    band = 120.0
    pdf.setFillColorRGB(*_hex(primary))
    pdf.rect(0, height - band, width, band, stroke=0, fill=1)
    if spec.accent:
        pdf.setFillColorRGB(*_hex(spec.accent))
        pdf.rect(0, height - band - 8, width, 8, stroke=0, fill=1)
    logo_w = 0.0
    if logo is not None:
        mark = decode(logo)
        box_h, box_w = 70.0, 150.0
        ratio = min(box_w / mark.width, box_h / mark.height)
        w, h = mark.width * ratio, mark.height * ratio
        plate = 8.0
        px, py = width - margin - w - 2 * plate, height - band / 2 - h / 2 - plate
        pdf.setFillColorRGB(1, 1, 1)
        pdf.roundRect(px, py, w + 2 * plate, h + 2 * plate, 6, stroke=0, fill=1)
        flat = pictures.flatten(mark) if pictures.has_alpha(mark) else mark.convert("RGB")
        pdf.drawImage(ImageReader(flat), px + plate, py + plate, w, h)
        logo_w = w + 2 * plate + 16
    size, lines = _fit(
        spec.municipality,
        bold,
        width=width - 2 * margin - logo_w,
        largest=26,
        smallest=12,
        max_lines=2,
    )
    pdf.setFillColorRGB(1, 1, 1)
    y = height - band / 2 + (len(lines) * size * 1.2) / 2 - size
    for line in lines:
        pdf.setFont(bold, size)
        pdf.drawString(margin, y, line)
        y -= size * 1.2

    top = height - band - 8
    # The photo under the band.
    if photo is not None:
        photo_h = 185.0
        pixels = (2480, round(2480 * photo_h / width))
        image = pictures.cover(decode(photo, pixels), pixels, spec.photo_focus)
        buffer = io.BytesIO(pictures.encode(image, "JPEG"))
        pdf.drawImage(ImageReader(buffer), 0, top - photo_h, width, photo_h)
        top -= photo_h

    # Call to action at the bottom: QR code and address.
    cta_h = 150.0
    y_cta = margin
    text_x = margin
    if qr_modules is not None:
        _qr(pdf, qr_modules, margin - 8, y_cta, cta_h)
        text_x = margin + cta_h + 10
    text_w = width - margin - text_x
    pdf.setFillColorRGB(*_hex(primary))
    heading = _SCAN[spec.language] if qr_modules is not None else _MORE[spec.language]
    h_size, h_lines = _fit(heading, bold, width=text_w, largest=22, smallest=12, max_lines=2)
    y = y_cta + cta_h - h_size - 14
    for line in h_lines:
        pdf.setFont(bold, h_size)
        pdf.drawString(text_x, y, line)
        y -= h_size * 1.25
    pdf.setFillColorRGB(0.1, 0.1, 0.1)
    for item in (spec.url or "", spec.contact):
        if not item:
            continue
        size, lines = _fit(item, regular, width=text_w, largest=13, smallest=8, max_lines=2)
        for line in lines:
            pdf.setFont(regular, size)
            pdf.drawString(text_x, y - 4, line)
            y -= size * 1.35
    pdf.setStrokeColorRGB(*_hex(primary))
    pdf.setLineWidth(1.5)
    pdf.line(margin, y_cta + cta_h + 14, width - margin, y_cta + cta_h + 14)

    # Title, when and where, body: between the photo and the call to action.
    bottom = y_cta + cta_h + 28
    y = top - 30
    title_size, title_lines = _fit(
        spec.title, bold, width=width - 2 * margin, largest=42, smallest=20, max_lines=3
    )
    pdf.setFillColorRGB(*_hex(primary))
    for line in title_lines:
        y -= title_size
        pdf.setFont(bold, title_size)
        pdf.drawString(margin, y, line)
        y -= title_size * 0.18
    y -= 10
    pdf.setFillColorRGB(0.1, 0.1, 0.1)
    for item, font, largest in ((spec.when, bold, 19), (spec.where, regular, 16)):
        if not item:
            continue
        size, lines = _fit(
            item, font, width=width - 2 * margin, largest=largest, smallest=10, max_lines=2
        )
        for line in lines:
            y -= size
            pdf.setFont(font, size)
            pdf.drawString(margin, y, line)
            y -= size * 0.3
        y -= 4
    if spec.body:
        y -= 8
        size, lines = _body(spec.body, regular, width=width - 2 * margin, height=y - bottom)
        pdf.setFont(regular, size)
        for line in lines:
            y -= size * 1.35
            pdf.drawString(margin, y + 0.35 * size, line)
    pdf.showPage()
    pdf.save()
    return out.getvalue()
