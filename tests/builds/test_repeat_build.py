"""A whole build with repeating events: the dates on the pages are the ones a second,
independent calendar reader finds in the built .ics files."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
import recurring_ical_events
from support.campaigns import SLUG, write_campaign
from support.projects import build_site

from campaignkit.pages.context import AGENDA_DATES

EVENTS: dict[str, Any] = {
    # Weekly at 19:00 across the October clock change, one evening left out.
    "repair-cafe": {
        "title": "Repair café",
        "start": "2027-09-07 19:00",
        "end": "21:00",
        "location": {"name": "Buurthuis De Kring", "address": "Kerkstraat 1, 8980 Zonnebeke"},
        "repeat": {"every": "week", "until": "2027-11-30", "except": ["2027-10-12"]},
    },
    # Monthly on the 31st: the months without one are skipped.
    "maandmarkt": {
        "title": "Maandmarkt",
        "start": "2027-05-31",
        "location": {"name": "Markt"},
        "repeat": {"every": "month", "until": "2027-12-31"},
    },
}
#: The build's day: 2027-10-20, midnight in Brussels (summer time).
EPOCH = str(int(datetime(2027, 10, 20, tzinfo=UTC).timestamp()) - 2 * 3600)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from support.projects import make_project

    project = make_project(tmp_path_factory.mktemp("repeat") / "project")
    write_campaign(project / "campaigns", events=EVENTS)
    return build_site(project, project / "site", campaign=SLUG, epoch=EPOCH)


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def read_back(data: bytes, slug: str | None = None) -> list[str]:
    """The starts a second reader finds, as the pages write them in ``<time datetime>``."""
    calendar = icalendar.Calendar.from_ical(data)
    found = recurring_ical_events.of(calendar).between(date(2027, 1, 1), date(2029, 1, 1))
    starts = []
    for item in found:
        if slug and not str(item["UID"]).startswith(f"{slug}@"):
            continue
        start = item["DTSTART"].dt
        if isinstance(start, datetime):
            assert str(start.tzinfo) == "Europe/Brussels"
            starts.append(f"{start:%Y-%m-%dT%H:%M}")
        else:
            starts.append(start.isoformat())
    return sorted(starts)


def section(page: str, heading_id: str) -> str:
    """The part of ``page`` from the heading ``heading_id`` to the next h2."""
    found = re.search(rf'id="{heading_id}".*?(?=<h2|$)', page, re.S)
    assert found, heading_id
    return found.group()


def times(fragment: str) -> list[str]:
    return re.findall(r'<time datetime="([^"]+)"', fragment)


@pytest.mark.parametrize("slug", EVENTS)
def test_event_page_dates_are_those_of_its_calendar(site: Path, slug: str) -> None:
    page = read(site, f"agenda/{slug}/index.html")
    shown = times(section(page, "data")) + times(section(page, "voorbije-data"))
    own = read_back((site / f"agenda/{slug}.ics").read_bytes())
    assert sorted(shown) == own
    # The campaign's feed: one VEVENT per event, the same dates.
    feed = (site / "agenda.ics").read_bytes()
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(feed).walk("VEVENT")]
    assert len([uid for uid in uids if uid.startswith(f"{slug}@")]) == 1
    assert read_back(feed, slug) == own


def test_the_weekly_time_stays_across_the_clock_change(site: Path) -> None:
    page = read(site, "agenda/repair-cafe/index.html")
    coming = times(section(page, "data"))
    assert coming[:3] == ["2027-10-26T19:00", "2027-11-02T19:00", "2027-11-09T19:00"]
    assert "2027-10-12T19:00" not in times(page)  # left out
    assert "elke week op dinsdag, 19:00–21:00, van 7 september tot 30 november 2027" in page
    assert "niet op 12 oktober 2027" in page


def test_monthly_on_the_31st_skips_short_months(site: Path) -> None:
    page = read(site, "agenda/maandmarkt/index.html")
    assert times(section(page, "voorbije-data")) == [
        "2027-05-31",
        "2027-07-31",
        "2027-08-31",
    ]
    assert times(section(page, "data")) == ["2027-10-31", "2027-12-31"]


def test_agenda_lists_the_next_dates_and_the_past_ones_under_past(site: Path) -> None:
    agenda = read(site, "agenda/index.html")
    upcoming = section(agenda, "binnenkort")
    past = section(agenda, "voorbij")
    ics = read_back((site / "agenda/repair-cafe.ics").read_bytes())
    coming = [s for s in ics if s >= "2027-10-20"]
    gone = [s for s in ics if s < "2027-10-20"]
    assert [s for s in times(upcoming) if "T19" in s] == coming[:AGENDA_DATES]
    assert sorted(s for s in times(past) if "T19" in s) == gone[-AGENDA_DATES:]
    assert "elke week op dinsdag" in upcoming
    assert "Alle data staan op de pagina van de activiteit." in upcoming


def test_home_shows_a_repeating_event_once(site: Path) -> None:
    home = read(site, "index.html")
    upcoming = re.search(r'id="agenda">.*?</section>', home, re.S)
    assert upcoming
    assert upcoming.group().count("Repair café") == 1
    assert "2027-10-26T19:00" in upcoming.group()


def test_add_to_calendar_links(site: Path) -> None:
    page = read(site, "agenda/repair-cafe/index.html")
    links = [html.unescape(h) for h in re.findall(r'href="([^"]+)"', page)]
    google = next(h for h in links if "calendar.google.com" in h)
    recur = parse_qs(urlsplit(google).query)["recur"]
    assert recur == ["RRULE:FREQ=WEEKLY;UNTIL=20271130T180000Z"]
    outlook = next(h for h in links if "outlook.live.com" in h)
    # Outlook takes one date: the next one (19:00 summer time is 17:00 UTC).
    assert parse_qs(urlsplit(outlook).query)["startdt"] == ["2027-10-26T17:00:00Z"]
