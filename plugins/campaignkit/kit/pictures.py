"""Campaign photos and logos in every size the kit offers, and branded social cards.

Everything here works on bytes and returns bytes: decode upright, crop or scale, encode
without metadata. Same input, same bytes (fixed encoder settings, no timestamps, Pillow's
basic text layout so no optional shaping library changes a pixel).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from campaignkit import branding
from campaignkit.images import decode, fit_width

WEB_WIDTH = 1600
LOGO_WEB_WIDTH = 800
PRINT_WIDTH = 2480  # A4 width at 300 dpi
PRINT_DPI = 300
WEB_QUALITY = 85
PRINT_QUALITY = 92
#: Social cards: white text on a photo or a brand colour, shown as sharp as the photo.
CARD_QUALITY = 90
#: Social crops: (width, height) and what each is for, labelled by ``crop_<name>`` in
#: :data:`campaignkit.i18n.KIT_LABELS`.
CROPS: dict[tuple[int, int], str] = {
    (1080, 1080): "square",
    (1080, 1350): "portrait",
    (1080, 1920): "story",
    (1200, 630): "link",
}
STORY = (1080, 1920)
#: Middle band of a story that no app covers with its buttons.
STORY_SAFE = (1080, 1420)
CARD_SIZES = ((1200, 630), (1080, 1080))
#: The least a source photo is decoded at (width, height as shown) so that every kit output
#: is as sharp as the photo allows: the print width, and each crop's width and height (a
#: story's sharp part is its safe band; posters are as wide as the print size).
_SHARP = [STORY_SAFE if size == STORY else size for size in (*CROPS, *CARD_SIZES)]
NEED = (max(PRINT_WIDTH, *(w for w, _ in _SHARP)), max(h for _, h in _SHARP))
#: Black over a photo at this opacity keeps white text at >= 4.5:1 even on a white pixel
#: (white pixel becomes sRGB 0.44, relative luminance 0.16).
OVERLAY_ALPHA = 0.56


def has_alpha(image: Image.Image) -> bool:
    if image.mode not in ("RGBA", "LA"):
        return False
    alpha = cast("tuple[int, int]", image.getextrema()[-1])
    return alpha[0] < 255


def encode(
    image: Image.Image,
    fmt: str,
    *,
    dpi: int | None = None,
    quality: int = WEB_QUALITY,
    sharp_colour: bool = False,
) -> bytes:
    """JPEG or PNG, optimised, with nothing but pixels (and the dpi if given).

    ``sharp_colour`` keeps a JPEG's colour at full resolution (4:4:4), for text on colour.
    """
    out = io.BytesIO()
    extra: dict[str, Any] = {"dpi": (dpi, dpi)} if dpi else {}
    if fmt == "JPEG":
        if image.mode in ("RGBA", "LA"):
            image = flatten(image)
        if sharp_colour:
            extra["subsampling"] = 0
        image.convert("RGB").save(out, "JPEG", quality=quality, optimize=True, **extra)
    else:
        # Level 6 without optimize: within 2 % of the smallest, four times faster.
        image.save(out, "PNG", compress_level=6, **extra)
    return out.getvalue()


def flatten(image: Image.Image, colour: str = "#ffffff") -> Image.Image:
    base = Image.new("RGB", image.size, colour)
    base.paste(image.convert("RGBA"), mask=image.convert("RGBA").getchannel("A"))
    return base


def logo_web(image: Image.Image) -> bytes:
    """A logo at web size: what the kit offers, and what cards, posters and Word files show."""
    return encode(fit_width(image, LOGO_WEB_WIDTH), "PNG")


def cover(
    image: Image.Image, size: tuple[int, int], focus: Sequence[float] | None = None
) -> Image.Image:
    """Fill ``size`` exactly, cropping around ``focus`` ([x, y] from 0 to 1)."""
    width, height = size
    fx, fy = focus or (0.5, 0.5)
    target = width / height
    if image.width / image.height > target:
        crop_w, crop_h = image.height * target, float(image.height)
    else:
        crop_w, crop_h = float(image.width), image.width / target
    left = min(max(fx * image.width - crop_w / 2, 0.0), image.width - crop_w)
    top = min(max(fy * image.height - crop_h / 2, 0.0), image.height - crop_h)
    source = image.convert("RGB") if image.mode not in ("RGB",) else image
    return source.resize(
        size, Image.Resampling.LANCZOS, box=(left, top, left + crop_w, top + crop_h)
    )


def story(image: Image.Image, focus: Sequence[float] | None = None) -> Image.Image:
    """9:16: the photo sharp in the safe middle band, over a blurred, darker copy of itself."""
    background = cover(image, (STORY[0] // 4, STORY[1] // 4), focus)
    background = background.filter(ImageFilter.GaussianBlur(8)).resize(
        STORY, Image.Resampling.BICUBIC
    )
    background = Image.blend(background, Image.new("RGB", STORY, "#000000"), 0.35)
    middle = cover(image, STORY_SAFE, focus)
    background.paste(middle, (0, (STORY[1] - STORY_SAFE[1]) // 2))
    return background


def crop(image: Image.Image, size: tuple[int, int], focus: Sequence[float] | None) -> Image.Image:
    return story(image, focus) if size == STORY else cover(image, size, focus)


# ------------------------------------------------------------------------------ cards


@dataclass(frozen=True)
class CardSpec:
    """What a social card shows; every field is part of its cache key."""

    size: tuple[int, int]
    title: str
    kicker: str  # the municipality
    footer: str  # the campaign
    when: str = ""  # date line of an event
    primary: str = "#1b5e20"
    accent: str | None = None
    font_regular: str = ""
    font_bold: str = ""


#: A font to measure and draw with (Pillow's own when no file is given).
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def _font(path: str, size: int) -> Font:
    if path:
        return ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.BASIC)
    return ImageFont.load_default(size)


_SOFT_HYPHEN = "\u00ad"


def _pieces(word: str) -> list[str]:
    """A word cut where it may break: after soft hyphens and hyphens."""
    pieces, current = [], ""
    for char in word:
        current += char
        if char in (_SOFT_HYPHEN, "-"):
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces


def _shown(text: str) -> str:
    """Text as drawn: soft hyphens vanish, except one that ends a line becomes a hyphen."""
    if text.endswith(_SOFT_HYPHEN):
        text = text[:-1].replace(_SOFT_HYPHEN, "") + "-"
    return text.replace(_SOFT_HYPHEN, "")


def wrap(text: str, font: Font, width: float) -> list[str] | None:
    """Lines of at most ``width`` pixels, breaking between words or at (soft) hyphens;
    ``None`` when a piece of a word alone is too wide."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if font.getlength(_shown(candidate)) <= width:
            line = candidate
            continue
        pieces = _pieces(word)
        if line:
            # Put what fits of the word on this line, the rest on the next ones.
            used = 0
            while used < len(pieces):
                trial = f"{line} {''.join(pieces[: used + 1])}"
                if font.getlength(_shown(trial)) > width:
                    break
                used += 1
            if used:
                lines.append(_shown(f"{line} {''.join(pieces[:used])}"))
                pieces = pieces[used:]
            else:
                lines.append(_shown(line))
            line = ""
        while pieces:
            used = 0
            while (
                used < len(pieces) and font.getlength(_shown("".join(pieces[: used + 1]))) <= width
            ):
                used += 1
            if used == 0:
                return None
            if used == len(pieces):
                line = "".join(pieces)
                break
            lines.append(_shown("".join(pieces[:used])))
            pieces = pieces[used:]
    if line:
        lines.append(_shown(line))
    return lines


