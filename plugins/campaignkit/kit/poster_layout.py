"""Where everything on a poster goes (points on A4; A3 is the same layout scaled).

The text is set in a type scale with a floor (body 18, 16, then 14.5 pt on A4, which is
20.5 pt on A3): the picture and the title give way first, step by step (:data:`STEPS`);
what still does not fit at the floor is left out by whole sentences and list items
(:mod:`campaignkit.kit.typeset`). Everything that matters (text, logo, QR code) stays at
least :data:`campaignkit.kit.pdf.SAFE` inside the trim, so the print-ready variant can be cut.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from reportlab.lib.pagesizes import A3, A4
from reportlab.pdfbase import pdfmetrics

from campaignkit.blocks import Block
from campaignkit.kit.pdf import typeface
from campaignkit.kit.typeset import Fonts, Setting, fit_blocks, fit_line, set_blocks, width_of

SIZES = {"a4": A4, "a3": A3}
_SCAN = {
    "nl": "Scan de code en doe mee",
    "fr": "Scannez le code et participez",
    "en": "Scan the code and join in",
}
_MORE = {"nl": "Meer info", "fr": "Plus d’infos", "en": "More information"}

# The layout, in points on A4.
WIDTH, HEIGHT = A4
MARGIN = 40.0
BAND = 120.0
STRIPE = 8.0
LOGO_BOX = (150.0, 56.0)
PLATE = 8.0
CTA = 150.0
TEXT_WIDTH = WIDTH - 2 * MARGIN
#: The top of the call to action's rule, and how far the text stays above it.
RULE_Y = MARGIN + CTA + 14
BODY_BOTTOM = RULE_Y + 14


@dataclass(frozen=True)
class Step:
    """One step of the type scale: the picture's height and the sizes of title, date,
    place and body (points on A4). The first step at which the whole text fits is used."""

    photo: float
    title: float
    when: float
    where: float
    body: float


STEPS = (
    Step(185, 42, 19, 16, 18),
    Step(185, 42, 19, 16, 16),
    Step(150, 38, 18, 15, 16),
    Step(150, 38, 18, 15, 14.5),
    Step(110, 34, 17, 14.5, 14.5),
    Step(80, 30, 16, 14.5, 14.5),
)
#: The smallest body size on A4 (20.5 pt once scaled to A3).
BODY_FLOOR = STEPS[-1].body
#: Less of the picture than this is a stripe: then there is none.
MIN_PHOTO = 50.0


@dataclass(frozen=True)
class PosterSpec:
    paper: str  # "a4" or "a3"
    title: str
    municipality: str
    when: str
    where: str
    body: tuple[Block, ...]
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
    #: The print shop's variant: bleed, crop marks, TrimBox and BleedBox.
    print_ready: bool = False


@dataclass(frozen=True)
class Box:
    """Something on the poster that matters, in points on A4 from the trim's bottom left."""

    what: str
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Lines:
    """Lines of one font and size, and their baselines (up from the trim's bottom)."""

    font: str
    size: float
    texts: tuple[str, ...]
    x: float
    baselines: tuple[float, ...]


@dataclass(frozen=True)
class Content:
    """What changes from one step of the type scale to the next."""

    photo: float  # the picture's height under the band (0: none)
    title: Lines
    details: tuple[Lines, ...]  # when, where
    body: Setting
    body_top: float  # the body's lines hang from here


@dataclass
class Layout:
    """Where everything goes, in points on A4 (the trim's bottom left is 0, 0)."""

    content: Content
    municipality: Lines
    heading: Lines
    cta: list[Lines]
    logo: Box | None
    qr: Box | None
    important: list[Box] = field(default_factory=list)


def fonts_of(spec: PosterSpec) -> Fonts:
    """The spec's typeface, registered with reportlab (once per process)."""
    return typeface(spec.font_regular, spec.font_bold)


def _lines(
    text: str,
    fonts: Fonts,
    bold: bool,
    *,
    x: float,
    top: float,
    width: float,
    sizes: tuple[float, float],
    max_lines: int,
    leading: float,
) -> Lines:
    """One line of text (or a few) with its first baseline ``size`` below ``top``."""
    size, found = fit_line(
        text,
        fonts,
        bold=bold,
        width=width,
        largest=sizes[0],
        smallest=sizes[1],
        max_lines=max_lines,
    )
    baselines = tuple(top - size - i * size * leading for i in range(len(found)))
    return Lines(fonts.of(bold), size, tuple(found), x, baselines)


def _bottom(lines: Lines, leading: float = 0.3) -> float:
    """Where the next thing may start under ``lines``."""
    return lines.baselines[-1] - lines.size * leading if lines.baselines else 0.0


