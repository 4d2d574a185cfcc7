"""Rendering page bodies: the Jinja environment of ``templates/`` (autoescaped), Markdown
under a page's title, the outline of a body, and dates and labels in the campaign's language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from html import unescape

import jinja2
from markupsafe import Markup

from campaignkit import i18n
from campaignkit.markup import render_markdown
from campaignkit.model import Campaign, Event
from campaignkit.pages.site import Heading, PageSpec

#: The page body templates; every one is autoescaped.
ENVIRONMENT = jinja2.Environment(
    loader=jinja2.PackageLoader("campaignkit", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
ENVIRONMENT.globals["phrase"] = i18n.phrase


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


def markdown(text: str | None) -> Markup:
    """A coach's Markdown for a template (``md``); nothing for no text."""
    # render_markdown returns HTML cleaned by nh3: safe to insert as is.
    return Markup(outlined_markdown(text)) if text else Markup("")  # noqa: S704


@dataclass(frozen=True)
class Preview:
    """A page's social preview image (Open Graph): its absolute address and alt text."""

    image: str
    alt: str


def page_spec(
    src_uri: str,
    title: str,
    description: str,
    html: str,
    *,
    in_nav: bool = False,
    nav_title: str | None = None,
    hide: tuple[str, ...] = (),
    searchable: bool = True,
    preview: Preview | None = None,
) -> PageSpec:
    """A page with its body's outline."""
    return PageSpec(
        src_uri=src_uri,
        title=title,
        description=description,
        html=html,
        in_nav=in_nav,
        nav_title=nav_title,
        og_image=preview.image if preview else None,
        og_image_alt=preview.alt if preview else None,
        headings=headings(html),
        hide=hide,
        searchable=searchable,
    )


@dataclass(frozen=True)
class Format:
    """Dates, times and labels in the campaign's language, for templates (``f``)."""

    language: str
    themes: Mapping[str, str]

    @classmethod
    def of(cls, campaign: Campaign) -> Format:
        return cls(campaign.language, {theme.id: theme.title for theme in campaign.themes})

    def day(self, value: date) -> str:
        return i18n.format_day(value, self.language)

    def time(self, value: datetime) -> str:
        return i18n.format_time(value, self.language)

    def when(self, event: Event) -> str:
        return i18n.format_event_when(event, self.language)

    def series(self, event: Event) -> str:
        """A repeating event's rule, hours and dates in one line."""
        return i18n.format_series(event, self.language)

    def rule(self, event: Event) -> str:
        """How an event repeats (``elke week op dinsdag``), or nothing."""
        return i18n.format_repeat_rule(event, self.language)

    def period(self, start: date, end: date) -> str:
        return i18n.format_period(start, end, self.language)

    def month(self, value: date) -> str:
        return i18n.format_month_short(value, self.language)

    def iso(self, event: Event) -> str:
        """An event's start for ``<time datetime>``: to the minute, or the day alone."""
        if isinstance(event.start, datetime):
            return event.start.strftime("%Y-%m-%dT%H:%M")
        return event.day.isoformat()

    def theme(self, theme_id: str) -> str:
        return self.themes.get(theme_id, theme_id)

    def audience(self, audience: str) -> str:
        return i18n.audience_label(audience, self.language)

    def effort(self, effort: str) -> str:
        return i18n.effort_label(effort, self.language)

    def action_status(self, status: str) -> str:
        return i18n.action_status_label(status, self.language)

    def number(self, value: float, digits: int = 1) -> str:
        """``1.240`` in Dutch, ``1 240`` in French, ``1,240`` in English."""
        return i18n.format_number(float(value), self.language, digits)

    def percent(self, share: float) -> str:
        return i18n.format_percent(float(share), self.language)

    def team_kind(self, kind: str) -> str:
        return i18n.TEAM_KIND_LABELS[self.language][kind]

    # Last: once defined, the name `date` in this class body is the method, not the type.
    def date(self, value: date) -> str:
        return i18n.format_date(value, self.language)
