"""The Atom feeds, read back by feedparser (a second, independent reader): valid, with ids
that never change, dates from the front matter, absolute links, escaped text and sanitised
content; the portal's feed of every campaign."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import feedparser
import pytest
from support.campaigns import write_campaign

from campaignkit.feeds import Entry, Feed, atom, campaign_feed
from campaignkit.model import Campaign
from campaignkit.news import published
from campaignkit.pages import build_site
from campaignkit.portal.index import build_portal
from campaignkit.urls import NEWS_FEED
from campaignkit.validation import load_campaign, load_campaign_settings

ROOT = "https://klimaat.zonnebeke.be/"
NEWS = {
    "eerste": {
        "title": "De eerste straten",
        "date": "2027-03-15",
        "summary": "Twintig straten zijn gestart.",
        "body": (
            "# Goed begin\n\n**Bedankt**, [meer](https://www.zonnebeke.be). <script>x()</script>\n"
        ),
    },
    "markt": {
        "title": "Foto's van de markt",
        "date": "2027-05-16",
        "updated": "2027-05-18",
        "summary": "Honderden bezoekers.",
    },
    "later": {"title": "Het slotfeest", "date": "2027-06-30", "summary": "Later."},
}


def parse(data: bytes) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


@pytest.fixture
def campaign(campaigns_dir: Path) -> Campaign:
    return load_campaign(write_campaign(campaigns_dir, news=NEWS), base=campaigns_dir.parent)


def feed_on(campaign: Campaign, day: date) -> bytes:
    return campaign_feed(campaign, published(campaign.news, day), ROOT)


def test_the_campaign_feed_is_valid_atom_with_absolute_links(campaign: Campaign) -> None:
    parsed = parse(feed_on(campaign, date(2027, 6, 1)))
    assert parsed.feed.title == "Nieuws van Klimaat in je straat"
    assert parsed.feed.id == "tag:klimaat.zonnebeke.be,2027-03-01:zonnebeke/nieuws"
    links = {link.rel: link.href for link in parsed.feed.links}
    assert links == {"alternate": ROOT + "nieuws/", "self": ROOT + NEWS_FEED}
    assert parsed.feed.language == "nl"
    assert parsed.feed.author == "Zonnebeke"
    # Newest first; the item of 30 June is not published on 1 June.
    assert [e.title for e in parsed.entries] == ["Foto's van de markt", "De eerste straten"]
    markt, eerste = parsed.entries
    assert markt.id == "tag:klimaat.zonnebeke.be,2027-05-16:zonnebeke/nieuws/markt"
    assert markt.link == ROOT + "nieuws/markt/"
    assert eerste.link == ROOT + "nieuws/eerste/"
    # Dates are the front matter's days, at midnight in Belgium.
    assert markt.published == "2027-05-16T00:00:00+02:00"
    assert markt.updated == "2027-05-18T00:00:00+02:00"
    assert eerste.updated == "2027-03-15T00:00:00+01:00"
    assert parsed.feed.updated == "2027-05-18T00:00:00+02:00"
    assert markt.summary == "Honderden bezoekers."


def test_content_is_the_sanitised_html_of_the_item(campaign: Campaign) -> None:
    eerste = parse(feed_on(campaign, date(2027, 6, 1))).entries[1]
    [content] = eerste.content
    assert content.type == "text/html"
    assert "<h2>Goed begin</h2>" in content.value
    assert "<strong>Bedankt</strong>" in content.value
    assert 'href="https://www.zonnebeke.be"' in content.value
    assert "<script>" not in content.value and "&lt;script&gt;" in content.value


def test_entry_ids_come_from_the_content_never_from_the_build(campaign: Campaign) -> None:
    on_the_day = feed_on(campaign, date(2027, 5, 16))
    weeks_later = feed_on(campaign, date(2027, 6, 29))
    # Nothing new was published in between: the feed is the same, byte for byte.
    assert on_the_day == weeks_later
    assert b"2027-06-29" not in weeks_later
    later = parse(feed_on(campaign, date(2027, 7, 1)))
    ids = {e.title: e.id for e in later.entries}
    assert ids["Foto's van de markt"] == parse(on_the_day).entries[0].id
    assert len(set(ids.values())) == 3


def test_nothing_published_is_a_valid_empty_feed(campaign: Campaign) -> None:
    parsed = parse(feed_on(campaign, date(2027, 1, 1)))
    assert parsed.entries == []
    assert parsed.feed.updated == "2027-03-01T00:00:00+01:00"  # the campaign's start


@pytest.mark.parametrize(
    "title",
    [
        "Einde ]]> van een CDATA-blok",
        "<b>vet</b> & <script>alert(1)</script>",
        "&amp; al een entiteit &#x3C;",
        "Een \x01stuur\x1fteken en \ufffe",
    ],
)
def test_text_cannot_break_the_xml(title: str) -> None:
    feed = Feed(
        id="tag:x.be,2027-01-01:x",
        title=title,
        url="https://x.be/nieuws.xml",
        home="https://x.be/",
        language="nl",
        author=title,
        since=date(2027, 1, 1),
    )
    entry = Entry(
        id="tag:x.be,2027-01-02:x/nieuws/a",
        title=title,
        url="https://x.be/nieuws/a/",
        published=date(2027, 1, 2),
        updated=date(2027, 1, 2),
        summary=title,
        html=f"<p>{title.replace('&', '&amp;').replace('<', '&lt;')}</p>",
        author=title,
    )
    parsed = parse(atom(feed, [entry]))
    shown = "".join(c for c in title if c >= " " and c != "\ufffe").strip()
    assert parsed.feed.title == shown
    assert parsed.entries[0].title == shown
    assert parsed.entries[0].summary == shown


def test_the_site_publishes_the_feed_and_links_it_only_with_a_public_address(
    campaign: Campaign,
) -> None:
    site = build_site(campaign, base_url=ROOT, today=date(2027, 6, 1))
    assert site.feed is not None
    assert (site.feed.title, site.feed.url) == ("Nieuws van Klimaat in je straat", NEWS_FEED)
    assert len(parse(site.asset(NEWS_FEED).content).entries) == 2
    private = build_site(campaign, base_url=None, today=date(2027, 6, 1))
    assert private.feed is None
    assert NEWS_FEED not in {asset.dest_uri for asset in private.assets}


def test_the_portal_feed_has_every_campaigns_news(campaigns_dir: Path) -> None:
    own = write_campaign(campaigns_dir, "zonnebeke", news=NEWS)
    member = write_campaign(
        campaigns_dir,
        "ieper",
        campaign={"municipality": {"name": "Ieper"}, "site_url": None},
        news={
            "start": {"title": "Ieper doet mee", "date": "2027-04-01", "summary": "Ja."},
            # A file with problems is left out here; the campaign's own build reports it.
            "kapot": {"title": "Kapot", "date": "2027-02-30", "summary": "Nee."},
        },
    )
    campaigns = [load_campaign_settings(folder) for folder in (own, member)]
    portal = build_portal(
        campaigns,
        title="Klimaatcampagnes",
        description="Alle campagnes.",
        site_url="https://campagnes.example.org/",
        today=date(2027, 6, 1),
    )
    assert portal.feed is not None
    assert portal.feed.url == NEWS_FEED
    parsed = parse(portal.asset(NEWS_FEED).content)
    assert parsed.feed.id == "https://campagnes.example.org/nieuws.xml"
    assert [(e.title, e.link) for e in parsed.entries] == [
        ("Zonnebeke: Foto's van de markt", ROOT + "nieuws/markt/"),
        ("Ieper: Ieper doet mee", "https://campagnes.example.org/ieper/nieuws/start/"),
        ("Zonnebeke: De eerste straten", ROOT + "nieuws/eerste/"),
    ]
    # The same item has the same id in its campaign's feed and in the portal's.
    assert parsed.entries[0].id == "tag:klimaat.zonnebeke.be,2027-05-16:zonnebeke/nieuws/markt"
    assert parsed.entries[1].id == "tag:campagnes.example.org,2027-04-01:ieper/nieuws/start"
    assert "nieuws.xml" in portal.pages[0].html
    without_address = build_portal(campaigns, title="K", description="D", today=date(2027, 6, 1))
    assert without_address.feed is None
