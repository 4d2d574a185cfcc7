"""Events as iCalendar files (RFC 5545) and as "add to my calendar" links.

Campaign times are wall-clock times in Brussels. Every file carries a VTIMEZONE for
Europe/Brussels, so calendars place events right whatever their own zone. The same campaign
gives the same bytes: UIDs come from the slugs and DTSTAMP from the caller.

Clock changes follow RFC 5545, section 3.3.5, and are written out explicitly so no client has
to guess: a time that does not exist (02:30 on the last Sunday of March) is read with the
offset before the gap and so becomes 03:30 summer time; a time that exists twice (02:30 on the
last Sunday of October) is the first one, still summer time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

import icalendar

from campaignkit.blocks import parse, plain_text, plain_text_within
from campaignkit.i18n import format_place
from campaignkit.markup import safe_url
from campaignkit.repeats import rule_starts

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from campaignkit.cache import Cache, Stored
    from campaignkit.model import Campaign, Event
    from campaignkit.urls import Addresses

__all__ = [
    "PRODID",
    "TZID",
    "CalendarFile",
    "CalendarFiles",
    "calendar_files",
    "campaign_calendar",
    "event_calendar",
    "event_span",
    "event_uid",
    "google_calendar_url",
    "outlook_calendar_url",
]

PRODID = "-//campaignkit//campaignkit//NL"
TZID = "Europe/Brussels"
BRUSSELS = ZoneInfo(TZID)
#: Length of a timed event that gives no end.
DEFAULT_DURATION = timedelta(hours=2)
#: Characters of the description put into "add to calendar" links, which must stay short.
LINK_DESCRIPTION_LIMIT = 500

#: A repeat's ``every`` as an RRULE's FREQ and INTERVAL.
_FREQUENCIES = {"week": ("WEEKLY", 1), "two-weeks": ("WEEKLY", 2), "month": ("MONTHLY", 1)}

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: The same, but a line break stays: descriptions keep their paragraphs and list items.
_CONTROL_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def event_uid(campaign: Campaign, event: Event) -> str:
    """The UID of an event: the same in every build, so calendars update instead of duplicate."""
    return f"{event.slug}@{campaign.slug}.campaignkit"


def event_span(event: Event) -> tuple[datetime, datetime] | tuple[date, date]:
    """Start and end as calendars want them.

    Timed events give aware Europe/Brussels datetimes, normalised across clock changes (see
    the module documentation); without an end they last two hours. All-day events give dates
    with the end exclusive: the next day.
    """
    if not isinstance(event.start, datetime):
        return event.start, event.start + timedelta(days=1)
    start = _brussels(event.start)
    ends_at = event.ends_at
    if ends_at is None:
        return start, (start.astimezone(UTC) + DEFAULT_DURATION).astimezone(BRUSSELS)
    end = _brussels(ends_at)
    if end <= start:
        # Only when the start falls in the spring gap and the end just after it: keep the
        # length the coach wrote rather than end before the start.
        end = (start.astimezone(UTC) + (ends_at - event.start)).astimezone(BRUSSELS)
    return start, end


def event_calendar(
    campaign: Campaign, event: Event, *, page_url: str | None, stamp: datetime
) -> bytes:
    """One event as an .ics file.

    ``stamp`` becomes DTSTAMP (a naive value is taken as UTC); pass something deterministic,
    such as a time derived from ``SOURCE_DATE_EPOCH``, never the current time.
    """
    calendar = _calendar(campaign, [event])
    calendar.add_component(_vevent(campaign, event, page_url, stamp))
    data: bytes = calendar.to_ical()
    return data


def campaign_calendar(
    campaign: Campaign, *, url_for: Callable[[Event], str | None], stamp: datetime
) -> bytes:
    """All events of a campaign in one .ics file, in time order (``stamp``: as for
    :func:`event_calendar`)."""
    events = sorted(campaign.events, key=_order)
    calendar = _calendar(campaign, events)
    for event in events:
        calendar.add_component(_vevent(campaign, event, url_for(event), stamp))
    data: bytes = calendar.to_ical()
    return data


@dataclass(frozen=True)
class CalendarFile:
    """One event's .ics file, as made now or as the cache keeps it."""

    event: str  # the event's slug
    data: bytes | Stored


