"""Repeating events: their dates, and their calendars read back by a second reader."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
import recurring_ical_events
from support.campaigns import campaign_model, event_model

from campaignkit.calendar import (
    campaign_calendar,
    event_calendar,
    google_calendar_url,
    outlook_calendar_url,
)
from campaignkit.model import Event
from campaignkit.repeats import MAX_OCCURRENCES, occurrences, rule_starts

STAMP = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)
PLACE = {"name": "Buurthuis"}


def repeating(start: str, repeat: dict[str, Any], **fields: Any) -> Event:
    return event_model(
        "repair-cafe", title="Repair café", start=start, location=PLACE, repeat=repeat, **fields
    )


def read_back(data: bytes) -> list[tuple[Any, Any]]:
    """The dates an independent reader finds in ``data``: starts and ends, as wall clock."""
    calendar = icalendar.Calendar.from_ical(data)
    found = recurring_ical_events.of(calendar).between(date(2000, 1, 1), date(2100, 1, 1))
    return sorted((_local(e["DTSTART"].dt), _local(e["DTEND"].dt)) for e in found)


def _local(moment: Any) -> Any:
    if isinstance(moment, datetime):
        assert str(moment.tzinfo) == "Europe/Brussels"
        return moment.replace(tzinfo=None)
    return moment


def dates_of(event: Event) -> list[tuple[Any, Any]]:
    """The dates the site shows, with the end calendars get (all day: the next day)."""
    found = []
    for item in occurrences(event):
        if isinstance(item.start, datetime):
            end = item.ends_at or item.start + timedelta(hours=2)
        else:
            end = item.start + timedelta(days=1)
        found.append((item.start, end))
    return found


def calendar_of(event: Event) -> bytes:
    return event_calendar(campaign_model(), event, page_url=None, stamp=STAMP)


CASES = {
    # 19:00 before and after the October clock change: the same wall-clock time.
    "weekly across DST": repeating(
        "2027-10-05 19:00", {"every": "week", "until": "2027-11-09"}, end="21:00"
    ),
    "two weeks with exceptions": repeating(
        "2027-03-02 19:00",
        {"every": "two-weeks", "until": "2027-06-30", "except": ["2027-03-30", "2027-05-25"]},
        end="21:30",
    ),
    "monthly on the 31st": repeating("2027-01-31 10:00", {"every": "month", "until": "2027-12-31"}),
    "all day, weekly": repeating("2027-04-03", {"every": "week", "until": "2027-05-01"}),
    "over two days, monthly": repeating(
        "2027-03-20 22:00", {"every": "month", "until": "2027-06-30"}, end="2027-03-21 02:00"
    ),
    # Through the night of the October change: 22:00 to 04:00 by the clock, every time.
    "overnight across the October change": repeating(
        "2027-10-23 22:00", {"every": "week", "until": "2027-11-06"}, end="2027-10-24 04:00"
    ),
    # Into the next year: the time zone in the file covers the last date too.
    "monthly into the next year": repeating(
        "2027-11-09 19:00", {"every": "month", "until": "2028-12-31"}, end="21:00"
    ),
    "no end, across the spring change": repeating(
        "2027-03-14 19:00", {"every": "week", "until": "2027-04-11"}
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_independent_reader_finds_the_dates_the_site_shows(name: str) -> None:
    event = CASES[name]
    assert read_back(calendar_of(event)) == dates_of(event)


def test_weekly_keeps_its_time_across_the_october_change() -> None:
    event = CASES["weekly across DST"]
    starts = [item.start for item in occurrences(event)]
    assert [s.day for s in starts] == [5, 12, 19, 26, 2, 9]
    assert {s.hour for s in starts} == {19}
    raw = calendar_of(event).decode()
    assert "DTSTART;TZID=Europe/Brussels:20271005T190000" in raw
    # UNTIL in UTC (RFC 5545, a start with TZID): the last date, 19:00 winter time.
    assert "RRULE:FREQ=WEEKLY;UNTIL=20271109T180000Z" in raw


def test_exceptions_are_exdates_and_not_dates() -> None:
    event = CASES["two weeks with exceptions"]
    days = [item.day for item in occurrences(event)]
    assert date(2027, 3, 30) not in days
    assert date(2027, 5, 25) not in days
    assert days[:3] == [date(2027, 3, 2), date(2027, 3, 16), date(2027, 4, 13)]
    raw = calendar_of(event).decode()
    assert "RRULE:FREQ=WEEKLY;UNTIL=20270622T170000Z;INTERVAL=2" in raw
    assert "EXDATE;TZID=Europe/Brussels:20270330T190000,20270525T190000" in raw


def test_monthly_on_the_31st_skips_short_months() -> None:
    days = [item.day for item in occurrences(CASES["monthly on the 31st"])]
    assert [d.month for d in days] == [1, 3, 5, 7, 8, 10, 12]
    assert {d.day for d in days} == {31}


def test_each_date_lasts_as_long_as_the_first() -> None:
    event = CASES["over two days, monthly"]
    for item in occurrences(event):
        assert item.ends_at is not None and isinstance(item.start, datetime)
        assert item.ends_at - item.start == timedelta(hours=4)


def test_all_day_dates_in_the_calendar_are_dates() -> None:
    raw = calendar_of(CASES["all day, weekly"]).decode()
    assert "DTSTART;VALUE=DATE:20270403" in raw
    assert "RRULE:FREQ=WEEKLY;UNTIL=20270501" in raw


def test_a_cancelled_series_is_cancelled_in_the_calendar() -> None:
    event = repeating(
        "2027-04-06 19:00", {"every": "week", "until": "2027-04-27"}, status="cancelled"
    )
    calendar = icalendar.Calendar.from_ical(calendar_of(event))
    found = recurring_ical_events.of(calendar).between(date(2027, 1, 1), date(2028, 1, 1))
    assert len(found) == 4
    assert {str(item["STATUS"]) for item in found} == {"CANCELLED"}


def test_campaign_feed_has_one_vevent_per_repeating_event() -> None:
    campaign = campaign_model(
        events={
            "repair-cafe": {
                "title": "Repair café",
                "start": "2027-04-06 19:00",
                "end": "21:00",
                "location": PLACE,
                "repeat": {"every": "week", "until": "2027-06-29", "except": ["2027-05-04"]},
            }
        }
    )
    data = campaign_calendar(campaign, url_for=lambda e: None, stamp=STAMP)
    calendar = icalendar.Calendar.from_ical(data)
    vevents = [c for c in calendar.walk("VEVENT") if str(c["UID"]).startswith("repair-cafe@")]
    assert len(vevents) == 1
    assert sorted(read_back(data))[-1][0] == datetime(2027, 6, 29, 19, 0)
    assert len([d for d in read_back(data) if d[0].hour == 19]) == 12


def test_google_link_carries_the_rule_and_outlook_one_date() -> None:
    event = CASES["two weeks with exceptions"]
    google = parse_qs(urlsplit(google_calendar_url(campaign_model(), event, None)).query)
    assert google["recur"] == ["RRULE:FREQ=WEEKLY;UNTIL=20270622T170000Z;INTERVAL=2"]
    assert google["dates"] == ["20270302T180000Z/20270302T203000Z"]
    # Outlook takes no rule: the caller gives the date to add.
    later = occurrences(event)[3]
    outlook = parse_qs(urlsplit(outlook_calendar_url(campaign_model(), later, None)).query)
    assert outlook["startdt"] == ["2027-04-27T17:00:00Z"]
    assert "recur" not in outlook


def test_a_plain_event_has_no_rule() -> None:
    event = event_model()
    assert occurrences(event) == (event,)
    assert "RRULE" not in calendar_of(event).decode()
    assert "recur" not in google_calendar_url(campaign_model(), event, None)


def test_rule_starts_stop_past_the_limit() -> None:
    event = repeating("2027-01-01 10:00", {"every": "week", "until": "2047-01-01"})
    assert event.repeat is not None
    assert len(rule_starts(event.start, event.repeat)) == MAX_OCCURRENCES + 1
    assert len(occurrences(event)) == MAX_OCCURRENCES


def test_the_time_zone_covers_the_last_date() -> None:
    raw = calendar_of(CASES["monthly into the next year"]).decode()
    assert "RDATE:20281029T030000" in raw  # the October 2028 change, before the last date
