"""The portal's ``/bibliotheek/``: every library action with the campaigns that run it, and
the library's partners with the campaigns they work in (a coaching network's view)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from campaignkit.library.reading import Libraries
from campaignkit.library.records import Library
from campaignkit.library.usage import Usage
from campaignkit.markup import safe_url
from campaignkit.model import Campaign
from campaignkit.pages import PageSpec
from campaignkit.pages.render import ENVIRONMENT, headings
from campaignkit.problems import CampaignError, Problem
from campaignkit.urls import LIBRARY_PAGE, PARTNERS, action_url, page_url

#: How a placeholder reads in a title shown outside any campaign.
_GENERIC = {"municipality.name": "[gemeente]", "campaign.title": "[campagne]"}
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_.]+)\s*\}\}")


@dataclass(frozen=True)
class User:
    """A campaign that uses a library item, with the address of its page."""

    municipality: str
    title: str
    url: str


@dataclass(frozen=True)
class Row:
    slug: str
    title: str
    url: str | None
    users: tuple[User, ...]


@dataclass(frozen=True)
class Section:
    library: Library
    actions: tuple[Row, ...]
    partners: tuple[Row, ...]


def network_page(
    campaigns: Sequence[Campaign], libraries: Libraries, usages: Sequence[Usage]
) -> PageSpec | None:
    """The page, or ``None`` when there is no library."""
    if not libraries.by_slug:
        return None
    clash = next((c for c in campaigns if c.slug == page_url(LIBRARY_PAGE).strip("/")), None)
    if clash is not None:
        raise CampaignError(
            [
                Problem(
                    f"campaigns/{clash.slug}/campaign.yml",
                    1,
                    1,
                    f"Een campagne kan niet '{clash.slug}' heten: het portaal toont op "
                    f"/{clash.slug}/ de bibliotheek.",
                    "Geef de campagnemap een andere naam.",
                )
            ]
        )
    by_slug = {c.slug: c for c in campaigns}
    sections = [
        _section(library, by_slug, usages)
        for _, library in sorted(libraries.by_slug.items())
        if library.name
    ]
    title = "Bibliotheek"
    description = (
        "Alle acties en partners van de gedeelde bibliotheek, en de campagnes die ze gebruiken."
    )
    html = ENVIRONMENT.get_template("library.html").render(
        title=title, description=description, sections=sections, safe_url=safe_url
    )
    return PageSpec(
        src_uri=LIBRARY_PAGE,
        title=title,
        description=description,
        html=html,
        in_nav=False,
        hide=("navigation", "toc"),
        headings=headings(html),
    )


def _section(library: Library, campaigns: dict[str, Campaign], usages: Sequence[Usage]) -> Section:
    def rows(items: dict[str, Any], kind: str) -> tuple[Row, ...]:
        found = []
        for slug, item in sorted(items.items()):
            data = item.document.data if isinstance(item.document.data, dict) else {}
            users = []
            for usage in usages:
                used = getattr(usage, kind).get((library.slug, slug))
                campaign = campaigns.get(usage.slug)
                if used is None or campaign is None:
                    continue
                target = action_url(used[0]) if kind == "actions" else page_url(PARTNERS)
                users.append(
                    User(campaign.municipality.name, campaign.title, f"../{campaign.slug}/{target}")
                )
            name = data.get("title" if kind == "actions" else "name")
            url = data.get("url") if kind == "partners" else None
            found.append(
                Row(
                    slug,
                    _generic(name if isinstance(name, str) else slug),
                    url if isinstance(url, str) else None,
                    tuple(sorted(users, key=lambda u: u.municipality.lower())),
                )
            )
        return tuple(found)

    return Section(library, rows(library.actions, "actions"), rows(library.partners, "partners"))


def _generic(text: str) -> str:
    return _PLACEHOLDER.sub(lambda m: _GENERIC.get(m.group(1), "…"), text)
