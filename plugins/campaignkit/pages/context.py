"""What the pages of one microsite are made from: the campaign, its actions and events in
site order, its pictures and addresses, and the helpers templates call."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING
from urllib.parse import quote_plus, urlsplit

from campaignkit import i18n
from campaignkit.cache import Cache
from campaignkit.markup import safe_url
from campaignkit.model import Action, Campaign, Event, NewsItem
from campaignkit.news import published
from campaignkit.pages.participation import Participation, participation
from campaignkit.pages.pictures import (
    CARD_SIZES,
    HERO_SIZES,
    SitePictures,
    WebPicture,
    site_pictures,
)
from campaignkit.pages.render import ENVIRONMENT, Format, Preview, markdown
from campaignkit.problems import CampaignError, Problem
from campaignkit.repeats import occurrences
from campaignkit.urls import (
    ACCESSIBILITY,
    ACTIONS,
    AGENDA,
    HOME,
    NEWS,
    NEWS_FEED,
    PARTNERS,
    PRIVACY,
    RESULTS,
    TEAMS,
    Addresses,
    action_url,
    event_url,
    news_url,
    page_url,
    public_root,
    relative_url,
    team_url,
)

if TYPE_CHECKING:
    from campaignkit.kit import Kit

_STATUS_ORDER = {"running": 0, "planned": 1, "done": 2}

#: The pages templates link to, as ``pages.<name>``.
_PAGES = {
    "home": page_url(HOME),
    "actions": page_url(ACTIONS),
    "agenda": page_url(AGENDA),
    "partners": page_url(PARTNERS),
    "news": page_url(NEWS),
    "news_feed": NEWS_FEED,
    "accessibility": page_url(ACCESSIBILITY),
    "privacy": page_url(PRIVACY),
    "teams": page_url(TEAMS),
    "results": page_url(RESULTS),
}


#: The dates of one repeating event the agenda lists, coming up and past; its page has all.
AGENDA_DATES = 4


def is_past(event: Event, today: date) -> bool:
    """Whether an event is over on ``today`` (an event on today is still upcoming)."""
    last_day = event.ends_at.date() if event.ends_at else event.day
    return last_day < today


def _by_start(event: Event) -> tuple[datetime, str]:
    start = (
        event.start if isinstance(event.start, datetime) else datetime.combine(event.day, time())
    )
    return (start, event.slug)


@dataclass(frozen=True)
class SiteContext:
    """One microsite's makings; every body template sees it as ``context``."""

    campaign: Campaign
    words: Mapping[str, str]
    format: Format
    #: Splits upcoming from past events.
    today: date
    #: The calendar files' DTSTAMP.
    stamp: datetime
    addresses: Addresses
    #: In the order the site lists them: running, planned, done, each as in the campaign.
    actions: tuple[Action, ...]
    #: By start.
    events: tuple[Event, ...]
    #: Each action's events and each event's actions, linked from either side.
    events_of: Mapping[str, tuple[Event, ...]]
    actions_of: Mapping[str, tuple[Action, ...]]
    #: The news published by ``today``, newest first; the items about each action and event.
    news: tuple[NewsItem, ...]
    news_of_action: Mapping[str, tuple[NewsItem, ...]]
    news_of_event: Mapping[str, tuple[NewsItem, ...]]
    news_of_team: Mapping[str, tuple[NewsItem, ...]]
    pictures: SitePictures
    organiser_url: str | None
    kit: Kit | None
    cache: Cache | None
    #: Whether a page taken from a library says so ("Actiefiche: ...").
    provenance: bool = True

    @property
    def language(self) -> str:
        return self.campaign.language

    @functools.cached_property
    def participation(self) -> Participation:
        """The teams, their scoreboard and results on this build's date."""
        return participation(self.campaign, self.today)

    def absolute(self, target: str) -> str | None:
        return self.addresses.of(target)

    def render(self, template: str, src_uri: str, **values: object) -> str:
        """The body of the page at ``src_uri`` from ``template``, with the page's ``values``.

        Every template also sees ``context`` (this object), ``campaign``, ``t`` (the words),
        ``tw`` (the words of teams),
        ``f`` (:class:`Format`), ``lang``, ``today``, ``md`` (Markdown), ``safe_url``,
        ``url()`` (a site address relative to this page), ``action_url()``, ``event_url()``,
        ``team_url()``, ``news_url()``, ``pages`` (the fixed pages' addresses) and
        ``site_sizes`` (``sizes`` of images).
        """
        here = page_url(src_uri)

        def url(target: str) -> str:
            return relative_url(here, target)

        return ENVIRONMENT.get_template(template).render(
            context=self,
            campaign=self.campaign,
            t=self.words,
            tw=i18n.TEAM_LABELS[self.language],
            f=self.format,
            lang=self.language,
            url=url,
            safe_url=safe_url,
            md=markdown,
            today=self.today,
            site_sizes={"hero": HERO_SIZES, "card": CARD_SIZES},
            action_url=action_url,
            event_url=event_url,
            team_url=team_url,
            news_url=news_url,
            pages=_PAGES,
            **values,
        )

    def about(self, key: str) -> str:
        """A description that names the campaign, e.g. « Toutes les actions d’Au vert. »"""
        return i18n.phrase(self.words[key], self.campaign.language, title=self.campaign.title)

    def preview(
        self, picture: WebPicture | None, card: tuple[str, str] | None = None
    ) -> Preview | None:
        """Open Graph image: the kit's social card for the page if there is one, else a photo."""
        root, hero = self.addresses.root, self.pictures.hero
        if card is not None and self.kit is not None and root is not None:
            # Imported here: the kit loads its image and PDF libraries on first use of a name.
            from campaignkit.kit import social_card_path

            path = social_card_path(*card)
            if path in self.kit.files:
                alt = picture.alt if picture else (hero.alt if hero else "")
                return Preview(root + path, alt)
        picture = picture or hero
        if picture is None or root is None:
            return None
        return Preview(root + picture.src, picture.alt)

    def upcoming(self, per_event: int = AGENDA_DATES) -> tuple[Event, ...]:
        """The dates to come by start: of a repeating event, its next ``per_event``."""
        return tuple(self._dates(past=False, per_event=per_event))

    def past(self, per_event: int = AGENDA_DATES) -> tuple[Event, ...]:
        """The dates gone by, latest first: of a repeating event, its last ``per_event``."""
        return tuple(reversed(self._dates(past=True, per_event=per_event)))

    def _dates(self, *, past: bool, per_event: int) -> list[Event]:
        found: list[Event] = []
        for event in self.events:
            dates = [item for item in occurrences(event) if is_past(item, self.today) == past]
            found += dates[-per_event:] if past else dates[:per_event]
        return sorted(found, key=_by_start)

    def map_url(self, event: Event) -> str | None:
        location = event.location
        if location is None:
            return None
        query = location.address or f"{location.name}, {self.campaign.municipality.name}"
        return f"https://www.openstreetmap.org/search?query={quote_plus(query)}"

    def signup_url(self, action: Action | None = None) -> str | None:
        url = (action.signup_url if action else None) or self.campaign.signup_url
        return safe_url(url) if url else None

    def external_form_hosts(self) -> list[str]:
        """Hosts of the sign-up and registration forms residents are sent to."""
        urls = [
            self.signup_url(),
            *(self.signup_url(action) for action in self.campaign.actions),
            *(safe_url(e.registration_url) for e in self.campaign.events if e.registration_url),
        ]
        return sorted({urlsplit(url).hostname or url for url in urls if url})

    def phone_href(self, phone: str) -> str:
        return "tel:" + re.sub(r"[^0-9+]", "", phone)


