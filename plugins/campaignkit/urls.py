"""The URL contract: where every page and file of a microsite lives.

Page sources follow MkDocs' directory URLs (``acties/<slug>.md`` is served at
``acties/<slug>/``). Addresses here are relative to the microsite's root; :class:`Addresses`
turns them into the public, absolute addresses that QR codes, posters, texts, calendars and
social previews point to, with one rule for the public root.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Source paths of the pages.
HOME = "index.md"
ACTIONS = "acties/index.md"
AGENDA = "agenda/index.md"
PARTNERS = "partners.md"
ACCESSIBILITY = "toegankelijkheid.md"
PRIVACY = "privacy.md"
CAMPAIGN_ICS = "agenda.ics"
KIT_PAGE = "kit/index.md"
TEAMS = "ploegen/index.md"
RESULTS = "resultaten/index.md"
#: The results as open data, beside their page.
RESULTS_CSV = "resultaten/resultaten.csv"
RESULTS_JSON = "resultaten/resultaten.json"
NEWS = "nieuws/index.md"
#: The campaign's Atom feed of its published news (a portal has one of all campaigns).
NEWS_FEED = "nieuws.xml"

#: The portal's page of the shared libraries: their actions and partners, and who uses them.
LIBRARY_PAGE = "bibliotheek/index.md"

#: The communication kit's folder in the site (its page is ``kit/index.md``).
KIT_FOLDER = "kit"


def action_src(slug: str) -> str:
    return f"acties/{slug}.md"


def event_src(slug: str) -> str:
    return f"agenda/{slug}.md"


def team_src(slug: str) -> str:
    return f"ploegen/{slug}.md"


def event_ics(slug: str) -> str:
    return f"agenda/{slug}.ics"


def news_src(slug: str) -> str:
    return f"nieuws/{slug}.md"


def news_list_src(number: int) -> str:
    """The ``number``-th page of the news list: ``nieuws/``, then ``nieuws/pagina/2/``, ..."""
    return NEWS if number == 1 else f"nieuws/pagina/{number}.md"


def page_url(src_uri: str) -> str:
    """The URL of a page relative to the site root: ``acties/x.md`` -> ``acties/x/``."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def action_url(slug: str) -> str:
    """Where an action's page lives, relative to the site root (for QR codes and links)."""
    return page_url(action_src(slug))


def event_url(slug: str) -> str:
    """Where an event's page lives, relative to the site root (for QR codes and links)."""
    return page_url(event_src(slug))


def team_url(slug: str) -> str:
    """Where a team's page lives, relative to the site root (for QR codes and links)."""
    return page_url(team_src(slug))


def news_url(slug: str) -> str:
    """Where a news item's page lives, relative to the site root."""
    return page_url(news_src(slug))


def relative_url(from_url: str, target: str) -> str:
    """``target`` (relative to the site root) as seen from the page at ``from_url``.

    Both are root-relative; page URLs end in ``/`` (or are empty for the home page).
    """
    here = [part for part in from_url.split("/") if part]
    *folders, leaf = target.split("/")
    common = 0
    while common < min(len(here), len(folders)) and here[common] == folders[common]:
        common += 1
    parts = [".."] * (len(here) - common) + folders[common:] + [leaf]
    return "/".join(parts) or "./"


def zip_name(slug: str) -> str:
    """The kit archive's file name, e.g. ``asse-communicatiekit.zip``."""
    return f"{slug}-communicatiekit.zip"


def public_root(url: str | None) -> str | None:
    """The one rule for a public base address: exactly one trailing slash (``None`` stays)."""
    return url.rstrip("/") + "/" if url else None


def campaign_root(site_url: str | None, slug: str, portal_url: str | None = None) -> str | None:
    """A campaign's public root: its own ``site_url``, else its place in the portal
    (``<portal>/<slug>/``), else ``None`` (nothing printed can link to the site)."""
    if site_url:
        return public_root(site_url)
    if portal_url:
        return f"{public_root(portal_url)}{slug}/"
    return None


@dataclass(frozen=True)
class Addresses:
    """A microsite's absolute addresses; every one is ``None`` when it has no public root."""

    root: str | None

    def of(self, target: str) -> str | None:
        """``target`` (relative to the site root) as an absolute address."""
        return None if self.root is None else self.root + target

    def home(self) -> str | None:
        return self.root

    def action(self, slug: str) -> str | None:
        return self.of(action_url(slug))

    def event(self, slug: str) -> str | None:
        return self.of(event_url(slug))

    def team(self, slug: str) -> str | None:
        return self.of(team_url(slug))

    def news(self, slug: str) -> str | None:
        return self.of(news_url(slug))

    def news_feed(self) -> str | None:
        return self.of(NEWS_FEED)

    def event_calendar(self, slug: str) -> str | None:
        return self.of(event_ics(slug))

    def calendar_feed(self) -> str | None:
        return self.of(CAMPAIGN_ICS)

    def kit(self) -> str | None:
        return self.of(f"{KIT_FOLDER}/")

    def kit_zip(self, slug: str) -> str | None:
        return self.of(f"{KIT_FOLDER}/{zip_name(slug)}")