@dataclass(frozen=True)
class CalendarFiles:
    """Every calendar of a campaign, made once for one public root and one DTSTAMP: the
    site publishes them under ``agenda/``, the kit puts the same files in its own folder."""

    root: str | None
    stamp: datetime
    events: tuple[CalendarFile, ...]  # in the campaign's order
    feed: bytes | Stored  # every event in one file

    def of(self, slug: str) -> bytes | Stored:
        return next(item.data for item in self.events if item.event == slug)


def calendar_files(
    campaign: Campaign,
    addresses: Addresses,
    stamp: datetime,
    cache: Cache | None = None,
    *,
    made: CalendarFiles | None = None,
) -> CalendarFiles:
    """The calendars of ``campaign`` linking to its pages at ``addresses``; with a
    ``cache``, each is kept there (and a stored one is not read).

    ``made`` are calendars of the same campaign made before (the kit's): they are the result
    when they were made for the same root and stamp, so nothing is made twice.
    """
    if made is not None and made.root == addresses.root and made.stamp == stamp:
        return made
    about: dict[str, object] = {
        "campaign": campaign.slug,
        "title": campaign.title,
        "period": campaign.period.model_dump(mode="json"),
        "stamp": stamp.isoformat(),
    }

    def kept(spec: Mapping[str, object], make: Callable[[], bytes]) -> bytes | Stored:
        return make() if cache is None else cache.stored("calendar", {**about, **spec}, make)

    events = []
    for event in campaign.events:
        url = addresses.event(event.slug)
        spec: dict[str, object] = {"event": _described(event), "url": url}
        events.append(
            CalendarFile(
                event.slug,
                kept(spec, partial(event_calendar, campaign, event, page_url=url, stamp=stamp)),
            )
        )
    # Everything each event's calendar depends on, for all of them.
    every = [_described(e) | {"url": addresses.event(e.slug)} for e in campaign.events]
    feed = kept(
        {"events": every},
        partial(
            campaign_calendar, campaign, url_for=lambda e: addresses.event(e.slug), stamp=stamp
        ),
    )
    return CalendarFiles(addresses.root, stamp, tuple(events), feed)


def _described(event: Event) -> dict[str, object]:
    """An event as a cache key: every field and its slug (which the model leaves out)."""
    return {"slug": event.slug, **event.model_dump(mode="json")}


def google_calendar_url(campaign: Campaign, event: Event, page_url: str | None) -> str:
    """A link that opens Google Calendar with the event filled in.

    Times are given in UTC, which no clock change makes ambiguous; ``ctz`` sets the zone the
    event is shown in. A repeating event carries its rule as ``recur`` (Google takes no
    exceptions there: the downloaded .ics has them).
    """
    start, end = event_span(event)
    if isinstance(start, datetime) and isinstance(end, datetime):
        dates = f"{start.astimezone(UTC):%Y%m%dT%H%M%SZ}/{end.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    else:
        dates = f"{start:%Y%m%d}/{end:%Y%m%d}"
    params = {
        "action": "TEMPLATE",
        "text": _one_line(event.title),
        "dates": dates,
        "ctz": TZID,
        "details": _description(event, page_url, LINK_DESCRIPTION_LIMIT),
        "location": _location(event),
    }
    rule = _rule(event)
    if rule is not None:
        params["recur"] = "RRULE:" + rule.to_ical().decode("ascii")
    return "https://calendar.google.com/calendar/render?" + _query(params)


def outlook_calendar_url(campaign: Campaign, event: Event, page_url: str | None) -> str:
    """A link that opens Outlook on the web with the event filled in (times in UTC).

    Outlook's link takes no repetition: for a repeating event, pass the date to add (the
    next one); the .ics carries the whole series."""
    start, end = event_span(event)
    params = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": _one_line(event.title),
    }
    if isinstance(start, datetime) and isinstance(end, datetime):
        params["startdt"] = f"{start.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}"
        params["enddt"] = f"{end.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}"
    else:
        params["allday"] = "true"
        params["startdt"] = start.isoformat()
        params["enddt"] = end.isoformat()
    params["location"] = _location(event)
    params["body"] = _description(event, page_url, LINK_DESCRIPTION_LIMIT)
    return "https://outlook.live.com/calendar/0/deeplink/compose?" + _query(params)


# --------------------------------------------------------------------------------------------


