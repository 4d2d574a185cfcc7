"""Atom 1.0 feeds of published news: one per campaign, and the portal's of every campaign.

Everything in a feed comes from the content, never from git or the build's clock: an entry's
id is a ``tag:`` URI (RFC 4151) made from the campaign's public host, the item's date, the
campaign and the item; ``published`` and ``updated`` are the item's ``date`` and ``updated``.
So a feed reader sees an item once, however often the site is rebuilt. feedgen writes the
XML (through lxml, which escapes all text); the content is the item's sanitised HTML.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator

from campaignkit import i18n
from campaignkit.fields import TIME_ZONE
from campaignkit.markup import render_markdown
from campaignkit.model import Campaign, NewsItem
from campaignkit.urls import NEWS, Addresses, page_url

#: The newest entries a feed carries; the news pages list every item.
FEED_ENTRIES = 50
_ZONE = ZoneInfo(TIME_ZONE)
#: Characters XML 1.0 cannot hold. The model refuses them in campaign text already; a feed
#: drops any that would still come, rather than fail or break the document.
_NOT_XML = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Entry:
    """One news item as a feed carries it."""

    id: str
    title: str
    url: str
    published: date
    updated: date
    summary: str
    html: str
    author: str


@dataclass(frozen=True)
class Feed:
    """A feed's own data: its id, title, language, where it and its site are."""

    id: str
    title: str
    url: str
    home: str
    language: str
    author: str
    #: When nothing is published yet: a day from the content (the campaign's start).
    since: date


def _text(value: str) -> str:
    return _NOT_XML.sub("", value)


def _moment(day: date) -> datetime:
    """A day as its first moment in Belgium: what a date in a campaign means."""
    return datetime.combine(day, time(0, 0), tzinfo=_ZONE)


def tag_uri(root: str, day: date, specific: str) -> str:
    """``tag:<host of root>,<day>:<specific>``: an id that stays as long as these do."""
    host = (urlsplit(root).hostname or "localhost").lower()
    return f"tag:{host},{day.isoformat()}:{specific}"


def entry(campaign: Campaign, item: NewsItem, root: str, *, title: str | None = None) -> Entry:
    """``item`` of ``campaign`` (whose public root is ``root``) as a feed entry."""
    return Entry(
        id=tag_uri(root, item.date, f"{campaign.slug}/nieuws/{item.slug}"),
        title=title or item.title,
        url=Addresses(root).news(item.slug) or root,
        published=item.date,
        updated=item.updated or item.date,
        summary=item.summary,
        html=render_markdown(item.body, heading_offset=0) if item.body else "",
        author=campaign.municipality.name,
    )


def atom(feed: Feed, entries: Sequence[Entry]) -> bytes:
    """The Atom document: ``entries`` newest first, at most :data:`FEED_ENTRIES`."""
    entries = sorted(entries, key=lambda e: (-e.published.toordinal(), e.id))[:FEED_ENTRIES]
    generator = FeedGenerator()
    generator.id(feed.id)
    generator.title(_text(feed.title))
    generator.author({"name": _text(feed.author)})
    generator.link(href=feed.home, rel="alternate", type="text/html")
    generator.link(href=feed.url, rel="self", type="application/atom+xml")
    generator.language(feed.language)
    generator.generator("campaignkit")
    newest = max((e.updated for e in entries), default=feed.since)
    generator.updated(_moment(newest))
    for item in entries:
        node = generator.add_entry(order="append")
        node.id(item.id)
        node.title(_text(item.title))
        node.link(href=item.url, rel="alternate", type="text/html")
        node.published(_moment(item.published))
        node.updated(_moment(item.updated))
        node.author({"name": _text(item.author)})
        node.summary(_text(item.summary))
        if item.html:
            node.content(_text(item.html), type="html")
    data: bytes = generator.atom_str(pretty=True)
    return data


def campaign_feed(campaign: Campaign, items: Sequence[NewsItem], root: str) -> bytes:
    """The feed of a campaign's published ``items``, its links under ``root``."""
    addresses = Addresses(root)
    words = i18n.labels(campaign.language)
    feed = Feed(
        id=tag_uri(root, campaign.period.start, f"{campaign.slug}/nieuws"),
        title=i18n.phrase(words["news_feed_title"], campaign.language, title=campaign.title),
        url=addresses.news_feed() or root,
        home=addresses.of(page_url(NEWS)) or root,
        language=campaign.language,
        author=campaign.municipality.name,
        since=campaign.period.start,
    )
    return atom(feed, [entry(campaign, item, root) for item in items])


@dataclass(frozen=True)
class Source:
    """A campaign of a portal, its public root and its published news."""

    campaign: Campaign
    root: str
    items: Sequence[NewsItem]


def portal_feed(sources: Sequence[Source], *, url: str, home: str, title: str) -> bytes:
    """The portal's feed: every campaign's published news, each title after its
    municipality. Its id is its own address (a portal has no date of its own); with
    nothing published, it was last updated when the first campaign started."""
    entries = [
        entry(
            source.campaign,
            item,
            source.root,
            title=f"{source.campaign.municipality.name}: {item.title}",
        )
        for source in sources
        for item in source.items
    ]
    since = min((source.campaign.period.start for source in sources), default=date(2000, 1, 1))
    feed = Feed(id=url, title=title, url=url, home=home, language="nl", author=title, since=since)
    return atom(feed, entries)
