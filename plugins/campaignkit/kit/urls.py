"""The microsite's canonical addresses, which texts, QR codes and posters point to.

These follow the site's URL contract; ``None`` everywhere when the campaign has no
``site_url`` (a site can still be built, but nothing printed can link to it).
"""

from __future__ import annotations

from campaignkit.model import Campaign

KIT_FOLDER = "kit"


def site_root(campaign: Campaign) -> str | None:
    """``campaign.site_url`` with exactly one trailing slash, or ``None``."""
    if not campaign.site_url:
        return None
    return campaign.site_url.rstrip("/") + "/"


def _join(campaign: Campaign, path: str) -> str | None:
    root = site_root(campaign)
    return None if root is None else root + path


def home_url(campaign: Campaign) -> str | None:
    return site_root(campaign)


def action_url(campaign: Campaign, slug: str) -> str | None:
    return _join(campaign, f"acties/{slug}/")


def event_url(campaign: Campaign, slug: str) -> str | None:
    return _join(campaign, f"agenda/{slug}/")


def event_calendar_url(campaign: Campaign, slug: str) -> str | None:
    return _join(campaign, f"agenda/{slug}.ics")


def calendar_feed_url(campaign: Campaign) -> str | None:
    return _join(campaign, "agenda.ics")


def kit_url(campaign: Campaign) -> str | None:
    return _join(campaign, f"{KIT_FOLDER}/")


def zip_name(campaign: Campaign) -> str:
    """The archive's file name, e.g. ``asse-communicatiekit.zip``."""
    return f"{campaign.slug}-communicatiekit.zip"


def zip_url(campaign: Campaign) -> str | None:
    return _join(campaign, f"{KIT_FOLDER}/{zip_name(campaign)}")