def site_context(
    campaign: Campaign,
    *,
    base_url: str | None,
    today: date,
    stamp: datetime,
    kit: Kit | None = None,
    cache: Cache | None = None,
    provenance: bool = True,
) -> SiteContext:
    """The makings of a campaign's microsite; its images are re-encoded here."""
    _check_slugs(campaign)
    events = tuple(sorted(campaign.events, key=_by_start))
    news = published(campaign.news, today)
    return SiteContext(
        campaign=campaign,
        words=i18n.labels(campaign.language),
        format=Format.of(campaign),
        today=today,
        stamp=stamp,
        addresses=Addresses(public_root(base_url)),
        actions=tuple(
            sorted(
                campaign.actions,
                key=lambda a: (_STATUS_ORDER[a.status], campaign.actions.index(a)),
            )
        ),
        events=events,
        events_of={
            action.slug: tuple(
                event
                for event in events
                if event.slug in action.events or action.slug in event.actions
            )
            for action in campaign.actions
        },
        actions_of={
            event.slug: tuple(
                action
                for action in campaign.actions
                if action.slug in event.actions or event.slug in action.events
            )
            for event in campaign.events
        },
        news=news,
        news_of_action={
            action.slug: tuple(item for item in news if action.slug in item.actions)
            for action in campaign.actions
        },
        news_of_event={
            event.slug: tuple(item for item in news if event.slug in item.events)
            for event in campaign.events
        },
        news_of_team={
            team.slug: tuple(item for item in news if team.slug in item.teams)
            for team in campaign.teams
        },
        pictures=site_pictures(campaign, cache, news),
        organiser_url=safe_url(campaign.municipality.website),
        kit=kit,
        cache=cache,
        provenance=provenance,
    )


def _check_slugs(campaign: Campaign) -> None:
    problems = [
        Problem(
            f"{folder}/index.yml",
            1,
            1,
            "De naam 'index' is voorbehouden voor de overzichtspagina.",
            f"Geef het bestand een andere naam, bv. '{folder}/{kind}.yml'.",
        )
        for folder, kind, items in (
            ("actions", "mijn-actie", campaign.actions),
            ("events", "mijn-activiteit", campaign.events),
            ("teams", "mijn-ploeg", campaign.teams),
        )
        if any(item.slug == "index" for item in items)
    ]
    if problems:
        raise CampaignError(problems)
