"""Times around the clock changes in Brussels: one that does not exist is refused, one that
happens twice reads the same on the page and in the resident's calendar."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest
from support.campaigns import MINIMAL, write_campaign

from campaignkit.calendar import event_calendar
from campaignkit.i18n import format_event_when
from campaignkit.model import Campaign
from campaignkit.problems import CampaignError
from campaignkit.validation import load_campaign

STAMP = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)


def _campaign_with_event(tmp_path: Path, start: str, end: str) -> Campaign:
    """A campaign in 2026 with one event, markt: its start on line 2, its end on line 3."""
    folder = write_campaign(
        tmp_path / "campaigns",
        "demo",
        base=MINIMAL,
        campaign={"period": {"start": "2026-03-01", "end": "2026-12-31"}},
        events={
            "markt": {
                "title": "Klimaatmarkt",
                "start": start,
                "end": end,
                "location": {"name": "Markt"},
            }
        },
    )
    return load_campaign(folder, base=tmp_path)


@pytest.mark.parametrize(
    ("start", "end", "where", "suggestion"),
    [
        ("2026-03-29 02:30", "05:00", (2, 8), "bv. 2026-03-29 03:30"),
        ("2026-03-29 02:00", "05:00", (2, 8), "bv. 2026-03-29 03:00"),
        ("2026-03-29 01:00", "02:30", (3, 6), "bv. 03:30"),
        ("2026-03-29 01:00", "2026-03-29 02:59", (3, 6), "bv. 2026-03-29 03:59"),
    ],
)
def test_a_time_the_clock_skips_is_refused(
    tmp_path: Path, start: str, end: str, where: tuple[int, int], suggestion: str
) -> None:
    with pytest.raises(CampaignError) as caught:
        _campaign_with_event(tmp_path, start, end)
    (problem,) = caught.value.problems
    assert problem.file == "campaigns/demo/events/markt.yml"
    assert (problem.line, problem.column) == where
    assert problem.message == (
        "Dit uur bestaat niet: in de nacht van 2026-03-29 springt de klok van 02:00 naar 03:00."
    )
    assert suggestion in problem.hint


@pytest.mark.parametrize(
    ("start", "end"), [("2026-03-29 01:59", "03:00"), ("2026-03-29 03:00", "04:00")]
)
def test_the_times_around_the_jump_exist(tmp_path: Path, start: str, end: str) -> None:
    campaign = _campaign_with_event(tmp_path, start, end)
    assert f"{campaign.event('markt').start:%Y-%m-%d %H:%M}" == start


def test_the_hour_that_happens_twice_reads_the_same_on_the_page_and_in_the_calendar(
    tmp_path: Path,
) -> None:
    # On 2026-10-25 the clock goes back from 03:00 to 02:00: 02:30 happens twice. It is the
    # first one, still summer time (+02:00), which is 00:30 UTC.
    campaign = _campaign_with_event(tmp_path, "2026-10-25 02:30", "03:00")
    event = campaign.event("markt")
    assert format_event_when(event, "nl") == "zondag 25 oktober 2026, van 02:30 tot 03:00"
    data = event_calendar(campaign, event, page_url=None, stamp=STAMP)
    assert b"DTSTART;TZID=Europe/Brussels:20261025T023000" in data
    (vevent,) = icalendar.Calendar.from_ical(data).events
    start, end = vevent.start, vevent.end
    assert isinstance(start, datetime) and isinstance(end, datetime)
    assert start.astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert f"{start:%H:%M}" == "02:30" and f"{end:%H:%M}" == "03:00"
    # 03:00 comes after the second 02:00: one and a half real hours later.
    assert end.astimezone(UTC) == datetime(2026, 10, 25, 2, 0, tzinfo=UTC)
