"""The posting plan: which post to make when, derived from the campaign alone.

The moments: the launch (the period's first day), for each event an announcement
:data:`ANNOUNCE_BEFORE` days before it and a reminder :data:`REMIND_BEFORE` days before,
each published news item on its date, halfway through the period and the start of its last
week. A repeating event is announced once, before its first date, and reminded before each
of its dates. A post is never planned before the launch nor before the build's day (what is
past is not to do any more; the daily build keeps the plan current). Cancelled events get no
posts. Every post is a social-media post at :data:`POST_TIME` in Brussels (later ones of the
same day :data:`SPACING` apart, as schedulers ask), with a filled text within the channel's
limit, the page it links to and the kit's social card to show.

The texts are built-in templates (``texts/defaults/<language>/planning/*.md``), which a
campaign replaces with a file of the same name in its ``texts/planning/``; a news item's
post is its kit text ``nieuws-<slug>-sociaal`` (:mod:`campaignkit.kit.news_texts`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from campaignkit.calendar import BRUSSELS
from campaignkit.kit.news_texts import news_texts
from campaignkit.model import Campaign, Event
from campaignkit.problems import CampaignError, Problem
from campaignkit.repeats import occurrences
from campaignkit.texts import Text, read_text
from campaignkit.texts.files import PLAN_TEXTS, TEXTS_FOLDER, Source, template_sources
from campaignkit.urls import Addresses

ANNOUNCE_BEFORE = 14
REMIND_BEFORE = 2
#: The last week starts this many days before the period's last day.
LAST_WEEK = 6
POST_TIME = time(10, 0)
SPACING = timedelta(minutes=30)
#: The moments in the order a day's posts are made; each but ``news`` has a template.
MOMENTS = ("launch", "news", "announcement", "reminder", "halfway", "last_week")
#: The template of each moment, by its file name in ``texts/planning/``.
TEMPLATES = {
    "launch": "lancering",
    "announcement": "aankondiging",
    "reminder": "herinnering",
    "halfway": "halverwege",
    "last_week": "laatste-week",
}
CHANNEL = "social"


@dataclass(frozen=True)
class Post:
    """One post of the plan."""

    moment: str  # one of MOMENTS
    subject: str  # the event's or news item's slug; "" for the campaign
    at: datetime  # aware, Europe/Brussels
    text: Text
    link: str | None  # absolute, when the campaign has a public address
    #: The date of a repeating event's reminder (one post per date), else None.
    occurrence: date | None = None

    @property
    def card(self) -> tuple[str, str]:
        """The social card to show: its kind (``campaign``, ``event``, ``news``) and slug."""
        kind = {"news": "news", "announcement": "event", "reminder": "event"}
        return kind.get(self.moment, "campaign"), self.subject

    @property
    def day(self) -> date:
        return self.at.date()

    @property
    def channel(self) -> str:
        return self.text.channel

    @property
    def uid(self) -> str:
        """The same in every build, whatever the day: a calendar moves the post, never
        shows it twice."""
        uid = f"{self.moment.replace('_', '-')}-{self.subject or 'campagne'}"
        return f"{uid}-{self.occurrence.isoformat()}" if self.occurrence else uid


@dataclass(frozen=True)
class _Planned:
    moment: str
    day: date
    subject: str = ""
    event: Event | None = None
    occurrence: date | None = None


def _planned_days(campaign: Campaign, news_days: Sequence[tuple[str, date]]) -> list[_Planned]:
    """Every moment of the campaign and its day, before any is left out."""
    start, end = campaign.period.start, campaign.period.end
    found = [_Planned("launch", start)]
    found += [_Planned("news", day, slug) for slug, day in news_days]
    for event in campaign.events:
        if event.status == "cancelled":
            continue
        found.append(
            _Planned("announcement", event.day - timedelta(ANNOUNCE_BEFORE), event.slug, event)
        )
        dates = occurrences(event)
        for each in dates:
            day = each.day - timedelta(REMIND_BEFORE)
            series = each.day if len(dates) > 1 else None
            found.append(_Planned("reminder", day, event.slug, each, series))
    found.append(_Planned("halfway", start + (end - start) // 2))
    found.append(_Planned("last_week", end - timedelta(LAST_WEEK)))
    return found


def _kept(planned: list[_Planned], launch: date, today: date) -> list[_Planned]:
    """In order of day and moment; none before the launch or the build's day, and the
    halfway and last-week posts only after the launch (a period of a few days has none)."""
    kept = [
        p
        for p in planned
        if p.day >= launch
        and p.day >= today
        and (p.moment not in ("halfway", "last_week") or p.day > launch)
    ]
    return sorted(kept, key=lambda p: (p.day, MOMENTS.index(p.moment), p.subject, p.occurrence))


def plan_templates(campaign: Campaign, base: Path | None = None) -> dict[str, Source]:
    """The plan's texts by moment: the built-in ones, each replaced by the campaign's file
    of the same name in ``texts/planning/``."""
    folder = Path(campaign.folder) if campaign.folder else None
    names = tuple(TEMPLATES.values())
    found = template_sources(campaign.language, folder, PLAN_TEXTS, base, names, only=True)
    sources = {source.slug: source for source in found}
    return {moment: sources[name] for moment, name in TEMPLATES.items()}


def _text(
    planned: _Planned,
    campaign: Campaign,
    addresses: Addresses,
    templates: dict[str, Source],
    news: dict[str, Text],
) -> Text:
    if planned.moment == "news":
        return news[planned.subject]
    slug = f"planning-{TEMPLATES[planned.moment]}"
    if planned.event is not None:
        slug += f"-{planned.event.slug}"
    if planned.occurrence is not None:
        slug += f"-{planned.occurrence.isoformat()}"
    folder = f"{TEXTS_FOLDER}/{PLAN_TEXTS}"
    template = templates[planned.moment]
    return read_text(template, campaign, addresses, event=planned.event, slug=slug, folder=folder)


def posting_plan(
    campaign: Campaign,
    addresses: Addresses,
    texts: Sequence[Text],
    today: date,
    base: Path | None = None,
) -> tuple[Post, ...]:
    """The posts to make from ``today`` on, in time order. ``texts`` are the kit's, with
    the news items' (those published by ``today``); raises :class:`CampaignError` with
    every problem of the plan's texts."""
    by_slug = {text.slug: text for text in texts}
    news = {
        item.slug: by_slug[f"nieuws-{item.slug}-sociaal"]
        for item in campaign.news
        if f"nieuws-{item.slug}-sociaal" in by_slug
    }
    news_days = [(item.slug, item.date) for item in campaign.news if item.slug in news]
    templates = plan_templates(campaign, base)
    posts: list[Post] = []
    problems: list[Problem] = []
    for planned in _kept(_planned_days(campaign, news_days), campaign.period.start, today):
        try:
            text = _text(planned, campaign, addresses, templates, news)
        except CampaignError as error:
            problems += [p for p in error.problems if p not in problems]
            continue
        same_day = sum(1 for post in posts if post.day == planned.day)
        local = datetime.combine(planned.day, POST_TIME) + same_day * SPACING
        posts.append(
            Post(
                planned.moment,
                planned.subject,
                local.replace(tzinfo=BRUSSELS),
                text,
                text.url,
                planned.occurrence,
            )
        )
    if problems:
        raise CampaignError(problems)
    return tuple(posts)


def template_problems(campaign: Campaign, addresses: Addresses, base: Path | None) -> list[Problem]:
    """Every problem of the news items' and the plan's texts, filled in for every item and
    event (as :command:`campaignkit validate` checks them, whatever the day)."""
    problems: list[Problem] = []
    try:
        news = news_texts(campaign, addresses, campaign.news, base)
        posting_plan(campaign, addresses, news, date.min, base)
    except CampaignError as error:
        problems += error.problems
    return problems
