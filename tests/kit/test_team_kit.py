"""The kit for teams: each team's flyers (QR code decoded to its page, its name in the
PDF's text, A5 and two-up on A4), its recruitment texts filled in and replaceable, and
their place in the ZIP, on the kit page and in LEESMIJ.txt."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pypdf
import pytest
import zxingcpp
from kit_readers import (
    STAMP,
    needs_poppler,
    pdf_fonts,
    pdf_page,
    pdf_qr,
    pdf_text,
    pdf_words,
    text_sizes,
)
from PIL import Image
from reportlab.lib.units import mm
from support.campaigns import photo, write_campaign

from campaignkit.kit import Kit, build_kit
from campaignkit.problems import CampaignError
from campaignkit.validation import load_campaign

TEAMS = {
    "kerkstraat": {
        "name": "Kerkstraat",
        "streets": ["Kerkstraat", "Kerkplein"],
        "households": "14",
        "joined": "2027-03-12",
        "commitments": [{"action": "geveltuin", "status": "done"}],
    },
    "molenwijk": {"name": "Molenwijk", "kind": "wijk", "households": "1", "joined": "2027-04-01"},
}
URL = "https://klimaat.zonnebeke.be/ploegen/kerkstraat/"


def _kit(root: Path, **changes: Any) -> Kit:
    folder = write_campaign(root / "campaigns", teams=TEAMS, **changes)
    campaign = load_campaign(folder)
    return build_kit(campaign, cache_dir=root / "cache", stamp=STAMP)


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    return _kit(tmp_path_factory.mktemp("teams"))


def test_every_team_has_its_folder(kit: Kit) -> None:
    for slug in TEAMS:
        assert {
            p.removeprefix(f"kit/ploegen/{slug}/")
            for p in kit.files
            if p.startswith(f"kit/ploegen/{slug}/")
        } == {
            "flyer-a5.pdf",
            "flyer-a4-2x.pdf",
            "flyer-a5-drukklaar.pdf",
            *(f"{text}.{ext}" for text in ("brief", "whatsapp") for ext in ("txt", "md", "docx")),
        }


@needs_poppler
def test_the_flyer_names_the_team_and_its_qr_code_opens_its_page(kit: Kit, tmp_path: Path) -> None:
    a5 = kit.files["kit/ploegen/kerkstraat/flyer-a5.pdf"]
    text = " ".join(pdf_text(a5, tmp_path).split())
    assert "Doe mee met Kerkstraat" in text
    assert "Al 14 gezinnen doen mee." in text
    assert "Een geveltuin langs je gevel" in text
    assert "Samen maken we Zonnebeke klimaatvriendelijk" in text  # the campaign's call
    assert URL in text
    assert pdf_qr(a5, tmp_path) == [URL]
    two_up = kit.files["kit/ploegen/kerkstraat/flyer-a4-2x.pdf"]
    # Side by side: the text comes line by line across both.
    assert " ".join(pdf_text(two_up, tmp_path).split()).count("Doe mee met") == 2
    assert pdf_qr(two_up, tmp_path) == [URL, URL]
    one = " ".join(pdf_text(kit.files["kit/ploegen/molenwijk/flyer-a5.pdf"], tmp_path).split())
    assert "Eén gezin doet al mee." in one


def test_flyers_are_a5_and_landscape_a4_with_the_font_embedded(kit: Kit) -> None:
    a5 = kit.files["kit/ploegen/kerkstraat/flyer-a5.pdf"]
    two_up = kit.files["kit/ploegen/kerkstraat/flyer-a4-2x.pdf"]
    assert re.search(rb"/MediaBox \[ ?0 0 419\.52\d* 595\.27\d* ?\]", a5)
    assert re.search(rb"/MediaBox \[ ?0 0 841\.88\d* 595\.27\d* ?\]", two_up)
    assert b"/FontFile2" in a5 and b"/Lang (nl-BE)" in a5


def test_the_recruitment_texts_are_filled_in_for_each_team(kit: Kit) -> None:
    whatsapp = kit.files["kit/ploegen/kerkstraat/whatsapp.txt"].decode("utf-8")
    assert "Met Kerkstraat doen we mee aan Klimaat in je straat" in whatsapp
    assert "We zijn al met 14 gezinnen en pakken samen aan:" in whatsapp
    assert "- Een geveltuin langs je gevel" in whatsapp
    assert URL in whatsapp
    assert len(whatsapp.strip()) <= 1000
    letter = kit.files["kit/ploegen/molenwijk/brief.txt"].decode("utf-8")
    assert letter.startswith("Beste buren,")
    assert "We zijn al met 1 gezin en" in letter
    assert "https://klimaat.zonnebeke.be/ploegen/molenwijk/" in letter


def test_the_zip_page_and_readme_hold_them(kit: Kit) -> None:
    names = set(zipfile.ZipFile(io.BytesIO(kit.archive)).namelist())
    assert "ploegen/kerkstraat/flyer-a5.pdf" in names
    assert "ploegen/molenwijk/whatsapp.docx" in names
    page = kit.page_html
    assert '<h2 id="ploegen">Voor de ploegen</h2>' in page
    assert '<a href="ploegen/kerkstraat/flyer-a5.pdf" download>Kerkstraat: Flyer A5 (PDF,' in page
    assert 'href="ploegen/kerkstraat/flyer-a4-2x.pdf" download>Kerkstraat: Twee flyers' in page
    assert (
        'href="ploegen/kerkstraat/flyer-a5-drukklaar.pdf" download>Kerkstraat: Flyer A5 voor de '
        "drukkerij: 3 mm afloop en snijtekens (PDF,"
    ) in page
    assert 'href="ploegen/molenwijk/brief.docx"' in page
    # Listed by name, with the address of its page.
    assert page.index('id="ploeg-kerkstraat"') < page.index('id="ploeg-molenwijk"')
    assert f'<a class="ck-kit__url" href="{URL}">' in page
    readme = kit.files["kit/LEESMIJ.txt"].decode("utf-8")
    assert "ploegen/\n  Per ploeg: een flyer op A5" in readme


def test_a_campaign_replaces_a_team_text(tmp_path: Path) -> None:
    own = (
        "---\ntitle: Onze oproep\nchannel: whatsapp\n---\n"
        "Doe mee met {{ team.name }} ({{ team.households }} gezinnen): {{ team.url }}\n"
    )
    kit = _kit(tmp_path, files={"texts/ploegen/whatsapp.md": own})
    assert kit.files["kit/ploegen/kerkstraat/whatsapp.txt"].decode() == (
        f"Doe mee met Kerkstraat (14 gezinnen): {URL}\n"
    )
    assert "Onze oproep" in kit.page_html
    # The built-in letter is still there.
    assert "kit/ploegen/kerkstraat/brief.docx" in kit.files


def test_a_team_text_with_an_unknown_placeholder_is_a_located_problem(tmp_path: Path) -> None:
    own = "---\ntitle: Oproep\nchannel: whatsapp\n---\nHallo\n\nDoe mee met {{ team.nam }}!\n"
    folder = write_campaign(
        tmp_path / "campaigns", teams=TEAMS, files={"texts/ploegen/whatsapp.md": own}
    )
    with pytest.raises(CampaignError) as caught:
        load_campaign(folder, base=tmp_path)
    problems = caught.value.problems
    assert [(p.file, p.line, p.message) for p in problems] == [
        (
            "campaigns/zonnebeke/texts/ploegen/whatsapp.md",
            7,
            "Onbekende plaatshouder: 'nam' bestaat hier niet.",
        )
    ]
    assert "Bedoel je 'name'?" in problems[0].hint


def test_a_team_text_too_long_once_filled_in_names_the_team(tmp_path: Path) -> None:
    own = "---\ntitle: Oproep\nchannel: whatsapp\n---\n" + "Doe mee! " * 120 + "{{ team.name }}\n"
    folder = write_campaign(
        tmp_path / "campaigns", teams=TEAMS, files={"texts/ploegen/whatsapp.md": own}
    )
    with pytest.raises(CampaignError) as caught:
        load_campaign(folder, base=tmp_path)
    [problem, *_] = caught.value.problems
    assert problem.file == "campaigns/zonnebeke/texts/ploegen/whatsapp.md"
    assert problem.line == 5
    assert problem.message.startswith("Deze tekst is voor de ploeg 'kerkstraat' na het invullen ")
    assert problem.hint == "Maak de tekst korter; de naam en het webadres van de ploeg tellen mee."


@needs_poppler
def test_french_flyers_and_texts(tmp_path: Path) -> None:
    kit = _kit(tmp_path, campaign={"language": "fr"})
    whatsapp = kit.files["kit/ploegen/kerkstraat/whatsapp.txt"].decode("utf-8")
    assert whatsapp.startswith("Bonjour les voisins ! 👋 Avec Kerkstraat, nous participons")
    flyer = kit.files["kit/ploegen/kerkstraat/flyer-a5.pdf"]
    assert b"/Lang (fr-BE)" in flyer
    text = " ".join(pdf_text(flyer, tmp_path).split())
    assert "Rejoignez Kerkstraat" in text and "Déjà 14 ménages participent." in text


def test_without_a_public_address_no_qr_code(tmp_path: Path) -> None:
    kit = _kit(tmp_path, campaign={"site_url": None})
    whatsapp = kit.files["kit/ploegen/kerkstraat/whatsapp.txt"].decode("utf-8")
    assert "http" not in whatsapp.split("gevel")[-1]
    assert "ploeg-kerkstraat" in kit.page_html and "ck-kit__url" not in kit.page_html


def test_the_same_flyer_is_the_same_bytes(kit: Kit, tmp_path: Path) -> None:
    again = _kit(tmp_path)
    for paper in ("a5", "a4-2x", "a5-drukklaar"):
        path = f"kit/ploegen/kerkstraat/flyer-{paper}.pdf"
        assert again.files[path] == kit.files[path]


PAPERS = {"flyer-a5.pdf": (419.53, 595.28), "flyer-a4-2x.pdf": (841.89, 595.28)}
PRINT = "kit/ploegen/kerkstraat/flyer-a5-drukklaar.pdf"
A5 = (419.53, 595.28)


def _flyers(kit: Kit) -> list[str]:
    return [p for p in kit.files if p.startswith("kit/ploegen/") and p.endswith(".pdf")]


def test_office_flyers_are_their_paper_and_the_print_flyer_has_3_mm_bleed(kit: Kit) -> None:
    for path in _flyers(kit):
        page = pypdf.PdfReader(io.BytesIO(kit.files[path])).pages[0]
        media = [round(float(v), 2) for v in page.mediabox]
        if not path.endswith("-drukklaar.pdf"):
            assert "/TrimBox" not in page and "/BleedBox" not in page
            assert media == [0, 0, *PAPERS[path.rsplit("/", 1)[1]]], path
            continue
        trim = [float(v) for v in page.trimbox]
        bleed = [float(v) for v in page.bleedbox]
        assert (round(trim[2] - trim[0], 2), round(trim[3] - trim[1], 2)) == A5
        for side in range(2):
            assert bleed[side] == pytest.approx(trim[side] - 3 * mm, abs=0.01)
            assert bleed[side + 2] == pytest.approx(trim[side + 2] + 3 * mm, abs=0.01)
            assert media[side] < bleed[side] and media[side + 2] > bleed[side + 2]


@needs_poppler
def test_no_font_in_any_flyer_is_left_unembedded(kit: Kit, tmp_path: Path) -> None:
    for path in _flyers(kit):
        fonts = pdf_fonts(kit.files[path], tmp_path)
        assert fonts and all(embedded for _, embedded in fonts), (path, fonts)
        assert not any("Helvetica" in name for name, _ in fonts), path


@needs_poppler
def test_the_print_flyer_bleeds_has_crop_marks_and_keeps_5_mm_clear(
    kit: Kit, tmp_path: Path
) -> None:
    data = kit.files[PRINT]
    slug, bleed, safe = 10 * mm, 3 * mm, 5 * mm
    drawn = pdf_page(data, tmp_path, 72)  # one pixel a point
    # The colour band runs into the bleed above and beside the trim.
    for x in (round(slug - bleed / 2), round(slug + A5[0] + bleed / 2)):
        assert drawn.getpixel((x, round(slug - bleed / 2))) == pytest.approx((27, 94, 32), abs=12)
    # Crop marks in line with the trim, outside the bleed; the bleed under the band is white.
    for x, y in (
        (round(slug), round(slug - bleed - 3 * mm)),
        (round(slug - bleed - 3 * mm), round(slug)),
    ):
        assert max(drawn.getpixel((x, y))) < 128, (x, y)
    assert min(drawn.getpixel((round(slug - bleed / 2), round(slug + A5[1] + bleed / 2)))) > 200
    # Every word and the QR code at least 5 mm inside the trim; the code opens the team's page.
    words = pdf_words(data, tmp_path)
    assert "Kerkstraat" in {word for word, *_ in words}
    for word, x0, top, x1, bottom in words:
        assert slug + safe <= x0 and x1 <= slug + A5[0] - safe, word
        assert slug + safe <= top and bottom <= slug + A5[1] - safe, word
    (found,) = zxingcpp.read_barcodes(drawn.convert("L"))
    assert found.text == URL
    for corner in (found.position.top_left, found.position.bottom_right):
        assert slug + safe <= corner.x <= slug + A5[0] - safe
        assert slug + safe <= corner.y <= slug + A5[1] - safe
    assert " ".join(pdf_text(data, tmp_path).split()).count("Doe mee met Kerkstraat") == 1


@needs_poppler
def test_flyer_text_is_set_as_on_the_posters(tmp_path: Path) -> None:
    """A long name gets smaller and wraps between words (never in one), a long address stays
    whole or breaks only after a ``/``."""
    long_name = "Bewoners van de Heilig Hartparochie en de Sint-Jozefsvereniging Noord"
    teams = {"lang": {**TEAMS["molenwijk"], "name": long_name}}
    folder = write_campaign(
        tmp_path / "campaigns",
        teams=teams,
        campaign={"site_url": "https://klimaat.zonnebeke.be/campagnes/straat-met-beste-klimaat"},
    )
    kit = build_kit(load_campaign(folder), cache_dir=tmp_path / "cache", stamp=STAMP)
    data = kit.files["kit/ploegen/lang/flyer-a5.pdf"]
    text = " ".join(pdf_text(data, tmp_path).split())
    assert f"Doe mee met {long_name}" in text
    title = [size for piece, size in text_sizes(data) if "Sint-" in piece or "Hart" in piece]
    assert title and max(title) < 30  # smaller than the largest title size
    pieces = [
        word for word, *_ in pdf_words(data, tmp_path) if "klimaat.zonnebeke" in word or "/" in word
    ]
    address = "https://klimaat.zonnebeke.be/campagnes/straat-met-beste-klimaat/ploegen/lang/"
    assert "".join(pieces) == address
    assert all(piece.endswith("/") for piece in pieces[:-1])


TEAM_PHOTO = {
    "src": "images/ploegen/kerkstraat-geveltuin.jpg",
    "alt": "Buren leggen samen een geveltuin aan",
    "credit": "Foto: Buurtwerk Kerkstraat",
    "licence": "CC BY 4.0",
    "consent": True,
}


def _photo_kit(root: Path, consent: bool) -> Kit:
    teams = {**TEAMS, "kerkstraat": {**TEAMS["kerkstraat"], "photo": TEAM_PHOTO}}
    folder = write_campaign(
        root / "campaigns",
        teams=teams,
        images={TEAM_PHOTO["src"]: photo(3000, 2000, exif=True)},
    )
    campaign = load_campaign(folder)
    if not consent:
        # The format refuses such a photo; the kit does not rely on that alone.
        team = campaign.teams[0]
        withdrawn = team.photo.model_copy(update={"consent": False})
        teams_now = (team.model_copy(update={"photo": withdrawn}), *campaign.teams[1:])
        campaign = campaign.model_copy(update={"teams": teams_now})
    return build_kit(campaign, cache_dir=root / "cache", stamp=STAMP)


def test_a_team_photo_is_in_the_kit_web_and_full_size_and_credited(tmp_path: Path) -> None:
    kit = _photo_kit(tmp_path, consent=True)
    archive = zipfile.ZipFile(io.BytesIO(kit.archive))
    names = set(archive.namelist())
    web, full = "beelden/kerkstraat-geveltuin-web.jpg", "beelden/kerkstraat-geveltuin-druk.jpg"
    assert {web, full} <= names
    with Image.open(io.BytesIO(archive.read(web))) as image:
        assert image.size == (1600, 1067) and not image.getexif().get(0x8825)
    with Image.open(io.BytesIO(archive.read(full))) as image:
        assert image.size == (2480, 1653)  # A4's width at 300 dpi
        assert not image.getexif().get(0x010F) and not image.getexif().get(0x8825)
    readme = archive.read("LEESMIJ.txt").decode("utf-8")
    entry = readme.split("- beelden/kerkstraat-geveltuin-*", 1)[1].split("\n- ", 1)[0]
    assert "(bron: images/ploegen/kerkstraat-geveltuin.jpg)" in entry
    assert "Wat: Buren leggen samen een geveltuin aan" in entry
    assert "Foto: Buurtwerk Kerkstraat" in entry and "Licentie: CC BY 4.0" in entry
    assert "Gebruikt bij: Kerkstraat" in entry
    assert 'href="beelden/kerkstraat-geveltuin-web.jpg"' in kit.page_html


def test_a_team_photo_without_consent_stays_out_of_the_kit(tmp_path: Path) -> None:
    kit = _photo_kit(tmp_path, consent=False)
    archive = zipfile.ZipFile(io.BytesIO(kit.archive))
    assert not [name for name in archive.namelist() if "kerkstraat-geveltuin" in name]
    assert "kerkstraat-geveltuin" not in archive.read("LEESMIJ.txt").decode("utf-8")
    assert "Buurtwerk" not in kit.page_html
