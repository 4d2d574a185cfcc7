"""A team's flyer (PDF): "Doe mee met ...", what the team does, its QR code.

One A5 page; the same flyer twice on a landscape A4 sheet (with a cut line) for home
printers; and, as the posters, a print shop's A5 (``a5-drukklaar``): 3 mm bleed with the
colour band running into it, crop marks, TrimBox and BleedBox. Text is set as on the posters
(:mod:`campaignkit.kit.typeset`: measured in the embedded TrueType font, a web address broken
only after a ``/``), every font embedded, nothing that matters within 5 mm of the trim, the
QR code as vector squares. ``invariant`` and the spec's ``created`` date keep the bytes the
same for the same flyer (reportlab would otherwise read the build's ``SOURCE_DATE_EPOCH``).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PIL import Image
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from campaignkit import branding
from campaignkit.images import decode
from campaignkit.kit import pictures
from campaignkit.kit.pdf import (
    BLEED,
    SLUG,
    draw_qr,
    hex_rgb,
    print_shop_page,
    reproducible,
    typeface,
)
from campaignkit.kit.typeset import Fonts, fit_line

#: The flyer's files: its own page, the sheet it is printed on two at a time, and the
#: print shop's page.
PAPERS = ("a5", "a4-2x", "a5-drukklaar")
#: The language the PDF declares, for screen readers and hyphenation in viewers.
_LANGS = {"nl": "nl-BE", "fr": "fr-BE", "en": "en-GB"}
RGB = tuple[float, float, float]

# The layout, in points on A5 (the trim's bottom left is 0, 0).
WIDTH, HEIGHT = A5
MARGIN = 28.0
BAND = 70.0
STRIPE = 5.0
CTA = 112.0
PLATE = 5.0
_DARK: RGB = (0.1, 0.1, 0.1)
_WHITE: RGB = (1.0, 1.0, 1.0)


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


@dataclass(frozen=True)
class Lines:
    """Lines of one font, size and colour, and their baselines (up from the trim's bottom)."""

    font: str
    size: float
    colour: RGB
    x: float
    texts: tuple[str, ...]
    baselines: tuple[float, ...]


@dataclass(frozen=True)
class FlyerLayout:
    """Where everything goes on the A5 flyer."""

    lines: tuple[Lines, ...]
    logo: tuple[float, float, float, float] | None  # the white plate: x, y, width, height
    qr: tuple[float, float, float] | None  # x, y, size


def flyer(
    spec: FlyerSpec,
    paper: str,
    logo: bytes | None,
    qr_modules: Sequence[Sequence[bool]] | None,
) -> bytes:
    """The flyer as PDF bytes, for one of :data:`PAPERS`."""
    with reproducible(spec.created):
        return _pdf(spec, paper, logo, qr_modules)


def _pdf(
    spec: FlyerSpec, paper: str, logo: bytes | None, qr_modules: Sequence[Sequence[bool]] | None
) -> bytes:
    fonts = typeface(spec.font_regular, spec.font_bold)
    mark = _mark(logo) if logo is not None else None
    found = layout(spec, mark.size if mark else None, qr_modules is not None)
    out = io.BytesIO()
    print_ready = paper == "a5-drukklaar"
    size = {"a5": A5, "a4-2x": landscape(A4)}.get(paper, (WIDTH + 2 * SLUG, HEIGHT + 2 * SLUG))
    pdf = canvas.Canvas(
        out,
        pagesize=size,
        invariant=1,
        pageCompression=1,
        lang=_LANGS[spec.language],
        # Otherwise the page starts in Helvetica, a font that is named but never embedded.
        initialFontName=fonts.regular,
    )
    pdf.setTitle(spec.title)
    pdf.setAuthor(spec.municipality)
    pdf.setSubject(spec.campaign)
    pdf.setCreator("campaignkit")
    if paper == "a4-2x":
        for offset in (0.0, WIDTH):
            pdf.saveState()
            pdf.translate(offset, 0)
            _draw(pdf, spec, found, mark, qr_modules, 0.0)
            pdf.restoreState()
        # Where to cut: a thin dashed line between the two.
        pdf.setStrokeColorRGB(0.6, 0.6, 0.6)
        pdf.setLineWidth(0.5)
        pdf.setDash(4, 4)
        pdf.line(WIDTH, 0, WIDTH, HEIGHT)
    else:
        if print_ready:
            print_shop_page(pdf, WIDTH, HEIGHT)
        _draw(pdf, spec, found, mark, qr_modules, BLEED if print_ready else 0.0)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


@functools.lru_cache(maxsize=4)
def _mark(logo: bytes) -> Image.Image:
    """The logo as drawn on white (decoded once for all of a campaign's flyers)."""
    image = decode(logo)
    return pictures.flatten(image) if pictures.has_alpha(image) else image.convert("RGB")


@functools.lru_cache(maxsize=16)
def layout(spec: FlyerSpec, logo: tuple[int, int] | None, qr: bool) -> FlyerLayout:
    """Every line's place and size: the band, the call to action at the bottom, the words
    between them (what does not fit is left to the team's page)."""
    fonts = typeface(spec.font_regular, spec.font_bold)
    primary = hex_rgb(branding.nearest_readable(spec.primary))
    band, plate = _band(spec, fonts, logo)
    bottom, cta = _call_to_action(spec, fonts, qr, primary)
    words = _words(spec, fonts, primary, bottom)
    qr_box = (MARGIN - 6, MARGIN, CTA) if qr else None
    return FlyerLayout((band, *cta, *words), plate, qr_box)


def _fitted(
    text: str,
    fonts: Fonts,
    bold: bool,
    colour: RGB,
    *,
    width: float,
    sizes: tuple[float, float],
    max_lines: int,
) -> tuple[float, tuple[str, ...], str, RGB]:
    """``text`` as large as ``max_lines`` allow (:func:`typeset.fit_line`), with its font
    and colour."""
    size, found = fit_line(
        text,
        fonts,
        bold=bold,
        width=width,
        largest=sizes[0],
        smallest=sizes[1],
        max_lines=max_lines,
    )
    return size, tuple(found), fonts.of(bold), colour


def _band(
    spec: FlyerSpec, fonts: Fonts, logo: tuple[int, int] | None
) -> tuple[Lines, tuple[float, float, float, float] | None]:
    """The municipality's name on the brand colour, and the logo's white plate beside it."""
    plate = None
    logo_w = 0.0
    if logo is not None:
        ratio = min(100 / logo[0], 42 / logo[1])
        w, h = logo[0] * ratio, logo[1] * ratio
        px, py = WIDTH - MARGIN - w - 2 * PLATE, HEIGHT - BAND / 2 - h / 2 - PLATE
        plate = (px, py, w + 2 * PLATE, h + 2 * PLATE)
        logo_w = w + 2 * PLATE + 12
    size, texts, font, colour = _fitted(
        spec.municipality,
        fonts,
        True,
        _WHITE,
        width=WIDTH - 2 * MARGIN - logo_w,
        sizes=(18, 10),
        max_lines=2,
    )
    first = HEIGHT - BAND / 2 + (len(texts) * size * 1.2) / 2 - size
    baselines = tuple(first - i * size * 1.2 for i in range(len(texts)))
    return Lines(font, size, colour, MARGIN, texts, baselines), plate


def _call_to_action(
    spec: FlyerSpec, fonts: Fonts, qr: bool, primary: RGB
) -> tuple[float, list[Lines]]:
    """The heading beside the QR code, the team's address and the contact; returns the
    height the words above must stay clear of, and the lines."""
    text_x = MARGIN + CTA + 6 if qr else MARGIN
    room = WIDTH - MARGIN - text_x
    size, texts, font, colour = _fitted(
        spec.scan, fonts, True, primary, width=room, sizes=(15, 9), max_lines=2
    )
    y = MARGIN + CTA - size - 10
    baselines = tuple(y - i * size * 1.25 for i in range(len(texts)))
    found = [Lines(font, size, colour, text_x, texts, baselines)]
    y -= len(texts) * size * 1.25
    for item in (spec.url or "", spec.contact):
        if item:
            # An address to type in stays on one line when it can, smaller if need be.
            size, texts, font, colour = _fitted(
                item, fonts, False, _DARK, width=room, sizes=(10, 7), max_lines=1
            )
            if texts != (" ".join(item.split()),):
                size, texts, font, colour = _fitted(
                    item, fonts, False, _DARK, width=room, sizes=(10, 7), max_lines=3
                )
            baselines = tuple(y - 2 - i * size * 1.3 for i in range(len(texts)))
            found.append(Lines(font, size, colour, text_x, texts, baselines))
            y -= len(texts) * size * 1.3
    return MARGIN + CTA + 20, found


def _words(spec: FlyerSpec, fonts: Fonts, primary: RGB, bottom: float) -> list[Lines]:
    """The title, the campaign and its period, the team's lines and the campaign's call."""
    text_w = WIDTH - 2 * MARGIN
    found: list[Lines] = []
    y = HEIGHT - BAND - STRIPE - 24
    size, texts, font, colour = _fitted(
        spec.title, fonts, True, primary, width=text_w, sizes=(30, 16), max_lines=3
    )
    found.append(Lines(font, size, colour, MARGIN, texts, _hanging(y, size, 1.2, len(texts))))
    y -= len(texts) * size * 1.2 + 8
    for item, bold, largest in ((spec.campaign, True, 14.0), (spec.when, False, 12.0)):
        if item:
            size, texts, font, colour = _fitted(
                item, fonts, bold, _DARK, width=text_w, sizes=(largest, 9), max_lines=2
            )
            found.append(
                Lines(font, size, colour, MARGIN, texts, _hanging(y, size, 1.3, len(texts)))
            )
            y -= len(texts) * size * 1.3
    y -= 10
    items = [(item, False, 12.0, 4.0) for item in spec.lines if item]
    if spec.call:
        items.append((spec.call, True, 13.0, 12.0))  # set apart: the campaign's own call
    for item, bold, largest, gap in items:
        size, texts, font, colour = _fitted(
            item, fonts, bold, _DARK, width=text_w, sizes=(largest, 9), max_lines=3
        )
        y -= gap - 4
        if y - len(texts) * size * 1.35 < bottom:
            break  # no room left: the rest is on the team's page
        baselines = tuple(y - (i + 1) * size * 1.35 + 0.35 * size for i in range(len(texts)))
        found.append(Lines(font, size, colour, MARGIN, texts, baselines))
        y -= len(texts) * size * 1.35 + 4
    return found


def _hanging(top: float, size: float, leading: float, count: int) -> tuple[float, ...]:
    """Baselines of ``count`` lines that hang from ``top``: the first one ``size`` below it,
    the next ones ``leading`` sizes apart."""
    return tuple(top - size - i * size * leading for i in range(count))


def _draw(
    pdf: canvas.Canvas,
    spec: FlyerSpec,
    found: FlyerLayout,
    mark: Image.Image | None,
    qr_modules: Sequence[Sequence[bool]] | None,
    bleed: float,
) -> None:
    """One flyer in the A5 box at the origin; the band runs ``bleed`` beyond the trim."""
    primary = hex_rgb(branding.nearest_readable(spec.primary))
    pdf.setFillColorRGB(*primary)
    pdf.rect(-bleed, HEIGHT - BAND, WIDTH + 2 * bleed, BAND + bleed, stroke=0, fill=1)
    if spec.accent:
        pdf.setFillColorRGB(*hex_rgb(spec.accent))
        pdf.rect(-bleed, HEIGHT - BAND - STRIPE, WIDTH + 2 * bleed, STRIPE, stroke=0, fill=1)
    if found.logo is not None and mark is not None:
        x, y, w, h = found.logo
        pdf.setFillColorRGB(*_WHITE)
        pdf.roundRect(x, y, w, h, 4, stroke=0, fill=1)
        pdf.drawImage(ImageReader(mark), x + PLATE, y + PLATE, w - 2 * PLATE, h - 2 * PLATE)
    if found.qr is not None and qr_modules is not None:
        draw_qr(pdf, qr_modules, *found.qr)
    for lines in found.lines:
        pdf.setFillColorRGB(*lines.colour)
        for text, baseline in zip(lines.texts, lines.baselines, strict=True):
            pdf.setFont(lines.font, lines.size)
            pdf.drawString(lines.x, baseline, text)
    pdf.setStrokeColorRGB(*primary)
    pdf.setLineWidth(1)
    pdf.line(MARGIN, MARGIN + CTA + 10, WIDTH - MARGIN, MARGIN + CTA + 10)
