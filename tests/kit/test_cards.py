"""Social cards: long Dutch words fit, text stays readable, the same card is the same bytes."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from support.campaigns import logo

from campaignkit import branding
from campaignkit.kit import pictures
from campaignkit.kit.fonts import face
from campaignkit.kit.outputs.cards import social_card_path

LONG = "Klimaatwijkfeestcomité\u00advergadering"


def _spec(size: tuple[int, int], title: str, **extra: object) -> pictures.CardSpec:
    font = face()
    return pictures.CardSpec(
        size=size,
        title=title,
        kicker="Gemeente Sint-Lievens-Houtem",
        footer="De straat met het beste klimaat",
        font_regular=str(font.regular),
        font_bold=str(font.bold),
        **extra,  # type: ignore[arg-type]
    )


def _hex(pixel: tuple[int, ...]) -> str:
    return "#" + "".join(f"{v:02x}" for v in pixel[:3])


@pytest.mark.parametrize("size", pictures.CARD_SIZES)
@pytest.mark.parametrize(
    "title",
    [
        LONG,
        f"{LONG} met alle buren van de Kerkstraat, de Molenstraat en de Stationsstraat samen",
        "Klimaatwijkfeestcomitévergaderingsverslagbespreking" * 3,  # no break point at all
        "Kort",
    ],
)
def test_title_never_leaves_the_card(size: tuple[int, int], title: str) -> None:
    white = Image.new("RGB", (1600, 1000), "#ffffff")
    data = pictures.card(
        _spec(size, title, when="zaterdag 15 mei 2027, van 14:00 tot 17:00"), white, logo()
    )
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == size
        rgb = image.convert("RGB")
    width, height = size
    background = rgb.getpixel((2, 2))
    # The right-hand margin above the logo holds no text pixel.
    strip = rgb.crop((width - 40, 0, width, height - 160))
    assert strip.getcolors() == [(strip.width * strip.height, background)]
    # White text on the darkened white photo: at least 4.5:1.
    assert branding.contrast(_hex(background), "#ffffff") >= 4.5


def test_long_word_breaks_at_its_soft_hyphen() -> None:
    font = face()
    fitted = pictures.fit(
        LONG, str(font.bold), width=700, height=400, largest=78, smallest=30, max_lines=3
    )
    # Broken at the soft hyphen (shown as "-") rather than shrunk to one line.
    assert fitted.lines == ("Klimaatwijkfeestcomité-", "vergadering")
    whole = pictures.fit(
        LONG.replace("\u00ad", ""),
        str(font.bold),
        width=700,
        height=400,
        largest=78,
        smallest=30,
        max_lines=3,
    )
    assert fitted.size > whole.size
    for line in fitted.lines:
        assert fitted.font.getlength(line) <= 700


def test_word_without_break_point_shrinks_until_it_fits() -> None:
    font = face()
    fitted = pictures.fit(
        "Klimaatwijkfeestcomitévergadering",
        str(font.bold),
        width=700,
        height=400,
        largest=78,
        smallest=30,
        max_lines=3,
    )
    assert fitted.lines == ("Klimaatwijkfeestcomitévergadering",)
    assert fitted.size < 78
    assert fitted.font.getlength(fitted.lines[0]) <= 700


def test_brand_colour_card_is_readable_and_deterministic() -> None:
    spec = _spec((1200, 630), "Geveltuinen", primary="#1b5e20", accent="#f9a825")
    first = pictures.card(spec, None, None)
    assert first == pictures.card(spec, None, None)
    with Image.open(io.BytesIO(first)) as image:
        pixel = image.convert("RGB").getpixel((600, 600))
    # A JPEG: the brand colour, give or take the encoder's rounding.
    assert max(abs(a - b) for a, b in zip(pixel, (0x1B, 0x5E, 0x20), strict=True)) <= 3
    assert branding.contrast(_hex(pixel), "#ffffff") >= 4.5


def test_social_card_paths() -> None:
    assert social_card_path("action", "geveltuin") == (
        "kit/beelden/kaarten/actie-geveltuin-1200x630.jpg"
    )
    assert social_card_path("event", "slotfeest", (1080, 1080)) == (
        "kit/beelden/kaarten/activiteit-slotfeest-1080x1080.jpg"
    )
    assert social_card_path("campaign") == "kit/beelden/kaarten/campagne-1200x630.jpg"
