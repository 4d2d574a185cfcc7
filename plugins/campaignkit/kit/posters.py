"""Printable posters (PDF, A4 and A3), drawn where :mod:`.poster_layout` puts everything.

Every poster comes in two variants. The office version is the paper size itself, for a home
or office printer at 100 %. The print-ready version (``print_ready``) is what a print shop
asks for: 3 mm bleed with the colour band and the picture running into it, crop marks
outside it in registration colour (on every plate), TrimBox and BleedBox set. In both, every
font is embedded: even the font a page starts in, which reportlab would otherwise name as
Helvetica without embedding it.

Real vector text in an embedded TrueType font (so it can be selected and searched), the
QR code drawn as vector squares, the photo embedded as JPEG. ``invariant`` keeps reportlab
from writing the time or random ids, so the same poster is the same bytes. Its dates come
from the spec (``created``), never from the build's ``SOURCE_DATE_EPOCH``, which reportlab
would otherwise read: a poster kept in the cache is then the one a new build would make,
whatever the commit.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import replace

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from campaignkit import branding
from campaignkit.images import decode
from campaignkit.kit import pictures
from campaignkit.kit.pdf import BLEED, SLUG, draw_qr, hex_rgb, print_shop_page, reproducible
from campaignkit.kit.poster_layout import (
    BAND,
    HEIGHT,
    MARGIN,
    PLATE,
    RULE_Y,
    SIZES,
    STRIPE,
    WIDTH,
    Layout,
    Lines,
    PosterSpec,
    fonts_of,
    layout,
)
from campaignkit.kit.typeset import Fonts, Line, Run, width_of


def poster(
    spec: PosterSpec,
    photo: bytes | None,
    logo: bytes | None,
    qr_modules: Sequence[Sequence[bool]] | None,
) -> bytes:
    """One poster as PDF bytes."""
    with reproducible(spec.created):
        return _poster(spec, photo, logo, qr_modules)


def _poster(
    spec: PosterSpec,
    photo: bytes | None,
    logo: bytes | None,
    qr_modules: Sequence[Sequence[bool]] | None,
) -> bytes:
    mark = decode(logo) if logo is not None else None
    found = _layout(
        # One layout for all four files of a poster: A3 is A4 scaled, and bleed adds no room.
        replace(spec, paper="a4", print_ready=False, created=None),
        photo is not None,
        mark.size if mark else None,
        qr_modules is not None,
    )
    fonts = fonts_of(spec)
    out = io.BytesIO()
    trim_w, trim_h = SIZES[spec.paper]
    scale = trim_w / WIDTH
    slug = SLUG if spec.print_ready else 0.0
    pdf = canvas.Canvas(
        out,
        pagesize=(trim_w + 2 * slug, trim_h + 2 * slug),
        invariant=1,
        pageCompression=1,
        # Otherwise the page starts in Helvetica, a font that is named but never embedded.
        initialFontName=fonts.regular,
    )
    pdf.setTitle(spec.title)
    pdf.setAuthor(spec.municipality)
    pdf.setSubject(spec.when)
    pdf.setCreator("campaignkit")
    if spec.print_ready:
        print_shop_page(pdf, trim_w, trim_h)
    pdf.scale(scale, scale)
    bleed = BLEED / scale if spec.print_ready else 0.0
    _paint(pdf, spec, found, fonts, photo, mark, qr_modules, bleed)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _paint(
    pdf: canvas.Canvas,
    spec: PosterSpec,
    found: Layout,
    fonts: Fonts,
    photo: bytes | None,
    mark: Image.Image | None,
    qr_modules: Sequence[Sequence[bool]] | None,
    bleed: float,
) -> None:
    """Draw ``found``; colour and pictures that touch the trim run ``bleed`` beyond it."""
    primary = branding.nearest_readable(spec.primary)
    pdf.setFillColorRGB(*hex_rgb(primary))
    pdf.rect(-bleed, HEIGHT - BAND, WIDTH + 2 * bleed, BAND + bleed, stroke=0, fill=1)
    if spec.accent:
        pdf.setFillColorRGB(*hex_rgb(spec.accent))
        pdf.rect(-bleed, HEIGHT - BAND - STRIPE, WIDTH + 2 * bleed, STRIPE, stroke=0, fill=1)
    if found.logo is not None and mark is not None:
        box = found.logo
        pdf.setFillColorRGB(1, 1, 1)
        pdf.roundRect(box.x, box.y, box.width, box.height, 6, stroke=0, fill=1)
        flat = pictures.flatten(mark) if pictures.has_alpha(mark) else mark.convert("RGB")
        pdf.drawImage(
            ImageReader(flat),
            box.x + PLATE,
            box.y + PLATE,
            box.width - 2 * PLATE,
            box.height - 2 * PLATE,
        )
    pdf.setFillColorRGB(1, 1, 1)
    _draw(pdf, found.municipality)

    top = HEIGHT - BAND - STRIPE
    content = found.content
    if photo is not None and content.photo:
        # One picture for every variant, as wide as the widest bleed (A4's), cut at this
        # variant's bleed (or at the paper's edge).
        width = WIDTH + 2 * BLEED
        pixels = (round(2480 * width / WIDTH), round(2480 * content.photo / WIDTH))
        buffer = io.BytesIO(_picture(photo, pixels, spec.photo_focus))
        pdf.saveState()
        clip = pdf.beginPath()
        clip.rect(-bleed, top - content.photo, WIDTH + 2 * bleed, content.photo)
        pdf.clipPath(clip, stroke=0, fill=0)
        pdf.drawImage(ImageReader(buffer), -BLEED, top - content.photo, width, content.photo)
        pdf.restoreState()

    if qr_modules is not None and found.qr is not None:
        draw_qr(pdf, qr_modules, found.qr.x, found.qr.y, found.qr.width)
    pdf.setFillColorRGB(*hex_rgb(primary))
    _draw(pdf, found.heading)
    _draw(pdf, content.title)
    pdf.setFillColorRGB(0.1, 0.1, 0.1)
    for lines in (*found.cta, *content.details):
        _draw(pdf, lines)
    pdf.setStrokeColorRGB(*hex_rgb(primary))
    pdf.setLineWidth(1.5)
    pdf.line(MARGIN, RULE_Y, WIDTH - MARGIN, RULE_Y)
    for line in content.body.lines:
        _draw_runs(pdf, fonts, line, MARGIN, content.body_top - line.baseline)


@functools.lru_cache(maxsize=16)
def _layout(spec: PosterSpec, photo: bool, logo: tuple[int, int] | None, qr: bool) -> Layout:
    return layout(spec, photo=photo, logo=logo, qr=qr)


@functools.lru_cache(maxsize=8)
def _picture(photo: bytes, pixels: tuple[int, int], focus: tuple[float, float] | None) -> bytes:
    """The picture cut to ``pixels`` as JPEG: A4 and A3 of one poster share it."""
    return pictures.encode(pictures.cover(decode(photo, pixels), pixels, focus), "JPEG")


def _draw(pdf: canvas.Canvas, lines: Lines) -> None:
    for text, baseline in zip(lines.texts, lines.baselines, strict=True):
        pdf.setFont(lines.font, lines.size)
        pdf.drawString(lines.x, baseline, text)


def _draw_runs(pdf: canvas.Canvas, fonts: Fonts, line: Line, left: float, baseline: float) -> None:
    x = left + line.x
    for run in line.runs:
        font = fonts.of(run.bold)
        pdf.setFont(font, line.size)
        pdf.drawString(x, baseline, run.text)
        x += width_of([Run(run.text, run.bold)], fonts, line.size)
