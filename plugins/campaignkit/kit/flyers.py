"""A team's flyer (PDF): "Doe mee met ...", what the team does, its QR code.

One A5 page, and the same flyer twice on a landscape A4 sheet (with a cut line) for home
printers. Real vector text in an embedded TrueType font, the QR code as vector squares.
``invariant`` and the spec's ``created`` date keep the bytes the same for the same flyer
(as for the posters: reportlab would otherwise read the build's ``SOURCE_DATE_EPOCH``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PIL import Image
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from campaignkit import branding
from campaignkit.images import decode
from campaignkit.kit import pictures
from campaignkit.kit.pdf import draw_qr, hex_rgb, reproducible
from campaignkit.kit.pictures import wrap

#: The flyer's own page, and the sheet it is printed on two at a time.
PAPERS = ("a5", "a4-2x")
_MARGIN = 28.0
#: The language the PDF declares, for screen readers and hyphenation in viewers.
_LANGS = {"nl": "nl-BE", "fr": "fr-BE", "en": "en-GB"}


@dataclass(frozen=True)
class FlyerSpec:
    """What one flyer says, and how it looks."""

    title: str  # "Doe mee met de Kerkstraat"
    campaign: str
    when: str
    lines: tuple[str, ...]  # the team's own sentence and its actions, one per line
    call: str  # the campaign's call to action
    scan: str  # above the QR code
    url: str | None
    contact: str
    municipality: str
    primary: str
    accent: str | None
    font_regular: str
    font_bold: str
    language: str
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
    """The largest size from ``largest`` down to ``smallest`` at which ``text`` fits in
    ``max_lines``; at the smallest, what does not fit ends in "…"."""
    size = largest
    while True:
        lines = wrap(text, _Measure(font, size), width)  # type: ignore[arg-type]
        if lines is not None and len(lines) <= max_lines:
            return size, lines
        if size <= smallest:
            break
        size = max(smallest, size - 1)
    measure = _Measure(font, size)
    lines = (lines or [text])[:max_lines]
    last = lines[-1]
    while last and measure.getlength(last + "…") > width:
        last = last[:-1]
    lines[-1] = last.rstrip() + "…"
    return size, lines


def flyer(
    spec: FlyerSpec,
    paper: str,
    logo: bytes | None,
    qr_modules: Sequence[Sequence[bool]] | None,
) -> bytes:
    """The flyer as PDF bytes: on its own A5 page, or twice on landscape A4 (``a4-2x``)."""
    with reproducible(spec.created):
        return _pdf(spec, paper, logo, qr_modules)


def _pdf(
    spec: FlyerSpec, paper: str, logo: bytes | None, qr_modules: Sequence[Sequence[bool]] | None
) -> bytes:
    fonts = (
        _register(spec.font_regular, "CampaignkitSans"),
        _register(spec.font_bold, "CampaignkitSans-Bold"),
    )
    out = io.BytesIO()
    size = A5 if paper == "a5" else landscape(A4)
    pdf = canvas.Canvas(
        out, pagesize=size, invariant=1, pageCompression=1, lang=_LANGS[spec.language]
    )
    pdf.setTitle(spec.title)
    pdf.setAuthor(spec.municipality)
    pdf.setSubject(spec.campaign)
    pdf.setCreator("campaignkit")
    mark = decode(logo) if logo is not None else None
    if paper == "a5":
        _draw(pdf, spec, fonts, mark, qr_modules)
    else:
        for offset in (0.0, A5[0]):
            pdf.saveState()
            pdf.translate(offset, 0)
            _draw(pdf, spec, fonts, mark, qr_modules)
            pdf.restoreState()
        # Where to cut: a thin dashed line between the two.
        pdf.setStrokeColorRGB(0.6, 0.6, 0.6)
        pdf.setLineWidth(0.5)
        pdf.setDash(4, 4)
        pdf.line(A5[0], 0, A5[0], A5[1])
    pdf.showPage()
    pdf.save()
    return out.getvalue()


_BAND = 70.0
_CTA = 112.0


def _draw(
    pdf: canvas.Canvas,
    spec: FlyerSpec,
    fonts: tuple[str, str],
    mark: Image.Image | None,
    qr_modules: Sequence[Sequence[bool]] | None,
) -> None:
    """One flyer in the A5 box at the origin: the band, the call to action at the bottom,
    the words between them."""
    primary = hex_rgb(branding.nearest_readable(spec.primary))
    _band(pdf, spec, fonts[1], mark, primary)
    bottom = _call_to_action(pdf, spec, fonts, qr_modules, primary)
    _words(pdf, spec, fonts, primary, bottom)


def _band(
    pdf: canvas.Canvas,
    spec: FlyerSpec,
    bold: str,
    mark: Image.Image | None,
    primary: tuple[float, float, float],
) -> None:
    """The municipality's name and logo on the brand colour, the accent under it."""
    width, height = A5
    pdf.setFillColorRGB(*primary)
    pdf.rect(0, height - _BAND, width, _BAND, stroke=0, fill=1)
    if spec.accent:
        pdf.setFillColorRGB(*hex_rgb(spec.accent))
        pdf.rect(0, height - _BAND - 5, width, 5, stroke=0, fill=1)
    logo_w = 0.0
    if mark is not None:
        ratio = min(100 / mark.width, 42 / mark.height)
        w, h = mark.width * ratio, mark.height * ratio
        plate = 5.0
        px, py = width - _MARGIN - w - 2 * plate, height - _BAND / 2 - h / 2 - plate
        pdf.setFillColorRGB(1, 1, 1)
        pdf.roundRect(px, py, w + 2 * plate, h + 2 * plate, 4, stroke=0, fill=1)
        flat = pictures.flatten(mark) if pictures.has_alpha(mark) else mark.convert("RGB")
        pdf.drawImage(ImageReader(flat), px + plate, py + plate, w, h)
        logo_w = w + 2 * plate + 12
    size, lines = _fit(
        spec.municipality,
        bold,
        width=width - 2 * _MARGIN - logo_w,
        largest=18,
        smallest=10,
        max_lines=2,
    )
    pdf.setFillColorRGB(1, 1, 1)
    y = height - _BAND / 2 + (len(lines) * size * 1.2) / 2 - size
    for line in lines:
        pdf.setFont(bold, size)
        pdf.drawString(_MARGIN, y, line)
        y -= size * 1.2


