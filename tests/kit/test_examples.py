"""The example campaigns' kits, checked file by file: what a municipality would download."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import icalendar
import pytest
from kit_readers import STAMP, decode_png, decode_qr, needs_poppler, pdf_qr, pdf_text, svg_to_image
from PIL import Image

from campaignkit import i18n
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
            assert f"affiches/activiteit-{event.slug}-a4.pdf" in names
            assert f"affiches/activiteit-{event.slug}-a3.pdf" in names
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
        assert i18n.format_day(event.day, campaign.language) in text
        url = _addresses(campaign).event(event.slug)
        assert pdf_qr(data, tmp_path) == ([url] if url else [])


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
