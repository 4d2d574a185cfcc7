"""The portal's index page: every campaign, each linking to its microsite.

Pure like :mod:`campaignkit.pages`: campaigns in, a :class:`~campaignkit.pages.Site` out.
The microsites themselves are built separately, one per campaign, under ``<slug>/``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from campaignkit import i18n
from campaignkit.cache import Cache, Stored
from campaignkit.feeds import Source, portal_feed
from campaignkit.images import output_suffix, web_size
from campaignkit.library.reading import find_libraries
from campaignkit.library.usage import campaign_usage
from campaignkit.model import Campaign
from campaignkit.news import published, read_news
from campaignkit.pages import Asset, Link, PageSpec, Site
from campaignkit.pages.pictures import cached_web_image
from campaignkit.pages.render import ENVIRONMENT, headings
from campaignkit.pages.static import SCRIPT, STYLESHEET, bundled
from campaignkit.portal.network import network_page
from campaignkit.urls import NEWS_FEED, campaign_root, public_root

PORTAL_STYLESHEET = "assets/campaignkit/portal.css"
#: The portal's own colours: BBL-like green, readable white text (7.5:1).
PORTAL_PRIMARY = "#1f5f3a"
LOGO_WIDTH = 160


@dataclass(frozen=True)
class Entry:
    """One campaign as the portal shows it."""

    slug: str
    title: str
    tagline: str | None
    municipality: str
    period: str
    url: str
    logo: str | None
    logo_size: tuple[int, int] | None


def build_portal(
    campaigns: Sequence[Campaign],
    *,
    title: str,
    description: str,
    cache: Cache | None = None,
    site_url: str | None = None,
    today: date | None = None,
    base: Path | None = None,
    library_dirs: Sequence[Path] = (),
) -> Site:
    """The portal index of ``campaigns`` (sorted by municipality, then title); logos are
    kept in ``cache`` (the kit's) when it is given. With the portal's public address
    ``site_url`` and the build's day ``today``, also the feed of every campaign's news; with
    libraries in ``library_dirs``, their page (``bibliotheek/``)."""
    entries, assets = _entries(campaigns, cache)
    words = i18n.labels("nl")
    root = public_root(site_url)
    feed = None
    if root is not None and today is not None:  # a feed's links are absolute
        feed = Link(i18n.phrase(words["news_feed_title"], "nl", title=title), NEWS_FEED)
        assets.append(Asset(NEWS_FEED, news_feed(campaigns, root, today, base, title=feed.title)))
    libraries = find_libraries(library_dirs, base)
    usages = [campaign_usage(Path(c.folder)) for c in campaigns if c.folder]
    network = network_page(campaigns, libraries, usages)
    html = ENVIRONMENT.get_template("portal.html").render(
        title=title, description=description, entries=entries, feed=feed, network=network
    )
    index = PageSpec(
        src_uri="index.md",
        title=title,
        description=description,
        html=html,
        in_nav=False,
        hide=("navigation", "toc"),
        headings=headings(html),  # the title is the skip link's target
    )
    assets += [
        Asset(STYLESHEET, bundled("campaignkit.css")),
        Asset(PORTAL_STYLESHEET, portal_css().encode()),
        Asset(SCRIPT, bundled("campaignkit.js")),
    ]
    return Site(
        language="nl",
        title=title,
        description=description,
        pages=(index,) if network is None else (index, network),
        assets=tuple(assets),
        stylesheets=(STYLESHEET, PORTAL_STYLESHEET),
        scripts=(SCRIPT,),
        logo=None,
        favicon=None,
        footer_links=(),
        footer_label=words["site_info"],
        organiser=title,
        organiser_url=None,
        contact_email="",
        feed=feed,
    )


def _entries(campaigns: Sequence[Campaign], cache: Cache | None) -> tuple[list[Entry], list[Asset]]:
    """The campaigns as the index lists them, and their logos' files."""
    assets: list[Asset] = []
    entries = []
    for campaign in sorted(campaigns, key=lambda c: (c.municipality.name.lower(), c.title)):
        logo = size = None
        if campaign.branding.logo:
            source = Path(campaign.folder) / campaign.branding.logo
            kept = cached_web_image(cache, source, LOGO_WIDTH)
            data = kept.read() if isinstance(kept, Stored) else kept
            suffix = output_suffix(source)
            digest = hashlib.sha256(data).hexdigest()[:10]
            logo = f"assets/campaignkit/portal/{campaign.slug}-{digest}{suffix}"
            size = web_size(source, LOGO_WIDTH)
            assets.append(Asset.of(logo, kept))
        entries.append(
            Entry(
                slug=campaign.slug,
                title=campaign.title,
                tagline=campaign.tagline,
                municipality=campaign.municipality.name,
                period=i18n.format_period(
                    campaign.period.start, campaign.period.end, campaign.language
                ),
                url=f"{campaign.slug}/",
                logo=logo,
                logo_size=size,
            )
        )
    return entries, assets


def news_feed(
    campaigns: Sequence[Campaign], root: str, today: date, base: Path | None, *, title: str
) -> bytes:
    """The feed of every campaign's news published by ``today``. The portal checks only
    ``campaign.yml``: a news file with problems is left out here, and the campaign's own
    build, which checks every file, fails with its located problems."""
    sources = []
    for campaign in campaigns:
        files, _ = read_news(Path(campaign.folder), base)
        items = published((file.item for file in files if file.item is not None), today)
        campaign_url = campaign_root(campaign.site_url, campaign.slug, root)
        assert campaign_url is not None  # the portal has an address
        sources.append(Source(campaign, campaign_url, items))
    return portal_feed(sources, url=root + NEWS_FEED, home=root, title=title)


def portal_css() -> str:
    return "\n".join(
        [
            "/* Generated by campaignkit: the portal's colours. */",
            ':root, [data-md-color-scheme="default"] {',
            f"  --md-primary-fg-color: {PORTAL_PRIMARY};",
            f"  --md-primary-fg-color--dark: {PORTAL_PRIMARY};",
            "  --md-primary-bg-color: #ffffff;",
            f"  --md-accent-fg-color: {PORTAL_PRIMARY};",
            f"  --md-typeset-a-color: {PORTAL_PRIMARY};",
            f"  --ck-brand: {PORTAL_PRIMARY};",
            "  --ck-brand-soft: #eef6f0;",
            f"  --ck-accent: {PORTAL_PRIMARY};",
            "}",
            "",
        ]
    )


__all__ = ["Entry", "Link", "build_portal", "portal_css"]