def _hard_wrap(text: str, font: Font, width: float) -> list[str]:
    lines: list[str] = []
    line = ""
    for char in _shown(" ".join(text.split())):
        if font.getlength(line + char) > width and line:
            lines.append(line.rstrip())
            line = char.lstrip()
        else:
            line += char
    if line:
        lines.append(line)
    return lines


@dataclass(frozen=True)
class Fitted:
    font: Font
    size: int
    lines: tuple[str, ...]
    line_height: int

    @property
    def height(self) -> int:
        return self.line_height * len(self.lines)


def fit(
    text: str,
    path: str,
    *,
    width: float,
    height: float,
    largest: int,
    smallest: int,
    max_lines: int,
    leading: float = 1.18,
) -> Fitted:
    """The largest font size at which ``text`` fits the box; at the smallest size, words
    are cut anywhere and the last line ends in an ellipsis, so the text never overflows."""
    size = largest
    while True:
        font = _font(path, size)
        line_height = round(size * leading)
        lines = wrap(text, font, width)
        if lines is not None and len(lines) <= max_lines and line_height * len(lines) <= height:
            return Fitted(font, size, tuple(lines), line_height)
        if size <= smallest:
            break
        size = max(smallest, size - 2)
    lines = lines or _hard_wrap(text, font, width)
    room = max(1, min(max_lines, int(height // line_height)))
    if len(lines) > room:
        lines = lines[:room]
        last = lines[-1]
        while last and font.getlength(last + "…") > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return Fitted(font, size, tuple(lines), line_height)


def card(
    spec: CardSpec,
    photo: Image.Image | None,
    logo: bytes | None,
    focus: Sequence[float] | None = None,
) -> bytes:
    """A branded card: photo (darkened) or brand colour, the title, date and municipality."""
    width, height = spec.size
    unit = min(width, height) / 630  # 1.0 on the 1200x630 card
    pad = round(56 * unit)
    primary = branding.nearest_readable(spec.primary)
    if photo is not None:
        canvas = cover(photo, spec.size, focus)
        canvas = Image.blend(canvas, Image.new("RGB", spec.size, "#000000"), OVERLAY_ALPHA)
    else:
        canvas = Image.new("RGB", spec.size, primary)
    draw = ImageDraw.Draw(canvas)
    white = "#ffffff"
    text_width = width - 2 * pad

    # Top: accent bar and the municipality.
    kicker = fit(
        spec.kicker,
        spec.font_bold,
        width=text_width - round(24 * unit),
        height=round(40 * unit),
        largest=round(30 * unit),
        smallest=round(16 * unit),
        max_lines=1,
    )
    bar = spec.accent or "#ffffff"
    draw.rectangle((pad, pad, pad + round(8 * unit), pad + kicker.line_height), fill=bar)
    draw.text((pad + round(22 * unit), pad), kicker.lines[0], font=kicker.font, fill=white)
    top = pad + kicker.line_height + round(28 * unit)

    # Bottom: campaign name and logo.
    logo_box_h = round(96 * unit)
    bottom = height - pad
    logo_w = 0
    if logo is not None:
        mark = decode(logo)
        mark.thumbnail((round(240 * unit), logo_box_h - round(24 * unit)), Image.Resampling.LANCZOS)
        plate_pad = round(12 * unit)
        plate = (
            width - pad - mark.width - 2 * plate_pad,
            bottom - mark.height - 2 * plate_pad,
            width - pad,
            bottom,
        )
        draw.rounded_rectangle(plate, radius=round(10 * unit), fill="#ffffff")
        canvas.paste(
            mark.convert("RGBA"),
            (plate[0] + plate_pad, plate[1] + plate_pad),
            mark.convert("RGBA").getchannel("A"),
        )
        logo_w = mark.width + 2 * plate_pad + round(24 * unit)
    footer = fit(
        spec.footer,
        spec.font_regular,
        width=text_width - logo_w,
        height=round(34 * unit) * 2,
        largest=round(26 * unit),
        smallest=round(16 * unit),
        max_lines=2,
    )
    footer_top = bottom - footer.height
    for i, text in enumerate(footer.lines):
        draw.text((pad, footer_top + i * footer.line_height), text, font=footer.font, fill=white)
    area_bottom = min(footer_top, bottom - logo_box_h) - round(24 * unit)

    # Middle: the title, and under it the date.
    when = None
    if spec.when:
        when = fit(
            spec.when,
            spec.font_regular,
            width=text_width,
            height=round(90 * unit),
            largest=round(34 * unit),
            smallest=round(20 * unit),
            max_lines=2,
        )
    gap = round(18 * unit)
    room = area_bottom - top - ((when.height + gap) if when else 0)
    title = fit(
        spec.title,
        spec.font_bold,
        width=text_width,
        height=room,
        largest=round(78 * unit),
        smallest=round(30 * unit),
        max_lines=5 if height > width * 0.8 else 3,
        leading=1.12,
    )
    y = top
    for text in title.lines:
        draw.text((pad, y), text, font=title.font, fill=white)
        y += title.line_height
    if when:
        y += gap
        for text in when.lines:
            draw.text((pad, y), text, font=when.font, fill=white)
            y += when.line_height
    # JPEG, as the networks it is made for re-encode to anyway: a third of a PNG's size.
    return encode(canvas, "JPEG", quality=CARD_QUALITY, sharp_colour=True)