def _call_to_action(
    pdf: canvas.Canvas,
    spec: FlyerSpec,
    fonts: tuple[str, str],
    qr_modules: Sequence[Sequence[bool]] | None,
    primary: tuple[float, float, float],
) -> float:
    """The QR code, the team's address and the contact at the bottom; returns the height
    the words above must stay clear of."""
    regular, bold = fonts
    width = A5[0]
    text_x = _MARGIN
    if qr_modules is not None:
        draw_qr(pdf, qr_modules, _MARGIN - 6, _MARGIN, _CTA)
        text_x = _MARGIN + _CTA + 6
    room = width - _MARGIN - text_x
    pdf.setFillColorRGB(*primary)
    h_size, h_lines = _fit(spec.scan, bold, width=room, largest=15, smallest=9, max_lines=2)
    y = _MARGIN + _CTA - h_size - 10
    for line in h_lines:
        pdf.setFont(bold, h_size)
        pdf.drawString(text_x, y, line)
        y -= h_size * 1.25
    pdf.setFillColorRGB(0.1, 0.1, 0.1)
    for item in (spec.url or "", spec.contact):
        if item:
            i_size, i_lines = _fit(item, regular, width=room, largest=10, smallest=7, max_lines=3)
            for line in i_lines:
                pdf.setFont(regular, i_size)
                pdf.drawString(text_x, y - 2, line)
                y -= i_size * 1.3
    pdf.setStrokeColorRGB(*primary)
    pdf.setLineWidth(1)
    pdf.line(_MARGIN, _MARGIN + _CTA + 10, width - _MARGIN, _MARGIN + _CTA + 10)
    return _MARGIN + _CTA + 20


def _words(
    pdf: canvas.Canvas,
    spec: FlyerSpec,
    fonts: tuple[str, str],
    primary: tuple[float, float, float],
    bottom: float,
) -> None:
    """The title, the campaign and its period, the team's lines and the campaign's call."""
    regular, bold = fonts
    text_w = A5[0] - 2 * _MARGIN
    y = A5[1] - _BAND - 5 - 24
    t_size, t_lines = _fit(spec.title, bold, width=text_w, largest=30, smallest=16, max_lines=3)
    pdf.setFillColorRGB(*primary)
    for line in t_lines:
        y -= t_size
        pdf.setFont(bold, t_size)
        pdf.drawString(_MARGIN, y, line)
        y -= t_size * 0.2
    y -= 8
    pdf.setFillColorRGB(0.1, 0.1, 0.1)
    for item, font, largest in ((spec.campaign, bold, 14.0), (spec.when, regular, 12.0)):
        if item:
            i_size, i_lines = _fit(
                item, font, width=text_w, largest=largest, smallest=9, max_lines=2
            )
            for line in i_lines:
                y -= i_size
                pdf.setFont(font, i_size)
                pdf.drawString(_MARGIN, y, line)
                y -= i_size * 0.3
    y -= 10
    items = [(item, regular, 12.0, 4.0) for item in spec.lines if item]
    if spec.call:
        items.append((spec.call, bold, 13.0, 12.0))  # set apart: the campaign's own call
    for item, font, largest, gap in items:
        i_size, i_lines = _fit(item, font, width=text_w, largest=largest, smallest=9, max_lines=3)
        y -= gap - 4
        if y - len(i_lines) * i_size * 1.35 < bottom:
            break  # no room left: the rest is on the team's page
        for line in i_lines:
            y -= i_size * 1.35
            pdf.setFont(font, i_size)
            pdf.drawString(_MARGIN, y + 0.35 * i_size, line)
        y -= 4
