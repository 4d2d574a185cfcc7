"""Campaign to microsite: every page and file as plain data. Nothing here imports MkDocs.

:func:`build_site` turns a validated :class:`~campaignkit.model.Campaign` into page specs
(body HTML rendered from the Jinja templates in ``templates/``, autoescaped) and assets
(calendar files, stylesheets, script, re-encoded images). The MkDocs plugin only hands
them over; printed QR codes point at the URLs defined here, so they must stay stable.

Every link in a body is relative to the page's own URL, so a site works at a domain root
and under a prefix alike.
"""

from __future__ import annotations

import colorsys
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from html import unescape
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote_plus, urlsplit

import jinja2
from markupsafe import Markup

from campaignkit import branding, i18n
from campaignkit.cache import Cache, Stored, file_digest
from campaignkit.calendar import calendar_files, google_calendar_url, outlook_calendar_url
from campaignkit.images import output_suffix, resolve_inside, web_image, web_size
from campaignkit.markup import plain_text, render_markdown, safe_url
from campaignkit.model import Action, Campaign, Event
from campaignkit.problems import CampaignError, Problem
from campaignkit.urls import (
    ACCESSIBILITY,
    ACTIONS,
    AGENDA,
    CAMPAIGN_ICS,
    HOME,
    KIT_PAGE,
    PARTNERS,
    PRIVACY,
    Addresses,
    action_src,
    action_url,
    event_ics,
    event_src,
    event_url,
    page_url,
    relative_url,
)

if TYPE_CHECKING:
    from campaignkit.kit import Kit

ASSET_DIR = "assets/campaignkit"
STYLESHEET = f"{ASSET_DIR}/campaignkit.css"
BRANDING_STYLESHEET = f"{ASSET_DIR}/branding.css"
SCRIPT = f"{ASSET_DIR}/campaignkit.js"
KIT_SCRIPT = f"{ASSET_DIR}/kit.js"

#: Widths (CSS pixels times device pixel ratio) each kind of image is offered at.
HERO_WIDTHS = (640, 1024, 1600)
ACTION_WIDTHS = (480, 960)
PARTNER_WIDTHS = (320,)
LOGO_WIDTHS = (192,)
FAVICON_WIDTHS = (64,)

HERO_SIZES = "(min-width: 76.25em) 1220px, 100vw"
CARD_SIZES = "(min-width: 76.25em) 380px, (min-width: 45em) 50vw, 100vw"

_STATUS_ORDER = {"running": 0, "planned": 1, "done": 2}
FEATURED_ACTIONS = 6
UPCOMING_ON_HOME = 3


def build_date(source_date_epoch: str | None) -> datetime:
    """The moment of the build: ``SOURCE_DATE_EPOCH`` when set (reproducible), else now (UTC)."""
    if source_date_epoch and source_date_epoch.strip().isdigit():
        return datetime.fromtimestamp(int(source_date_epoch.strip()), tz=UTC)
    return datetime.now(tz=UTC)


@dataclass(frozen=True)
class Heading:
    """A heading with an id in a page body: the table of contents and the skip link use it."""

    level: int
    id: str
    title: str
    children: tuple[Heading, ...] = ()


@dataclass(frozen=True)
class PageSpec:
    """One page: where it lives, its plain-text title and description, and its body HTML."""

    src_uri: str
    title: str
    description: str
    html: str
    in_nav: bool = False
    nav_title: str | None = None
    template: str | None = None
    og_image: str | None = None
    og_image_alt: str | None = None
    headings: tuple[Heading, ...] = ()
    hide: tuple[str, ...] = ()
    #: In the site's search index. The kit page is not: it is for communication officers
    #: (linked in the footer), and its text templates would answer residents' searches.
    searchable: bool = True

    @property
    def url(self) -> str:
        return page_url(self.src_uri)


