"""Whole builds on two days: the same campaign shows other upcoming events, another phase and
more news, every page links the news feed, and the feed is valid Atom as feedparser reads it."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
from support.campaigns import EVENT, SLUG, write_campaign
from support.projects import build_site

PHASES = [
    {"title": "Inschrijven", "start": "2027-02-01", "end": "2027-04-30"},
    {"title": "Aan de slag", "start": "2027-05-01", "end": "2027-06-30"},
]
NEWS = {
    "inschrijven": {
        "title": "Inschrijven kan <nu> & ]]> hier",
        "date": "2027-02-01",
        "summary": "Schrijf je straat in.",
        "body": "Het **formulier** staat open.\n",
    },
    "straatfeest": {
        "title": "Terugblik op het straatfeest",
        "date": "2027-05-16",
        "summary": "Wat een feest.",
        "events": [EVENT],
    },
}
ROOT = "https://klimaat.zonnebeke.be/"


def epoch(year: int, month: int, day: int) -> str:
    """Midnight in Brussels that day (what the daily build uses), in summer time."""
    return str(int(datetime(year, month, day, tzinfo=UTC).timestamp()) - 2 * 3600)


def build(project: Path, site: Path, when: str) -> None:
    build_site(project, site, campaign=SLUG, epoch=when)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from support.projects import make_project

    project = make_project(tmp_path_factory.mktemp("news") / "project")
    write_campaign(project / "campaigns", campaign={"phases": PHASES}, news=NEWS)
    built = {}
    for name, when in (("april", epoch(2027, 4, 20)), ("may", epoch(2027, 5, 20))):
        built[name] = project / f"site-{name}"
        build(project, built[name], when)
    return built


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_the_same_campaign_on_two_days(sites: dict[str, Path]) -> None:
    april, may = read(sites["april"], "index.html"), read(sites["may"], "index.html")
    upcoming = re.compile(r'id="agenda">.*?</section>', re.S)
    street_party = "Klimaatwijkfeestcomité"
    assert street_party in upcoming.search(april).group()  # type: ignore[union-attr]
    assert street_party not in upcoming.search(may).group()  # type: ignore[union-attr]
    current = re.compile(r'aria-current="step">.*?<h3[^>]*>(.*?)</h3>', re.S)
    assert current.findall(april) == ["Inschrijven"]
    assert current.findall(may) == ["Aan de slag"]
    assert "Terugblik op het straatfeest" not in april
    assert "Terugblik op het straatfeest" in may
    assert not (sites["april"] / "nieuws" / "straatfeest").exists()
    assert (sites["may"] / "nieuws" / "straatfeest" / "index.html").is_file()


def test_every_page_links_the_feed_in_its_head(sites: dict[str, Path]) -> None:
    site = sites["may"]
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        if page.name == "404.html":
            continue
        # Relative to the page, as Material's own links are (it reads a sitemap.xml next to
        # every rel="alternate" link: the site's own, never another host's).
        up = "../" * (len(page.relative_to(site).parts) - 1)
        link = (
            '<link rel="alternate" type="application/atom+xml" title="Nieuws van Klimaat in je '
            f'straat" href="{up}nieuws.xml">'
        )
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        assert link in head, page
    menu = re.findall(r'href="nieuws/"[^>]*>\s*Nieuws\s*</a>', read(sites["may"], "index.html"))
    assert menu  # in the menu


def test_the_feed_as_a_reader_sees_it(sites: dict[str, Path]) -> None:
    parsed = feedparser.parse((sites["may"] / "nieuws.xml").read_bytes())
    assert not parsed.bozo
    assert [(e.title, e.link) for e in parsed.entries] == [
        ("Terugblik op het straatfeest", f"{ROOT}nieuws/straatfeest/"),
        ("Inschrijven kan <nu> & ]]> hier", f"{ROOT}nieuws/inschrijven/"),
    ]
    assert (
        parsed.entries[1].id == "tag:klimaat.zonnebeke.be,2027-02-01:zonnebeke/nieuws/inschrijven"
    )
    assert parsed.entries[1].content[0].value == "<p>Het <strong>formulier</strong> staat open.</p>"
    april = feedparser.parse((sites["april"] / "nieuws.xml").read_bytes())
    assert [e.id for e in april.entries] == [parsed.entries[1].id]


def test_a_news_page_has_its_card_as_og_image(sites: dict[str, Path]) -> None:
    page = read(sites["may"], "nieuws/straatfeest/index.html")
    card = f"{ROOT}kit/beelden/kaarten/nieuws-straatfeest-1200x630.jpg"
    assert f'<meta property="og:image" content="{card}">' in page
    assert (sites["may"] / "kit/beelden/kaarten/nieuws-straatfeest-1200x630.jpg").is_file()
    # The title with markup characters is escaped in the page and its head.
    item = read(sites["may"], "nieuws/inschrijven/index.html")
    assert "Inschrijven kan &lt;nu&gt; &amp; ]]&gt; hier" in item
    assert "<nu>" not in item


def test_without_a_public_address_there_is_no_feed_and_the_kit_says_why(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Atom needs absolute ids and links: a site without ``site_url`` (and no portal address)
    publishes no feed and links none, as feed plugins of other site generators do; its news
    pages are there as always, and the kit's notes say what the address would add."""
    from support.campaigns import OMIT
    from support.projects import make_project

    project = make_project(tmp_path_factory.mktemp("private") / "project")
    write_campaign(project / "campaigns", campaign={"site_url": OMIT}, news=NEWS)
    site = project / "site"
    build(project, site, epoch(2027, 5, 20))
    assert not (site / "nieuws.xml").exists()
    for page in site.rglob("*.html"):
        assert "application/atom+xml" not in page.read_text(encoding="utf-8"), page
    assert (site / "nieuws" / "straatfeest" / "index.html").is_file()
    readme = read(site, "kit/LEESMIJ.txt")
    assert "de website heeft geen nieuwsfeed (een Atom-feed heeft volledige webadressen" in readme
