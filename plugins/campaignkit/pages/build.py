"""A campaign's microsite assembled: its pages in site order, then its files."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from campaignkit import i18n
from campaignkit.cache import Cache
from campaignkit.feeds import campaign_feed
from campaignkit.model import Campaign
from campaignkit.pages.actions import action_list, action_page
from campaignkit.pages.agenda import agenda, event_page
from campaignkit.pages.calendars import calendars
from campaignkit.pages.context import SiteContext, site_context
from campaignkit.pages.home import home, site_description
from campaignkit.pages.kit_page import kit_page
from campaignkit.pages.news import news_list, news_page
from campaignkit.pages.partners import partners
from campaignkit.pages.results import has_results, results, results_files
from campaignkit.pages.site import Asset, Link, PageSpec, Site
from campaignkit.pages.statements import accessibility, privacy
from campaignkit.pages.static import (
    BRANDING_STYLESHEET,
    KIT_SCRIPT,
    SCRIPT,
    STYLESHEET,
    TEAMS_STYLESHEET,
    branding_css,
    bundled,
)
from campaignkit.pages.teams import team_list, team_page
from campaignkit.urls import ACCESSIBILITY, KIT_PAGE, NEWS_FEED, PRIVACY, page_url

if TYPE_CHECKING:
    from campaignkit.kit import Kit


def build_site(
    campaign: Campaign,
    *,
    base_url: str | None,
    today: date,
    stamp: datetime | None = None,
    kit: Kit | None = None,
    cache_dir: Path | None = None,
    provenance: bool = True,
) -> Site:
    """All pages and files of a campaign's microsite.

    ``base_url`` is the public address (for calendar links and social previews; relative
    links never use it), ``today`` splits upcoming from past events, and ``stamp`` is the
    calendar files' DTSTAMP (midnight UTC of ``today`` unless given). Web images are kept in
    ``cache_dir`` (the kit's cache) for the next build when it is given; ``provenance``
    puts the line "Actiefiche: <library>" on a page taken from a library. Same input, same
    output, byte for byte.
    """
    if stamp is None:
        stamp = datetime.combine(today, time(0, 0), tzinfo=UTC)
    cache = Cache(cache_dir) if cache_dir is not None else None
    context = site_context(
        campaign,
        base_url=base_url,
        today=today,
        stamp=stamp,
        kit=kit,
        cache=cache,
        provenance=provenance,
    )
    return _site(context, _pages(context), _assets(context))


def _pages(context: SiteContext) -> list[PageSpec]:
    """Every page, in the order of the site's navigation."""
    pages = [
        home(context),
        action_list(context),
        *(action_page(context, action) for action in context.campaign.actions),
        *_team_pages(context),
        agenda(context),
        *(event_page(context, event) for event in context.events),
        *news_list(context),
        *(news_page(context, item) for item in context.news),
        partners(context),
        accessibility(context),
        privacy(context),
    ]
    if context.kit is not None:
        pages.append(kit_page(context))
    return pages


def _team_pages(context: SiteContext) -> list[PageSpec]:
    """The teams, each team and the results: only for a campaign with teams."""
    if not context.campaign.teams:
        return []
    pages = [team_list(context), *(team_page(context, team) for team in context.campaign.teams)]
    if has_results(context):
        pages.append(results(context))
    return pages


def _assets(context: SiteContext) -> list[Asset]:
    files = context.pictures.files
    assets = [
        *(Asset.of(dest, data) for dest, data in sorted(files.items())),
        *calendars(context),
        Asset(STYLESHEET, bundled("campaignkit.css")),
        Asset(BRANDING_STYLESHEET, branding_css(context.campaign).encode()),
        Asset(SCRIPT, bundled("campaignkit.js")),
    ]
    if has_results(context):
        assets += results_files(context)
    if context.campaign.teams:
        assets.append(Asset(TEAMS_STYLESHEET, bundled("participation.css")))
    root = context.addresses.root
    if root is not None:  # a feed's links are absolute: only with a public address
        assets.append(Asset(NEWS_FEED, campaign_feed(context.campaign, context.news, root)))
    if context.kit is not None:
        # Files the kit cache holds are linked from there, never read into memory.
        kit = context.kit
        assets += [Asset.of(path, kit.files.kept(path)) for path in kit.files]
        assets.append(Asset(KIT_SCRIPT, bundled("kit.js")))
    return assets


def _site(context: SiteContext, pages: list[PageSpec], assets: list[Asset]) -> Site:
    campaign, words = context.campaign, context.words
    scripts: tuple[str, ...] = (SCRIPT,)
    stylesheets: tuple[str, ...] = (STYLESHEET, BRANDING_STYLESHEET)
    if campaign.teams:
        stylesheets += (TEAMS_STYLESHEET,)
    footer = [
        Link(words["accessibility"], page_url(ACCESSIBILITY)),
        Link(words["privacy"], page_url(PRIVACY)),
    ]
    if context.kit is not None:
        scripts += (KIT_SCRIPT,)
        footer.append(Link(words["kit"], page_url(KIT_PAGE)))
    feed = None
    if context.addresses.root is not None:
        title = i18n.phrase(words["news_feed_title"], context.language, title=campaign.title)
        feed = Link(title, NEWS_FEED)
    return Site(
        language=context.language,
        title=campaign.title,
        description=site_description(campaign),
        pages=tuple(pages),
        assets=tuple(assets),
        stylesheets=stylesheets,
        scripts=scripts,
        logo=context.pictures.logo,
        favicon=context.pictures.favicon,
        footer_links=tuple(footer),
        footer_label=words["site_info"],
        organiser=campaign.municipality.name,
        organiser_url=context.organiser_url,
        contact_email=campaign.contact.email,
        feed=feed,
    )