@dataclass(frozen=True)
class Asset:
    """A file copied into the site as is."""

    dest_uri: str
    #: The bytes; may be left empty when ``origin`` holds them (see :attr:`content`).
    data: bytes
    #: A stored file with exactly these bytes (from the kit cache), to link instead of write.
    origin: Path | None = None

    @property
    def content(self) -> bytes:
        return self.data if self.data or self.origin is None else self.origin.read_bytes()

    @classmethod
    def of(cls, dest_uri: str, data: bytes | Stored) -> Asset:
        """Bytes made now, or a file the kit cache holds: linked into the site, not read."""
        return cls(dest_uri, b"", data.path) if isinstance(data, Stored) else cls(dest_uri, data)


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Site:
    """Everything MkDocs needs to publish one campaign."""

    language: str
    title: str
    description: str
    pages: tuple[PageSpec, ...]
    assets: tuple[Asset, ...]
    stylesheets: tuple[str, ...]
    scripts: tuple[str, ...]
    logo: str | None
    favicon: str | None
    footer_links: tuple[Link, ...]
    footer_label: str
    organiser: str
    organiser_url: str | None
    contact_email: str

    def page(self, src_uri: str) -> PageSpec:
        return next(page for page in self.pages if page.src_uri == src_uri)

    def asset(self, dest_uri: str) -> Asset:
        return next(asset for asset in self.assets if asset.dest_uri == dest_uri)


@dataclass(frozen=True)
class Picture:
    """A re-encoded image in one or more widths, with what a template needs to show it."""

    sources: tuple[tuple[str, int], ...]
    width: int
    height: int
    alt: str
    credit: str | None = None
    position: str | None = None
    licence: str | None = None

    @property
    def src(self) -> str:
        return self.sources[-1][0]


def build_site(
    campaign: Campaign,
    *,
    base_url: str | None,
    today: date,
    stamp: datetime | None = None,
    kit: Kit | None = None,
    cache_dir: Path | None = None,
) -> Site:
    """All pages and files of a campaign's microsite.

    ``base_url`` is the public address (for calendar links and social previews; relative
    links never use it), ``today`` splits upcoming from past events, and ``stamp`` is the
    calendar files' DTSTAMP (midnight UTC of ``today`` unless given). Web images are kept in
    ``cache_dir`` (the kit's cache) for the next build when it is given. Same input, same
    output, byte for byte.
    """
    if stamp is None:
        stamp = datetime.combine(today, time(0, 0), tzinfo=UTC)
    cache = Cache(cache_dir) if cache_dir is not None else None
    return _SiteBuilder(
        campaign, base_url=base_url, today=today, stamp=stamp, kit=kit, cache=cache
    ).build()


def cached_web_image(cache: Cache | None, path: Path, width: int) -> bytes | Stored:
    """:func:`~campaignkit.images.web_image`, kept in ``cache`` when there is one (then
    the stored file is returned, not read)."""
    if cache is None:
        return web_image(path, width)
    return cache.stored(
        "web-image",
        {"source": file_digest(path), "width": width, "suffix": output_suffix(path)},
        lambda: web_image(path, width),
    )


def branding_css(campaign: Campaign) -> str:
    """Material's colour variables from the campaign's brand colours, readable on white."""
    primary = branding.nearest_readable(campaign.branding.primary.lower())
    accent = branding.nearest_readable((campaign.branding.accent or primary).lower())
    link = branding.nearest_readable(branding.shade(primary, -0.04), minimum=5.5)
    lines = [
        "/* Generated by campaignkit from the branding in campaign.yml. */",
        ':root, [data-md-color-scheme="default"] {',
        f"  --md-primary-fg-color: {primary};",
        f"  --md-primary-fg-color--light: {branding.shade(primary, 0.12)};",
        f"  --md-primary-fg-color--dark: {branding.shade(primary, -0.1)};",
        "  --md-primary-bg-color: #ffffff;",
        "  --md-primary-bg-color--light: #ffffff;",
        f"  --md-accent-fg-color: {accent};",
        f"  --md-accent-fg-color--transparent: {accent}1a;",
        "  --md-accent-bg-color: #ffffff;",
        "  --md-accent-bg-color--light: #ffffff;",
        f"  --md-typeset-a-color: {link};",
        f"  --ck-brand: {primary};",
        f"  --ck-brand-soft: {_tint(primary, 0.94)};",
        f"  --ck-accent: {accent};",
        "}",
        "",
    ]
    return "\n".join(lines)


