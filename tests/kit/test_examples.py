"""The example campaigns' kits, checked file by file: what a municipality would download."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import icalendar
import pytest
from kit_readers import (
    STAMP,
    decode_png,
    decode_qr,
    needs_poppler,
    pdf_fonts,
    pdf_qr,
    pdf_text,
    svg_to_image,
    text_sizes,
)
from PIL import Image

from campaignkit import i18n
from campaignkit.blocks import parse, plain_text
from campaignkit.kit import Kit, build_kit, social_card_path
from campaignkit.kit.outputs.qr_codes import NO_SITE_URL
from campaignkit.model import Campaign
from campaignkit.urls import Addresses, public_root
from campaignkit.validation import find_campaigns, load_campaign

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [folder.name for folder in find_campaigns(ROOT / "campaigns")]

pytestmark = pytest.mark.skipif(not EXAMPLES, reason="no example campaigns")


@pytest.fixture(scope="module", params=EXAMPLES)
def example(request: pytest.FixtureRequest, tmp_path_factory) -> tuple[Campaign, Kit, Path]:
    campaign = load_campaign(ROOT / "campaigns" / request.param)
    cache = tmp_path_factory.mktemp(f"cache-{request.param}")
    return campaign, build_kit(campaign, cache_dir=cache, stamp=STAMP), cache


def _addresses(campaign: Campaign) -> Addresses:
    return Addresses(public_root(campaign.site_url))


def _targets(campaign: Campaign) -> dict[str, str | None]:
    site = _addresses(campaign)
    found = {"campagne": site.home()}
    found.update({f"actie-{a.slug}": site.action(a.slug) for a in campaign.actions})
    found.update({f"activiteit-{e.slug}": site.event(e.slug) for e in campaign.events})
    return found


def test_example_kit_is_complete(example) -> None:
    campaign, kit, _ = example
    assert kit.warnings == (() if campaign.site_url else (NO_SITE_URL,))
    archive = zipfile.ZipFile(io.BytesIO(kit.files[kit.zip_path]))
    names = set(archive.namelist())
    assert kit.zip_path == f"kit/{campaign.slug}-communicatiekit.zip"
    assert "LEESMIJ.txt" in names
    for action in campaign.actions:
        for size in ((1200, 630), (1080, 1080)):
            assert social_card_path("action", action.slug, size) in kit.files
    for event in campaign.events:
        assert f"agenda/{event.slug}.ics" in names
        assert social_card_path("event", event.slug) in kit.files
        if event.status == "confirmed":
            for paper in ("a4", "a3"):
                assert f"affiches/activiteit-{event.slug}-{paper}.pdf" in names
                assert f"affiches/activiteit-{event.slug}-{paper}-drukklaar.pdf" in names
    assert {f"kit/{n}" for n in names} == set(kit.files) - {kit.zip_path}


def test_example_qr_codes_decode(example) -> None:
    campaign, kit, _ = example
    if not campaign.site_url:
        assert not any("/qr/" in path for path in kit.files)
        return
    for name, url in _targets(campaign).items():
        assert decode_png(kit.files[f"kit/qr/{name}.png"]) == [url]
        assert decode_qr(svg_to_image(kit.files[f"kit/qr/{name}.svg"])) == [url]


@needs_poppler
def test_example_posters(example, tmp_path: Path) -> None:
    campaign, kit, _ = example
    name = campaign.municipality.name
    text = pdf_text(kit.files["kit/affiches/campagne-a4.pdf"], tmp_path)
    assert name in text
    expected = [campaign.site_url and _addresses(campaign).home()] if campaign.site_url else []
    assert pdf_qr(kit.files["kit/affiches/campagne-a3.pdf"], tmp_path) == expected
    for event in campaign.events:
        if event.status != "confirmed":
            continue
        data = kit.files[f"kit/affiches/activiteit-{event.slug}-a4.pdf"]
        text = " ".join(pdf_text(data, tmp_path).split())
        assert name in text
        if event.repeat:  # its rule and dates, starting the line with a capital
            assert i18n.format_series(event, campaign.language)[1:] in text
        else:
            assert i18n.format_day(event.day, campaign.language) in text
        url = _addresses(campaign).event(event.slug)
        assert pdf_qr(data, tmp_path) == ([url] if url else [])


@needs_poppler
def test_example_posters_embed_every_font_and_keep_the_body_readable(example, tmp_path) -> None:
    campaign, kit, _ = example
    posters = [path for path in kit.files if path.startswith("kit/affiches/")]
    for path in posters:
        assert all(embedded for _, embedded in pdf_fonts(kit.files[path], tmp_path)), path
    for event in campaign.events:
        if event.status != "confirmed" or not event.description:
            continue
        description = " ".join(plain_text(parse(event.description)).split())
        for variant in ("a4", "a3", "a4-drukklaar", "a3-drukklaar"):
            data = kit.files[f"kit/affiches/activiteit-{event.slug}-{variant}.pdf"]
            body = [size for text, size in text_sizes(data) if text in description]
            assert body, (event.slug, variant)
            assert min(body) >= (20 if "a3" in variant else 14), (event.slug, variant)


@needs_poppler
def test_asse_klimaatmarkt_poster_holds_the_whole_description(example, tmp_path) -> None:
    campaign, kit, _ = example
    if campaign.slug != "asse":
        pytest.skip("the klimaatmarkt is Asse's")
    for variant in ("a4", "a3", "a4-drukklaar", "a3-drukklaar"):
        data = kit.files[f"kit/affiches/activiteit-klimaatmarkt-{variant}.pdf"]
        text = " ".join(pdf_text(data, tmp_path).split())
        for item in (
            "de stand van Zonnig Asse, met de energiecoaches van de groepsaankoop dakisolatie;",
            "een elektrische deelauto om te testen;",
            "een hersteltafel van Herstelcafé Asse, waar je je kapotte spullen kunt laten "
            "nakijken;",
            "gratis advies over regenwaterputten en regentonnen;",
            "plantjes, zaaigoed en moestuintips.",
            "De toegang is gratis, je hoeft je niet in te schrijven.",
        ):
            assert item in text, (variant, item)
        # The place once, though its address repeats its name.
        assert "Gemeenteplein, 1730 Asse" in text and "Gemeenteplein, Gemeenteplein" not in text
    # A web address breaks only after a "/", never at its hyphen.
    lines = pdf_text(kit.files["kit/affiches/activiteit-workshop-insectenhotel-a4.pdf"], tmp_path)
    url = [line.strip() for line in lines.splitlines() if "klimaat.asse.be/agenda" in line]
    assert url == ["https://klimaat.asse.be/agenda/"] or url == [
        "https://klimaat.asse.be/agenda/workshop-insectenhotel/"
    ]
    assert "workshop-\n" not in lines and not any(
        line.strip().endswith("workshop-") for line in lines.splitlines()
    )


def test_asse_readme_names_its_drawings_and_their_real_print_size(example) -> None:
    campaign, kit, _ = example
    if campaign.slug != "asse":
        pytest.skip("Asse's pictures are drawings")
    readme = kit.files["kit/LEESMIJ.txt"].decode("utf-8")
    assert "Maker: Illustratie" not in readme and "  Illustratie: Gemeente Asse\n" in readme
    assert "geen maker opgegeven" not in readme and "Maker:" not in readme  # logos: no line
    assert "Foto's" not in readme and "op A4 waar de foto groot genoeg is" not in readme
    # A 1600 px drawing prints 13.5 cm wide at 300 dpi, and says so.
    with Image.open(io.BytesIO(kit.files["kit/beelden/autodelen-druk.jpg"])) as image:
        assert image.size == (1600, 1067)
    assert (
        "  Voor druk: beelden/autodelen-druk.jpg, 1600 × 1067 px: 13,5 × 9,0 cm bij 300 dpi\n"
        in (readme)
    )
    assert '<h3 id="fotos">Tekeningen</h3>' in kit.page_html
    assert "Tekening “Tekening van een groene deelauto" in kit.page_html
    assert "Foto “" not in kit.page_html
    assert "drukklaar.pdf" in readme and "3 mm afloop" in kit.page_html


def test_example_documents_and_calendars(example) -> None:
    campaign, kit, _ = example
    for path, data in kit.files.items():
        if path.endswith(".docx"):
            document = docx.Document(io.BytesIO(data))
            assert campaign.municipality.name in "\n".join(p.text for p in document.paragraphs)
        elif path.endswith(".ics"):
            calendar = icalendar.Calendar.from_ical(data)
            assert calendar.walk("VEVENT")
        elif path.endswith((".jpg", ".png")):
            with Image.open(io.BytesIO(data)) as image:
                assert not image.getexif(), path


def test_example_warm_build_makes_nothing(example) -> None:
    campaign, kit, cache = example
    warm = build_kit(campaign, cache_dir=cache, stamp=STAMP)
    assert warm.cache_misses == 0
    assert warm.files == kit.files
