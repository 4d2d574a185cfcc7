"""Posters as residents read them and as a print shop's preflight reads them: the text by
whole sentences at a readable size, the right picture, every font embedded, and the
print-ready variant's bleed, boxes and crop marks."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from kit_readers import (
    STAMP,
    decode_qr,
    needs_poppler,
    pdf_fonts,
    pdf_page,
    pdf_text,
    pdf_words,
    text_sizes,
)
from PIL import Image
from reportlab.lib.units import mm
from support.campaigns import ACTION, EVENT, picture, write_campaign

from campaignkit.blocks import parse
from campaignkit.kit import Kit, build_kit, social_card_path
from campaignkit.kit import poster_layout as layout_of
from campaignkit.kit.fonts import face
from campaignkit.validation import load_campaign

BLUE, RED, MAGENTA = "#1040c0", "#c01010", "#c010c0"
SENTENCE = "Dit is een zin die de lezer iets vertelt over de activiteit van vandaag. "
#: Far more than a poster holds: sentences, a list, and an announcing sentence at the end.
LONG = (
    SENTENCE * 6
    + "\n\nNeem mee:\n\n- een hamer;\n- een zaag.\n\n"
    + SENTENCE * 8
    + "Op de markt vind je:\n\n- "
    + "\n- ".join(["een kraam"] * 12)
)
EVENTS = {
    # Linked to the action with a (red) picture, but without one of its own: the hero.
    EVENT: {"description": LONG},
    "markt": {
        "title": "Klimaatmarkt",
        "start": "2027-06-12 10:00",
        "end": "17:00",
        "location": {"name": "Gemeenteplein", "address": "Gemeenteplein, 8980 Zonnebeke"},
        "description": "Een hele dag ideeën opdoen. De toegang is gratis.",
        "image": {"src": "images/markt.jpg", "alt": "Kraampjes", "credit": "Foto: Lies"},
    },
}


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    folder = write_campaign(
        tmp_path_factory.mktemp("campaigns"),
        events=EVENTS,
        images={
            "images/hero.jpg": picture(1600, 900, BLUE, kind="JPEG"),
            "images/geveltuin.jpg": picture(900, 1200, RED, kind="JPEG"),
            "images/markt.jpg": picture(1200, 800, MAGENTA, kind="JPEG"),
        },
    )
    return build_kit(load_campaign(folder), cache_dir=tmp_path_factory.mktemp("cache"), stamp=STAMP)


def _posters(kit: Kit) -> list[str]:
    return [path for path in kit.files if path.startswith("kit/affiches/")]


def _hue(pixel: tuple[int, int, int]) -> str:
    r, g, b = pixel
    if r > g + 40 and b > g + 40:
        return "magenta"
    if b > r + 40 and b > g + 40:
        return "blue"
    if r > g + 40 and r > b + 40:
        return "red"
    return "other"


def test_every_poster_comes_in_both_variants(kit: Kit) -> None:
    names = {path.removeprefix("kit/affiches/") for path in _posters(kit)}
    for poster in ("campagne", f"activiteit-{EVENT}", "activiteit-markt"):
        for paper in ("a4", "a3"):
            assert {f"{poster}-{paper}.pdf", f"{poster}-{paper}-drukklaar.pdf"} <= names
    assert len(names) == 12


@needs_poppler
def test_no_font_in_any_poster_is_left_unembedded(kit: Kit, tmp_path: Path) -> None:
    for path in _posters(kit):
        fonts = pdf_fonts(kit.files[path], tmp_path)
        assert fonts, path
        assert all(embedded for _, embedded in fonts), (path, fonts)
        assert not any("Helvetica" in name for name, _ in fonts), path


def test_the_print_variant_has_3_mm_bleed_around_its_trim(kit: Kit) -> None:
    for path in _posters(kit):
        page = pypdf.PdfReader(io.BytesIO(kit.files[path])).pages[0]
        if not path.endswith("-drukklaar.pdf"):
            # The office version is the paper itself, printable at 100 % at home.
            assert "/TrimBox" not in page and "/BleedBox" not in page
            paper = (595.28, 841.89) if "-a4" in path else (841.89, 1190.55)
            assert [round(float(v), 2) for v in page.mediabox] == [0, 0, *paper]
            continue
        trim = [float(v) for v in page.trimbox]
        bleed = [float(v) for v in page.bleedbox]
        media = [float(v) for v in page.mediabox]
        for side in range(2):
            assert bleed[side] == pytest.approx(trim[side] - 3 * mm, abs=0.01)
            assert bleed[side + 2] == pytest.approx(trim[side + 2] + 3 * mm, abs=0.01)
            assert media[side] < bleed[side] and media[side + 2] > bleed[side + 2]
        width, height = trim[2] - trim[0], trim[3] - trim[1]
        paper = (595.28, 841.89) if "-a4" in path else (841.89, 1190.55)
        assert (round(width, 2), round(height, 2)) == paper


@needs_poppler
def test_the_print_variant_bleeds_and_has_crop_marks(kit: Kit, tmp_path: Path) -> None:
    dpi = 72  # one pixel a point
    drawn = pdf_page(kit.files["kit/affiches/campagne-a4-drukklaar.pdf"], tmp_path, dpi)
    slug, bleed = round(10 * mm), 3 * mm
    # The colour band and the picture run into the bleed, beyond the trim on every side.
    band = drawn.getpixel((round(slug - bleed / 2), round(slug - bleed / 2)))
    assert band == pytest.approx((27, 94, 32), abs=12)  # the primary colour, #1b5e20
    photo_y = slug + 128 + 20  # under the band and its accent stripe
    assert _hue(drawn.getpixel((round(slug - bleed / 2), photo_y))) == "blue"
    assert _hue(drawn.getpixel((round(slug + 595.28 + bleed / 2), photo_y))) == "blue"
    # Crop marks in line with the trim, outside the bleed; none inside it.
    for x, y in ((slug, round(slug - bleed - 3 * mm)), (round(slug - bleed - 3 * mm), slug)):
        assert max(drawn.getpixel((x, y))) < 128, (x, y)
    assert min(drawn.getpixel((round(slug - bleed / 2), round(slug + 841.89 + bleed / 2)))) > 200


@needs_poppler
def test_nothing_that_matters_is_within_5_mm_of_the_trim(kit: Kit, tmp_path: Path) -> None:
    slug, safe = 10 * mm, 5 * mm
    for path in _posters(kit):
        if not path.endswith("-drukklaar.pdf"):
            continue
        width, height = (595.28, 841.89) if "-a4" in path else (841.89, 1190.55)
        for word, x0, top, x1, bottom in pdf_words(kit.files[path], tmp_path):
            assert x0 >= slug + safe and x1 <= slug + width - safe, (path, word)
            assert top >= slug + safe and bottom <= slug + height - safe, (path, word)
        drawn = pdf_page(kit.files[path], tmp_path, 72)
        (found,) = __import__("zxingcpp").read_barcodes(drawn.convert("L"))
        corners = (found.position.top_left, found.position.bottom_right)
        for corner in corners:
            assert slug + safe <= corner.x <= slug + width - safe, path
            assert slug + safe <= corner.y <= slug + height - safe, path
    # The logo's plate too (and the quiet zone of the QR code), on the layout of every poster.
    spec = layout_of.PosterSpec(
        paper="a4",
        title="Klimaatmarkt",
        municipality="Zonnebeke",
        when="zaterdag 12 juni 2027",
        where="Gemeenteplein",
        body=parse(LONG),
        url="https://klimaat.zonnebeke.be/",
        contact="klimaat@zonnebeke.be",
        language="nl",
        primary="#1b5e20",
        accent=None,
        font_regular=str(face().regular),
        font_bold=str(face().bold),
    )
    for logo in ((800, 400), (400, 800), (800, 100)):
        found_layout = layout_of.layout(spec, photo=True, logo=logo, qr=True)
        assert {box.what for box in found_layout.important} >= {"logo", "qr"}
        for box in found_layout.important:
            assert box.x >= safe and box.x + box.width <= layout_of.WIDTH - safe, box
            assert box.y >= safe and box.y + box.height <= layout_of.HEIGHT - safe, box


@needs_poppler
def test_a_long_description_is_taken_by_whole_sentences_and_never_ends_on_a_colon(
    kit: Kit, tmp_path: Path
) -> None:
    for path in (
        f"kit/affiches/activiteit-{EVENT}-a4.pdf",
        f"kit/affiches/activiteit-{EVENT}-a3.pdf",
    ):
        text = " ".join(pdf_text(kit.files[path], tmp_path).split())
        body = text.split("Kerkstraat 1, 8980 Zonnebeke", 1)[1].split("Scan de code", 1)[0]
        assert body.strip().endswith("van vandaag.")
        assert body.count("Dit is een zin") >= 3
        assert "Op de markt vind je" not in body  # nor the list it announces


def test_body_text_is_at_least_14_pt_on_a4_and_20_pt_on_a3(kit: Kit) -> None:
    for path in _posters(kit):
        if "activiteit-" not in path:
            continue
        sizes = [
            size for text, size in text_sizes(kit.files[path]) if "zin" in text or "ideeën" in text
        ]
        assert sizes, path
        assert min(sizes) >= (20 if "-a3" in path else 14), path


@needs_poppler
def test_an_event_with_its_own_image_uses_it_and_one_without_the_hero(
    kit: Kit, tmp_path: Path
) -> None:
    for name, colour in (("markt", "magenta"), (EVENT, "blue")):
        drawn = pdf_page(kit.files[f"kit/affiches/activiteit-{name}-a4.pdf"], tmp_path, 72)
        assert _hue(drawn.getpixel((297, 128 + 20))) == colour, name  # under the band
        card = kit.files[social_card_path("event", name)]
        with Image.open(io.BytesIO(card)) as image:
            assert _hue(image.convert("RGB").getpixel((1150, 150))) == colour, name
    assert decode_qr(pdf_page(kit.files["kit/affiches/activiteit-markt-a3.pdf"], tmp_path, 72))
    readme = kit.files["kit/LEESMIJ.txt"].decode("utf-8")
    assert "images/markt.jpg" in readme and "Klimaatmarkt" in readme


def test_action_cards_keep_their_own_picture(kit: Kit) -> None:
    card = kit.files[social_card_path("action", ACTION)]
    with Image.open(io.BytesIO(card)) as image:
        assert _hue(image.convert("RGB").getpixel((1150, 150))) == "red"