def _tint(colour: str, lightness: float) -> str:
    """The same hue at the given HLS lightness: a pale background that goes with the brand."""
    value = colour.lstrip("#")
    red, green, blue = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return branding.shade(colour, lightness - colorsys.rgb_to_hls(red, green, blue)[1])


def _static(name: str) -> bytes:
    return resources.files("campaignkit").joinpath("assets", name).read_bytes()


_ENVIRONMENT = jinja2.Environment(
    loader=jinja2.PackageLoader("campaignkit", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_ENVIRONMENT.globals["phrase"] = i18n.phrase


# Page bodies come from our templates and from nh3-cleaned Markdown, whose attributes are
# always double-quoted and which never carries an id: a pattern finds the headings as an
# HTML parser would, in a fraction of the time.
_HEADING = re.compile(r'<h([1-3])\s[^>]*?(?<=\s)id="([^"]*)"[^>]*>(.*?)</h\1\s*>', re.S)
_TAG = re.compile(r"<[^>]*>")


def headings(html: str) -> tuple[Heading, ...]:
    """The outline of a body: h1-h3 elements with an id, nested by level, with their text."""
    found = [
        (int(level), unescape(ident), " ".join(unescape(_TAG.sub("", inner)).split()))
        for level, ident, inner in _HEADING.findall(html)
        if ident
    ]

    def nest(items: list[tuple[int, str, str]]) -> tuple[Heading, ...]:
        result: list[Heading] = []
        index = 0
        while index < len(items):
            level, ident, title = items[index]
            end = index + 1
            while end < len(items) and items[end][0] > level:
                end += 1
            result.append(Heading(level, ident, title, nest(items[index + 1 : end])))
            index = end
        return tuple(result)

    return nest(found)


def outlined_markdown(text: str) -> str:
    """Markdown under a page's h1: the text's own top heading level becomes h2.

    Coaches write ``#`` or ``##`` for their first heading; either way the outline of
    the page goes h1, h2, h3 without a gap.
    """
    html = render_markdown(text, heading_offset=1)
    levels = [int(level) for level in re.findall(r"<h([2-6])[\s>]", html)]
    if levels and min(levels) > 2:
        html = render_markdown(text, heading_offset=1 - (min(levels) - 2))
    return html


def _sort_key(event: Event) -> tuple[datetime, str]:
    start = (
        event.start if isinstance(event.start, datetime) else datetime.combine(event.day, time())
    )
    return (start, event.slug)


def is_past(event: Event, today: date) -> bool:
    """Whether an event is over on ``today`` (an event on today is still upcoming)."""
    last_day = event.ends_at.date() if event.ends_at else event.day
    return last_day < today


def _iso(event: Event) -> str:
    if isinstance(event.start, datetime):
        return event.start.strftime("%Y-%m-%dT%H:%M")
    return event.day.isoformat()


def _safe_name(relative: str) -> str:
    """A web-safe path under ``images/`` for a campaign image path."""
    path = relative.removeprefix("images/")
    cleaned = re.sub(r"[^a-z0-9/._-]+", "-", path.lower()).strip("-")
    cleaned = "/".join(part.strip(".-") or "image" for part in cleaned.split("/"))
    return cleaned.rsplit(".", 1)[0]


class _Images:
    """Re-encodes campaign images once per width and names them under ``images/``; with a
    ``cache``, an image made by an earlier build is taken from it."""

    def __init__(self, folder: Path, cache: Cache | None = None) -> None:
        self.folder = folder
        self.cache = cache
        self.assets: dict[str, bytes | Stored] = {}
        self._owner: dict[str, str] = {}
        self._names: dict[str, str] = {}

    def _stem(self, relative: str) -> str:
        if relative not in self._names:
            stem, counter = _safe_name(relative), 1
            taken = set(self._names.values())
            candidate = stem
            while candidate in taken:
                counter += 1
                candidate = f"{stem}-{counter}"
            self._names[relative] = candidate
        return self._names[relative]

    def picture(
        self,
        relative: str,
        widths: Iterable[int],
        *,
        alt: str,
        credit: str | None = None,
        focus: tuple[float, float] | None = None,
        licence: str | None = None,
    ) -> Picture:
        path = resolve_inside(self.folder, relative)
        suffix = output_suffix(path)
        sources: list[tuple[str, int]] = []
        size = (0, 0)
        for width in sorted(set(widths)):
            size = web_size(path, width)
            dest = f"images/{self._stem(relative)}-{size[0]}{suffix}"
            if dest not in self.assets:
                self.assets[dest] = cached_web_image(self.cache, path, width)
            if (dest, size[0]) not in sources:
                sources.append((dest, size[0]))
        position = f"{focus[0] * 100:.0f}% {focus[1] * 100:.0f}%" if focus else None
        return Picture(tuple(sources), size[0], size[1], alt, credit, position, licence)


class _Format:
    """Dates, times and labels in the campaign's language, for templates."""

    def __init__(self, campaign: Campaign) -> None:
        self.language = campaign.language
        self._themes = {theme.id: theme.title for theme in campaign.theme_list}

    def day(self, value: date) -> str:
        return i18n.format_day(value, self.language)

    def day_short(self, value: date) -> str:
        return i18n.format_day_short(value, self.language)

    def time(self, value: datetime) -> str:
        return i18n.format_time(value, self.language)

    def when(self, event: Event) -> str:
        return i18n.format_event_when(event, self.language)

    def period(self, start: date, end: date) -> str:
        return i18n.format_period(start, end, self.language)

    def date(self, value: date) -> str:
        return i18n.format_date(value, self.language)

    def month(self, value: date) -> str:
        return i18n.format_month_short(value, self.language)

    def iso(self, event: Event) -> str:
        return _iso(event)

    def theme(self, theme_id: str) -> str:
        return self._themes.get(theme_id, theme_id)

    def audience(self, audience: str) -> str:
        return i18n.audience_label(audience, self.language)

    def effort(self, effort: str) -> str:
        return i18n.effort_label(effort, self.language)

    def action_status(self, status: str) -> str:
        return i18n.action_status_label(status, self.language)

    def event_status(self, status: str) -> str:
        return i18n.event_status_label(status, self.language)


class _SiteBuilder:
    def __init__(
        self,
        campaign: Campaign,
        *,
        base_url: str | None,
        today: date,
        stamp: datetime,
        kit: Kit | None = None,
        cache: Cache | None = None,
    ) -> None:
        self.campaign = campaign
        self.kit = kit
        self.language = campaign.language
        self.words = i18n.labels(campaign.language)
        self.format = _Format(campaign)
        self.base_url = base_url.rstrip("/") + "/" if base_url else None
        self.today = today
        self.stamp = stamp
        self.images = _Images(Path(campaign.folder), cache)
        self.organiser_url = safe_url(campaign.municipality.website)
        self._check_slugs()
        self.events = tuple(sorted(campaign.events, key=_sort_key))
        self.actions = tuple(
            sorted(
                campaign.actions,
                key=lambda a: (_STATUS_ORDER[a.status], campaign.actions.index(a)),
            )
        )
        self.events_of: dict[str, tuple[Event, ...]] = {
            action.slug: tuple(
                event
                for event in self.events
                if event.slug in action.events or action.slug in event.actions
            )
            for action in campaign.actions
        }
        self.actions_of: dict[str, tuple[Action, ...]] = {
            event.slug: tuple(
                action
                for action in campaign.actions
                if action.slug in event.actions or event.slug in action.events
            )
            for event in campaign.events
        }

    def _check_slugs(self) -> None:
        problems = [
            Problem(
                f"{folder}/index.yml",
                1,
                1,
                "De naam 'index' is voorbehouden voor de overzichtspagina.",
                f"Geef het bestand een andere naam, bv. '{folder}/{kind}.yml'.",
            )
            for folder, kind, items in (
                ("actions", "mijn-actie", self.campaign.actions),
                ("events", "mijn-activiteit", self.campaign.events),
            )
            if any(item.slug == "index" for item in items)
        ]
        if problems:
            raise CampaignError(problems)

    # -- helpers shared by the templates ------------------------------------------------

    def absolute(self, target: str) -> str | None:
        return f"{self.base_url}{target}" if self.base_url else None

    def markdown(self, text: str | None) -> Markup:
        # render_markdown returns HTML cleaned by nh3: safe to insert as is.
        return Markup(outlined_markdown(text)) if text else Markup("")  # noqa: S704

    def map_url(self, event: Event) -> str | None:
        location = event.location
        if location is None:
            return None
        query = location.address or f"{location.name}, {self.campaign.municipality.name}"
        return f"https://www.openstreetmap.org/search?query={quote_plus(query)}"

    def signup_url(self, action: Action | None = None) -> str | None:
        url = (action.signup_url if action else None) or self.campaign.signup_url
        return safe_url(url) if url else None

    def phone_href(self, phone: str) -> str:
        return "tel:" + re.sub(r"[^0-9+]", "", phone)

    def host(self, url: str) -> str:
        return urlsplit(url).hostname or url

    # -- pages -------------------------------------------------------------------------

    def build(self) -> Site:
        campaign = self.campaign
        self.hero = (
            self.images.picture(
                campaign.hero.image,
                HERO_WIDTHS,
                alt=campaign.hero.alt,
                credit=campaign.hero.credit,
                licence=campaign.hero.licence,
                focus=campaign.hero.focus,
            )
            if campaign.hero
            else None
        )
        self.action_pictures = {
            action.slug: self.images.picture(
                action.image.src,
                ACTION_WIDTHS,
                alt=action.image.alt,
                credit=action.image.credit,
                licence=action.image.licence,
                focus=action.image.focus,
            )
            for action in campaign.actions
            if action.image
        }
        self.partner_logos = {
            # The partner's name is printed next to the logo: the image itself is decorative.
            partner.id: self.images.picture(partner.logo, PARTNER_WIDTHS, alt="")
            for partner in campaign.partners
            if partner.logo
        }
        logo = favicon = None
        if campaign.branding.logo:
            logo = self.images.picture(
                campaign.branding.logo, LOGO_WIDTHS, alt=campaign.municipality.name
            ).src
            favicon = self.images.picture(
                campaign.branding.logo, FAVICON_WIDTHS, alt=campaign.municipality.name
            ).src

        pages = [
            self.home(),
            self.action_list(),
            *(self.action_page(action) for action in campaign.actions),
            self.agenda(),
            *(self.event_page(event) for event in self.events),
            self.partners(),
            self.accessibility(),
            self.privacy(),
        ]
        if self.kit is not None:
            pages.append(self.kit_page())
        assets = [
            *(Asset.of(dest, data) for dest, data in sorted(self.images.assets.items())),
            *self.calendars(),
            Asset(STYLESHEET, _static("campaignkit.css")),
            Asset(BRANDING_STYLESHEET, branding_css(campaign).encode()),
            Asset(SCRIPT, _static("campaignkit.js")),
        ]
        scripts: tuple[str, ...] = (SCRIPT,)
        footer = [
            Link(self.words["accessibility"], page_url(ACCESSIBILITY)),
            Link(self.words["privacy"], page_url(PRIVACY)),
        ]
        if self.kit is not None:
            # Files the kit cache holds are linked from there, never read into memory.
            assets += [Asset.of(path, self.kit.files.kept(path)) for path in self.kit.files]
            assets.append(Asset(KIT_SCRIPT, _static("kit.js")))
            scripts += (KIT_SCRIPT,)
            footer.append(Link(self.words["kit"], page_url(KIT_PAGE)))
        return Site(
            language=self.language,
            title=campaign.title,
            description=self.home_description(),
            pages=tuple(pages),
            assets=tuple(assets),
            stylesheets=(STYLESHEET, BRANDING_STYLESHEET),
            scripts=scripts,
            logo=logo,
            favicon=favicon,
            footer_links=tuple(footer),
            footer_label=self.words["site_info"],
            organiser=campaign.municipality.name,
            organiser_url=self.organiser_url,
            contact_email=campaign.contact.email,
        )

    def render(self, template: str, src_uri: str, **context: object) -> str:
        here = page_url(src_uri)

        def url(target: str) -> str:
            return relative_url(here, target)

        return _ENVIRONMENT.get_template(template).render(
            campaign=self.campaign,
            t=self.words,
            f=self.format,
            lang=self.language,
            url=url,
            safe_url=safe_url,
            md=self.markdown,
            site=self,
            today=self.today,
            site_sizes={"hero": HERO_SIZES, "card": CARD_SIZES},
            action_url=action_url,
            event_url=event_url,
            pages={
                "home": page_url(HOME),
                "actions": page_url(ACTIONS),
                "agenda": page_url(AGENDA),
                "partners": page_url(PARTNERS),
                "accessibility": page_url(ACCESSIBILITY),
                "privacy": page_url(PRIVACY),
            },
            **context,
        )

    def about(self, key: str) -> str:
        """A description that names the campaign, e.g. « Toutes les actions d’Au vert. »"""
        return i18n.phrase(self.words[key], self.campaign.language, title=self.campaign.title)

    def spec(
        self, src_uri: str, title: str, description: str, html: str, **extra: object
    ) -> PageSpec:
        return PageSpec(
            src_uri=src_uri,
            title=title,
            description=description,
            html=html,
            headings=headings(html),
            **extra,  # type: ignore[arg-type]
        )

    def og(
        self, picture: Picture | None, card: tuple[str, str] | None = None
    ) -> dict[str, str | None]:
        """Open Graph image: the kit's social card for the page if there is one, else a photo."""
        if card is not None and self.kit is not None and self.base_url is not None:
            from campaignkit.kit import social_card_path

            path = social_card_path(*card)
            if path in self.kit.files:
                alt = picture.alt if picture else (self.hero.alt if self.hero else "")
                return {"og_image": self.absolute(path), "og_image_alt": alt}
        picture = picture or self.hero
        if picture is None or self.base_url is None:
            return {}
        return {"og_image": self.absolute(picture.src), "og_image_alt": picture.alt}

    def home_description(self) -> str:
        return self.campaign.tagline or plain_text(self.campaign.intro, limit=160)

    def upcoming(self) -> tuple[Event, ...]:
        return tuple(event for event in self.events if not is_past(event, self.today))

    def past(self) -> tuple[Event, ...]:
        return tuple(reversed([event for event in self.events if is_past(event, self.today)]))

    def home(self) -> PageSpec:
        html = self.render(
            "home.html",
            HOME,
            hero=self.hero,
            featured=self.actions[:FEATURED_ACTIONS],
            more_actions=len(self.actions) > FEATURED_ACTIONS,
            upcoming=self.upcoming()[:UPCOMING_ON_HOME],
            pictures=self.action_pictures,
            logos=self.partner_logos,
        )
        return self.spec(
            HOME,
            self.campaign.title,
            self.home_description(),
            html,
            in_nav=True,
            nav_title=self.words["home"],
            hide=("navigation", "toc"),
            **self.og(self.hero, ("campaign", "")),
        )

    def action_list(self) -> PageSpec:
        used_themes = {action.theme for action in self.campaign.actions}
        themes = [theme for theme in self.campaign.theme_list if theme.id in used_themes]
        used_audiences = {a for action in self.campaign.actions for a in action.audience}
        audiences = [a for a in i18n.AUDIENCE_LABELS[self.language] if a in used_audiences]
        html = self.render(
            "actions.html",
            ACTIONS,
            actions=self.actions,
            pictures=self.action_pictures,
            themes=themes,
            audiences=audiences,
        )
        return self.spec(
            ACTIONS,
            self.words["actions"],
            self.about("actions_description"),
            html,
            in_nav=True,
            nav_title=self.words["actions"],
            hide=("navigation", "toc"),
            **self.og(None),
        )

    def action_page(self, action: Action) -> PageSpec:
        src = action_src(action.slug)
        picture = self.action_pictures.get(action.slug)
        html = self.render(
            "action.html",
            src,
            action=action,
            picture=picture,
            events=self.events_of[action.slug],
            partners=[self.campaign.partner(pid) for pid in action.partners],
            logos=self.partner_logos,
            signup=self.signup_url(action),
        )
        return self.spec(
            src,
            action.title,
            action.summary,
            html,
            hide=("navigation",),
            **self.og(picture, ("action", action.slug)),
        )

    def agenda(self) -> PageSpec:
        html = self.render(
            "agenda.html",
            AGENDA,
            upcoming=self.upcoming(),
            past=self.past(),
            campaign_ics=CAMPAIGN_ICS,
        )
        return self.spec(
            AGENDA,
            self.words["agenda"],
            self.about("agenda_description"),
            html,
            in_nav=True,
            nav_title=self.words["agenda"],
            hide=("navigation",),
            **self.og(None),
        )

    def event_page(self, event: Event) -> PageSpec:
        src = event_src(event.slug)
        absolute = self.absolute(page_url(src))
        html = self.render(
            "event.html",
            src,
            event=event,
            past=is_past(event, self.today),
            actions=self.actions_of[event.slug],
            map_url=self.map_url(event),
            ics=event_ics(event.slug),
            google=google_calendar_url(self.campaign, event, absolute),
            outlook=outlook_calendar_url(self.campaign, event, absolute),
        )
        when = self.format.when(event)
        place = event.location.name if event.location else self.words["online"]
        description = f"{when} – {place}"
        if event.status == "cancelled":
            description = f"{self.words['cancelled']}: {description}"
        return self.spec(
            src,
            event.title,
            description,
            html,
            hide=("navigation",),
            **self.og(None, ("event", event.slug)),
        )

    def partners(self) -> PageSpec:
        html = self.render("partners.html", PARTNERS, logos=self.partner_logos)
        return self.spec(
            PARTNERS,
            self.words["partners"],
            self.about("partners_description"),
            html,
            in_nav=bool(self.campaign.partners),
            nav_title=self.words["partners"],
            hide=("navigation", "toc"),
            **self.og(None),
        )

    def accessibility(self) -> PageSpec:
        html = self.render(
            "accessibility.html", ACCESSIBILITY, signup_hosts=self.external_form_hosts()
        )
        return self.spec(
            ACCESSIBILITY,
            self.words["accessibility_title"],
            self.words["accessibility_description"],
            html,
            hide=("navigation",),
        )

    def external_form_hosts(self) -> list[str]:
        """Hosts of the sign-up and registration forms residents are sent to."""
        urls = [
            self.signup_url(),
            *(self.signup_url(action) for action in self.campaign.actions),
            *(safe_url(e.registration_url) for e in self.campaign.events if e.registration_url),
        ]
        return sorted({self.host(url) for url in urls if url})

    def kit_page(self) -> PageSpec:
        assert self.kit is not None
        # The kit's body starts at h2; every page gets the same h1 (the skip link's target).
        title = Markup('<h1 id="ck-title">{}</h1>\n').format(self.words["kit"])
        return self.spec(
            KIT_PAGE,
            self.words["kit"],
            self.about("kit_description"),
            title + Markup(self.kit.page_html),  # noqa: S704 - built escaped by the kit
            hide=("navigation",),
            searchable=False,
            **self.og(None, ("campaign", "")),
        )

    def privacy(self) -> PageSpec:
        html = self.render("privacy.html", PRIVACY, signup_hosts=self.external_form_hosts())
        return self.spec(
            PRIVACY,
            self.words["privacy_title"],
            self.words["privacy_description"],
            html,
            hide=("navigation",),
        )

    # -- files -------------------------------------------------------------------------

    def calendars(self) -> list[Asset]:
        made = self.kit.calendars if self.kit is not None else None
        addresses = Addresses(self.base_url)
        files = calendar_files(self.campaign, addresses, self.stamp, self.images.cache, made=made)
        calendars = [Asset.of(event_ics(event.slug), files.of(event.slug)) for event in self.events]
        return [*calendars, Asset.of(CAMPAIGN_ICS, files.feed)]
