"""The kit's part of the news: a social card and two ready texts (a social post and a
newsletter piece) for each published item, nothing of what is not published yet."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PIL import Image
from support.campaigns import write_campaign

from campaignkit.kit import Kit, build_kit, social_card_path
from campaignkit.kit.news_texts import shorten
from campaignkit.model import Campaign
from campaignkit.pages import build_site
from campaignkit.problems import CampaignError
from campaignkit.texts import LIMITS
from campaignkit.urls import news_src
from campaignkit.validation import load_campaign

#: 1 June 2027 in Belgium (22:30 UTC on 31 May is already 1 June there).
STAMP = datetime(2027, 5, 31, 22, 30, tzinfo=UTC)
LONG_TITLE = "Honderd straten, duizend planten en één groot feest in de hele gemeente: " + "x" * 40
LONG_SUMMARY = (
    "Een samenvatting die zo lang is dat ze in een bericht voor sociale media niet "
    "zou passen naast de titel en het adres van het bericht. "
) * 2
NEWS = {
    "lang": {"title": LONG_TITLE[:120], "date": "2027-05-01", "summary": LONG_SUMMARY[:300]},
    "juni": {"title": "Juni is begonnen", "date": "2027-06-01", "summary": "Het is juni."},
    "later": {"title": "Nog niet", "date": "2027-06-02", "summary": "Morgen pas."},
}


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Campaign:
    return load_campaign(write_campaign(tmp_path_factory.mktemp("campaigns"), news=NEWS))


@pytest.fixture(scope="module")
def kit(campaign: Campaign, tmp_path_factory: pytest.TempPathFactory) -> Kit:
    return build_kit(campaign, cache_dir=tmp_path_factory.mktemp("cache"), stamp=STAMP)


def zip_names(kit: Kit) -> set[str]:
    with zipfile.ZipFile(io.BytesIO(kit.archive)) as archive:
        return set(archive.namelist())


def test_each_published_item_has_a_card_in_both_sizes(kit: Kit) -> None:
    for slug in ("lang", "juni"):
        for size in ((1200, 630), (1080, 1080)):
            path = social_card_path("news", slug, size)
            with Image.open(io.BytesIO(kit.files[path])) as card:
                assert card.size == size
    assert not [path for path in kit.files if "later" in path]
    assert not [name for name in zip_names(kit) if "later" in name]


def test_each_published_item_has_a_social_post_and_a_newsletter_piece(kit: Kit) -> None:
    texts = {text.slug: text for text in kit.texts}
    assert "nieuws-later-sociaal" not in texts
    post, piece = texts["nieuws-juni-sociaal"], texts["nieuws-juni-nieuwsbrief"]
    url = "https://klimaat.zonnebeke.be/nieuws/juni/"
    assert post.channel == "social"
    assert post.plain.strip() == (
        f"📰 Nieuws uit Zonnebeke: Juni is begonnen\n\nHet is juni. Lees meer 👉 {url}"
    )
    assert post.title == "Nieuws voor sociale media: Juni is begonnen"
    assert piece.channel == "newsletter"
    assert piece.plain.splitlines()[0] == "Juni is begonnen"
    assert f"Het is juni. Lees het hele bericht op {url}." in piece.plain
    assert "Klimaat in je straat is een campagne van Zonnebeke." in piece.plain
    assert "kit/teksten/nieuws-juni-sociaal.txt" in kit.files
    assert "teksten/nieuws-juni-nieuwsbrief.docx" in zip_names(kit)
    assert "Juni is begonnen" in kit.page_html


def test_a_long_summary_is_shortened_to_fit_a_social_post_the_link_kept(kit: Kit) -> None:
    post = next(text for text in kit.texts if text.slug == "nieuws-lang-sociaal")
    plain = post.plain.strip()
    assert len(plain) <= LIMITS["social"]
    assert plain.endswith("👉 https://klimaat.zonnebeke.be/nieuws/lang/")
    assert "…" in plain
    newsletter = next(text for text in kit.texts if text.slug == "nieuws-lang-nieuwsbrief")
    assert LONG_SUMMARY[:300].strip() in " ".join(newsletter.plain.split())


@pytest.mark.parametrize(
    ("text", "length", "shortened"),
    [
        ("kort", 10, "kort"),
        ("een twee drie vier", 12, "een twee…"),
        ("een twee drie vier", 10, "een twee…"),
        ("een, twee drie", 6, "een…"),
        ("woord", 3, ""),
    ],
)
def test_shorten_cuts_at_a_word(text: str, length: int, shortened: str) -> None:
    assert shorten(text, length) == shortened
    assert len(shorten(text, length)) <= length


def test_a_news_page_shows_its_card_as_og_image(campaign: Campaign, kit: Kit) -> None:
    site = build_site(campaign, base_url=campaign.site_url, today=date(2027, 6, 1), kit=kit)
    page = site.page(news_src("juni"))
    root = "https://klimaat.zonnebeke.be/"
    assert page.og_image == root + social_card_path("news", "juni")
    assert page.og_image_alt  # the hero's alt: the card shows the hero photo


def test_a_kit_made_a_day_later_has_the_next_item(campaign: Campaign, tmp_path: Path) -> None:
    later = build_kit(campaign, cache_dir=tmp_path, stamp=STAMP, today=date(2027, 6, 2))
    assert social_card_path("news", "later") in later.files


OWN_POST = """\
    ---
    title: "Ons nieuws: {{ news.title }}"
    channel: social
    ---
    Nieuw op onze site: {{ news.title }}. {{ news.url }}
    """


def test_a_campaign_replaces_a_news_text_with_its_own(tmp_path: Path) -> None:
    folder = write_campaign(
        tmp_path / "campaigns",
        news={"juni": NEWS["juni"]},
        texts={"nieuws/sociaal.md": OWN_POST, "nieuws/whatsapp.md": OWN_POST},
    )
    kit = build_kit(load_campaign(folder), cache_dir=tmp_path / "cache", stamp=STAMP)
    texts = {text.slug: text for text in kit.texts}
    post = texts["nieuws-juni-sociaal"]
    url = "https://klimaat.zonnebeke.be/nieuws/juni/"
    assert post.plain.strip() == f"Nieuw op onze site: Juni is begonnen. {url}"
    assert post.title == "Ons nieuws: Juni is begonnen"
    assert not post.default
    assert texts["nieuws-juni-nieuwsbrief"].default  # the other built-in one stays
    assert "nieuws-juni-whatsapp" in texts  # a text of its own is made for every item
    assert "kit/teksten/nieuws-juni-sociaal.txt" in kit.files
    # The posting plan posts the campaign's own text on the item's day.
    assert "Nieuw op onze site" in kit.files["kit/planning/planning.csv"].decode("utf-8-sig")


def test_an_own_news_text_that_cannot_fit_is_a_located_problem(tmp_path: Path) -> None:
    too_long = OWN_POST.replace("Nieuw op onze site:", "Heel lang. " * 30)
    with pytest.raises(CampaignError) as error:
        load_campaign(
            write_campaign(
                tmp_path / "campaigns",
                news={"juni": NEWS["juni"]},
                texts={"nieuws/sociaal.md": too_long},
            )
        )
    [problem] = [p for p in error.value.problems if p.file.endswith("texts/nieuws/sociaal.md")]
    assert "280" in problem.message and "juni" in problem.message
    assert problem.line == 5