def _brussels(local: datetime) -> datetime:
    """A Brussels wall-clock time as an aware datetime, per RFC 5545 section 3.3.5.

    ``fold=0`` reads a time in the spring gap with the offset before it and picks the first of
    two autumn times; the round trip through UTC then turns a gap time into a real one.
    """
    aware = local.replace(tzinfo=BRUSSELS, fold=0)
    return aware.astimezone(UTC).astimezone(BRUSSELS)


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _order(event: Event) -> tuple[datetime, str]:
    start = event_span(event)[0]
    if not isinstance(start, datetime):
        start = datetime.combine(start, datetime.min.time(), tzinfo=BRUSSELS)
    return start.astimezone(UTC), event.slug


def _calendar(campaign: Campaign, events: Iterable[Event]) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # An X- property has no known type; as TEXT, its commas and semicolons get escaped.
    calendar.add("x-wr-calname", icalendar.vText(_one_line(campaign.title)))
    calendar.add("x-wr-timezone", TZID)
    calendar.add_component(_timezone(campaign, events))
    return calendar


def _timezone(campaign: Campaign, events: Iterable[Event]) -> icalendar.Timezone:
    """Europe/Brussels, covering whole years around the campaign and its events.

    Whole years keep the file identical while events move within them.
    """
    days = [campaign.period.start, campaign.period.end]
    for event in events:
        start, end = event_span(event)
        days += [_day(start), _day(end)]
        if event.repeat is not None:  # the last date, plus as many days as the first lasts
            days.append(rule_starts(event.day, event.repeat)[-1] + (_day(end) - _day(start)))
    last_year = min(max(days).year + 1, date.max.year)
    return icalendar.Timezone.from_tzid(
        TZID, first_date=date(min(days).year, 1, 1), last_date=date(last_year, 1, 1)
    )


def _day(moment: date) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _vevent(
    campaign: Campaign, event: Event, page_url: str | None, stamp: datetime
) -> icalendar.Event:
    start, end = event_span(event)
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(campaign, event))
    vevent.add("dtstamp", _utc(stamp))
    vevent.add("dtstart", start)
    vevent.add("dtend", end)
    rule = _rule(event)
    if rule is not None and event.repeat is not None:
        vevent.add("rrule", rule)
        if event.repeat.skip:
            vevent.add("exdate", [_at(start, day) for day in event.repeat.skip])
    vevent.add("summary", _one_line(event.title))
    location = _location(event)
    if location:
        vevent.add("location", location)
    description = _description(event, page_url)
    if description:
        vevent.add("description", description)
    url = safe_url(page_url)
    if url:
        vevent.add("url", url)
    vevent.add("status", "CANCELLED" if event.status == "cancelled" else "CONFIRMED")
    return vevent


def _rule(event: Event) -> icalendar.vRecur | None:
    """An event's repeat as an RRULE: UNTIL is its last date (RFC 5545 wants it in UTC when
    the start has a time zone), so every reader stops at the same date."""
    repeat = event.repeat
    if repeat is None:
        return None
    frequency, interval = _FREQUENCIES[repeat.every]
    last = rule_starts(event.start, repeat)[-1]
    until = _brussels(last).astimezone(UTC) if isinstance(last, datetime) else last
    rule = icalendar.vRecur(freq=frequency, until=until)
    if interval > 1:
        rule["interval"] = interval
    return rule


def _at(start: datetime | date, day: date) -> datetime | date:
    """The start of the date ``day`` of a repeating event that starts at ``start``."""
    if isinstance(start, datetime):
        return _brussels(datetime.combine(day, start.replace(tzinfo=None).time()))
    return day


def _one_line(text: str) -> str:
    """Text on one line with no control characters; the library escapes the rest."""
    return _CONTROL.sub("", " ".join(text.split()))


def _location(event: Event) -> str:
    if event.location is not None:
        return _one_line(format_place(event.location.name, event.location.address))
    return safe_url(event.online_url) or ""


def _description(event: Event, page_url: str | None, limit: int | None = None) -> str:
    """The description as the kit's plain text renders it (paragraphs apart, one list item
    a line; the library writes each line break as ``\\n``), then the page's address. With
    ``limit``, only its first whole sentences and items that fit."""
    parts = []
    if event.description:
        blocks = parse(event.description)
        text = plain_text(blocks) if limit is None else plain_text_within(blocks, limit)
        text = _CONTROL_BUT_NEWLINE.sub("", text).strip()
        if text:
            parts.append(text)
    url = safe_url(page_url)
    if url:
        parts.append(url)
    return "\n\n".join(parts)


def _query(params: dict[str, str]) -> str:
    """``params`` as a query string; empty values are left out, spaces become %20."""
    return urlencode({k: v for k, v in params.items() if v}, quote_via=quote, safe="/")