def layout(spec: PosterSpec, *, photo: bool, logo: tuple[int, int] | None, qr: bool) -> Layout:
    """Every element's place: the first step of :data:`STEPS` at which the whole text fits.
    Past the last, the picture shrinks to leave the text room (and goes when less than
    :data:`MIN_PHOTO` would be left of it); a text too long even without it is cut by
    whole sentences under the last step's picture."""
    fonts = fonts_of(spec)
    municipality, logo_box = _header(spec, fonts, logo)
    heading, cta, qr_box = _call_to_action(spec, fonts, qr)
    for step in STEPS:
        content = _content(spec, fonts, step, step.photo if photo else 0.0)
        if content.body.complete:
            break
    else:
        last = STEPS[-1]
        bare = _content(spec, fonts, last, 0.0)
        spare = bare.body_top - BODY_BOTTOM - bare.body.height - 1  # rounding
        if not photo:
            photo_h = 0.0
        elif spare < 0:
            photo_h = last.photo  # the text is cut anyway: the poster keeps its picture
        else:
            photo_h = min(last.photo, spare) if spare >= MIN_PHOTO else 0.0
        content = _content(spec, fonts, last, photo_h, floor=True)
    found = Layout(content, municipality, heading, cta, logo_box, qr_box)
    found.important = _important(found, fonts)
    return found


def _header(
    spec: PosterSpec, fonts: Fonts, logo: tuple[int, int] | None
) -> tuple[Lines, Box | None]:
    """The municipality's name in the band, and the logo's white plate beside it."""
    logo_box = None
    logo_w = 0.0
    if logo is not None:
        ratio = min(LOGO_BOX[0] / logo[0], LOGO_BOX[1] / logo[1])
        w, h = logo[0] * ratio, logo[1] * ratio
        x = WIDTH - MARGIN - w - 2 * PLATE
        y = HEIGHT - BAND / 2 - h / 2 - PLATE
        logo_box = Box("logo", x, y, w + 2 * PLATE, h + 2 * PLATE)
        logo_w = w + 2 * PLATE + 16
    size, names = fit_line(
        spec.municipality,
        fonts,
        bold=True,
        width=TEXT_WIDTH - logo_w,
        largest=26,
        smallest=12,
        max_lines=2,
    )
    first = HEIGHT - BAND / 2 + (len(names) * size * 1.2) / 2 - size
    baselines = tuple(first - i * size * 1.2 for i in range(len(names)))
    return Lines(fonts.bold, size, tuple(names), MARGIN, baselines), logo_box


def _call_to_action(
    spec: PosterSpec, fonts: Fonts, qr: bool
) -> tuple[Lines, list[Lines], Box | None]:
    """At the bottom: the QR code, a heading, the web address and the contact."""
    qr_box = Box("qr", MARGIN - 8, MARGIN, CTA, CTA) if qr else None
    x = MARGIN + CTA + 10 if qr else MARGIN
    width = WIDTH - MARGIN - x
    heading = _lines(
        _SCAN[spec.language] if qr else _MORE[spec.language],
        fonts,
        True,
        x=x,
        top=MARGIN + CTA - 14,
        width=width,
        sizes=(22, 12),
        max_lines=2,
        leading=1.25,
    )
    cta: list[Lines] = []
    y = _bottom(heading, 0.25) - 4
    for item in (spec.url or "", spec.contact):
        if item:
            found = _lines(
                item,
                fonts,
                False,
                x=x,
                top=y,
                width=width,
                sizes=(13, 8),
                max_lines=2,
                leading=1.35,
            )
            cta.append(found)
            y = _bottom(found, 0.35)
    return heading, cta, qr_box


def _content(
    spec: PosterSpec, fonts: Fonts, step: Step, photo_h: float, *, floor: bool = False
) -> Content:
    """Title, when and where, then the body: between the picture and the call to action."""
    top = HEIGHT - BAND - STRIPE - photo_h - 30
    title = _lines(
        spec.title,
        fonts,
        True,
        x=MARGIN,
        top=top,
        width=TEXT_WIDTH,
        sizes=(step.title, step.title - 10),
        max_lines=3,
        leading=1.18,
    )
    y = _bottom(title, 0.18) - 10
    details = []
    for item, bold, largest in ((spec.when, True, step.when), (spec.where, False, step.where)):
        if item:
            found = _lines(
                item,
                fonts,
                bold,
                x=MARGIN,
                top=y,
                width=TEXT_WIDTH,
                sizes=(largest, largest - 4),
                max_lines=2,
                leading=1.3,
            )
            details.append(found)
            y = _bottom(found) - 4
    body_top = y - 8
    room = max(0.0, body_top - BODY_BOTTOM)
    if floor:  # the last step: as much as fits, by whole sentences and items
        body = fit_blocks(spec.body, fonts, width=TEXT_WIDTH, height=room, sizes=(step.body,))
    else:
        lines, used = set_blocks(spec.body, fonts, step.body, TEXT_WIDTH)
        body = Setting(lines, used, step.body, spec.body, used <= room)
    return Content(photo_h, title, tuple(details), body, body_top)


def _important(found: Layout, fonts: Fonts) -> list[Box]:
    """The boxes of text, logo and QR code: what must stay clear of the trim."""
    boxes = [box for box in (found.logo, found.qr) if box is not None]
    content = found.content
    for lines in (found.municipality, content.title, *content.details, found.heading, *found.cta):
        for text, baseline in zip(lines.texts, lines.baselines, strict=True):
            width = float(pdfmetrics.stringWidth(text, lines.font, lines.size))
            boxes.append(Box(text, lines.x, baseline - lines.size * 0.25, width, lines.size * 1.2))
    for line in content.body.lines:
        baseline = content.body_top - line.baseline
        width = width_of(line.runs, fonts, line.size)
        boxes.append(
            Box(line.text, MARGIN + line.x, baseline - line.size * 0.25, width, line.size * 1.2)
        )
    return boxes
