"""Events as .ics files and "add to calendar" links."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from support.campaigns import MINIMAL, campaign_model, event_model

from campaignkit.blocks import parse as parse_blocks
from campaignkit.blocks import plain_text
from campaignkit.cache import Stored
from campaignkit.calendar import (
    PRODID,
    calendar_files,
    campaign_calendar,
    event_calendar,
    event_span,
    google_calendar_url,
    outlook_calendar_url,
)
from campaignkit.model import Campaign, Event
from campaignkit.urls import Addresses

STAMP = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)
PAGE = "https://klimaat.gent.be/activiteiten/repair-cafe/"
#: The repair café's description as calendars get it (as the kit's .txt files write it).
DESCRIPTION = f"Breng je kapotte toestellen mee.\n\nWe herstellen (https://ex.be) samen.\n\n{PAGE}"


#: A campaign in Gent whose title needs escaping in a calendar, with one event.
GENT = MINIMAL.changed(
    campaign={
        "title": "Gent, klimaatgemeente; samen",
        "intro": "Samen doen we meer.",
        "municipality": {"name": "Gent"},
        "period": {"start": "2027-03-01", "end": "2027-11-30"},
        "contact": {"email": "klimaat@gent.be"},
        "branding": {"primary": "#1a5e3a"},
    },
    events={
        "repair-cafe": {
            "title": "Repair café",
            "start": "2027-05-08 14:00",
            "end": "17:00",
            "location": {"name": "Buurthuis De Kring", "address": "Kerkstraat 1, 9000 Gent"},
            "description": (
                "Breng je kapotte *toestellen* mee.\n\nWe [herstellen](https://ex.be) samen."
            ),
        }
    },
)


def make_event(slug: str = "repair-cafe", **fields: Any) -> Event:
    """GENT's repair café under ``slug``, with ``fields`` changed (None: not given)."""
    return event_model(slug, base=GENT, like="repair-cafe", **fields)


def make_campaign(*events: Event) -> Campaign:
    """GENT with exactly ``events``."""
    return campaign_model("gent-klimaat", base=GENT).model_copy(update={"events": events})


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def vevents(data: bytes) -> list[icalendar.Event]:
    return list(parse(data).walk("VEVENT"))


def single(event: Event, page_url: str | None = PAGE) -> icalendar.Event:
    data = event_calendar(make_campaign(event), event, page_url=page_url, stamp=STAMP)
    (vevent,) = vevents(data)
    return vevent


def lines(data: bytes) -> list[bytes]:
    """Content lines as a client splits them (CR and LF both count)."""
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


# --- the calendar around the event ------------------------------------------------------------


def test_calendar_properties_and_timezone() -> None:
    event = make_event()
    data = event_calendar(make_campaign(event), event, page_url=PAGE, stamp=STAMP)
    calendar = parse(data)
    assert str(calendar["PRODID"]) == PRODID
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert b"\r\nX-WR-CALNAME:Gent\\, klimaatgemeente\\; samen\r\n" in data
    (timezone,) = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/Brussels"
    assert {c.name for c in timezone.subcomponents} == {"STANDARD", "DAYLIGHT"}


def test_event_properties() -> None:
    vevent = single(make_event())
    assert str(vevent["UID"]) == "repair-cafe@gent-klimaat.campaignkit"
    assert vevent["DTSTAMP"].dt == STAMP
    assert str(vevent["SUMMARY"]) == "Repair café"
    assert str(vevent["LOCATION"]) == "Buurthuis De Kring, Kerkstraat 1, 9000 Gent"
    assert str(vevent["DESCRIPTION"]) == DESCRIPTION
    assert str(vevent["URL"]) == PAGE
    assert str(vevent["STATUS"]) == "CONFIRMED"


def test_description_keeps_paragraphs_and_list_items_as_lines() -> None:
    description = (
        "Op de markt vind je:\n\n- een *hersteltafel*;\n- plantjes.\n\n"
        "Voor kinderen is er een\nknutselhoek. De toegang is gratis."
    )
    event = make_event(description=description)
    data = event_calendar(make_campaign(event), event, page_url=PAGE, stamp=STAMP)
    text = "Op de markt vind je:\n\n- een hersteltafel;\n- plantjes.\n\n" + (
        "Voor kinderen is er een knutselhoek. De toegang is gratis."
    )
    (vevent,) = vevents(data)
    assert str(vevent["DESCRIPTION"]) == f"{text}\n\n{PAGE}"
    assert text == plain_text(parse_blocks(description)).strip()  # the kit's .txt rendering
    unfolded = data.replace(b"\r\n ", b"")
    assert b"DESCRIPTION:Op de markt vind je:\\n\\n- een hersteltafel\\;\\n- plantjes." in unfolded


def test_start_and_end_are_brussels_times() -> None:
    vevent = single(make_event())
    start, end = vevent["DTSTART"], vevent["DTEND"]
    assert start.params["TZID"] == "Europe/Brussels"
    assert end.params["TZID"] == "Europe/Brussels"
    assert start.dt.replace(tzinfo=None) == datetime(2027, 5, 8, 14, 0)
    assert end.dt.replace(tzinfo=None) == datetime(2027, 5, 8, 17, 0)
    assert utc(start.dt) == datetime(2027, 5, 8, 12, 0, tzinfo=UTC)  # summer time, +02:00


def test_winter_time_offset() -> None:
    vevent = single(make_event(start="2027-12-01 19:30", end="21:00"))
    assert utc(vevent["DTSTART"].dt) == datetime(2027, 12, 1, 18, 30, tzinfo=UTC)


def test_end_on_another_day() -> None:
    vevent = single(make_event(start="2027-06-12 20:00", end="2027-06-13 02:00"))
    assert vevent["DTEND"].dt.replace(tzinfo=None) == datetime(2027, 6, 13, 2, 0)


def test_timed_event_without_end_lasts_two_hours() -> None:
    vevent = single(make_event(end=None))
    assert vevent["DTEND"].dt - vevent["DTSTART"].dt == timedelta(hours=2)


def test_all_day_event_uses_dates_and_an_exclusive_end() -> None:
    event = make_event(start="2027-05-08", end=None)
    data = event_calendar(make_campaign(event), event, page_url=PAGE, stamp=STAMP)
    assert b"\r\nDTSTART;VALUE=DATE:20270508\r\n" in data
    assert b"\r\nDTEND;VALUE=DATE:20270509\r\n" in data
    (vevent,) = vevents(data)
    assert vevent["DTSTART"].dt == date(2027, 5, 8)
    assert vevent["DTEND"].dt == date(2027, 5, 9)


def test_cancelled_event() -> None:
    assert str(single(make_event(status="cancelled"))["STATUS"]) == "CANCELLED"


def test_online_event_has_its_address_as_location() -> None:
    vevent = single(make_event(location=None, online_url="https://meet.ex.be/klimaat"))
    assert str(vevent["LOCATION"]) == "https://meet.ex.be/klimaat"


def test_without_page_url_or_description() -> None:
    vevent = single(make_event(description=None), page_url=None)
    assert "URL" not in vevent
    assert "DESCRIPTION" not in vevent


def test_stamp_is_written_in_utc() -> None:
    event = make_event()
    stamp = datetime(2027, 1, 15, 13, 0, tzinfo=timedelta_zone(1))
    data = event_calendar(make_campaign(event), event, page_url=None, stamp=stamp)
    assert b"\r\nDTSTAMP:20270115T120000Z\r\n" in data
    naive = event_calendar(
        make_campaign(event), event, page_url=None, stamp=datetime(2027, 1, 15, 12)
    )
    assert naive == data


def timedelta_zone(hours: int) -> Any:
    from datetime import timezone

    return timezone(timedelta(hours=hours))


# --- clock changes ----------------------------------------------------------------------------


def in_the_spring_gap(**fields: Any) -> Event:
    """An event at 2027-03-28 02:30, a time the clock skips. Validation refuses it; the
    calendar still writes one built by hand as RFC 5545 says."""
    event = make_event(start="2027-03-28 01:30", **fields)
    return event.model_copy(update={"start": datetime(2027, 3, 28, 2, 30)})


def test_time_in_the_spring_gap_moves_forward() -> None:
    # 2027-03-28 02:30 does not exist in Brussels: RFC 5545 reads it with the offset before
    # the gap (+01:00), which is 01:30 UTC, 03:30 summer time. That is what we write.
    vevent = single(in_the_spring_gap(end=None))
    start, end = vevent["DTSTART"].dt, vevent["DTEND"].dt
    assert start.replace(tzinfo=None) == datetime(2027, 3, 28, 3, 30)
    assert utc(start) == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)
    assert utc(end) - utc(start) == timedelta(hours=2)


def test_end_just_after_the_spring_gap_keeps_the_written_length() -> None:
    start, end = event_span(in_the_spring_gap(end="03:00"))
    assert isinstance(start, datetime)
    assert isinstance(end, datetime)
    assert start.replace(tzinfo=None) == datetime(2027, 3, 28, 3, 30)
    assert end.replace(tzinfo=None) == datetime(2027, 3, 28, 4, 0)


def test_event_across_the_spring_gap() -> None:
    vevent = single(make_event(start="2027-03-28 01:00", end="04:00"))
    assert utc(vevent["DTEND"].dt) - utc(vevent["DTSTART"].dt) == timedelta(hours=2)


def test_ambiguous_autumn_time_is_the_first_one() -> None:
    # 2027-10-31 02:30 happens twice; RFC 5545 says the first, still summer time (+02:00).
    vevent = single(make_event(start="2027-10-31 02:30", end=None))
    start, end = vevent["DTSTART"].dt, vevent["DTEND"].dt
    assert start.replace(tzinfo=None) == datetime(2027, 10, 31, 2, 30)
    assert utc(start) == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)
    # Two real hours later the clock shows 03:30 winter time.
    assert utc(end) == datetime(2027, 10, 31, 2, 30, tzinfo=UTC)
    assert end.replace(tzinfo=None) == datetime(2027, 10, 31, 3, 30)


def test_timezone_covers_the_clock_changes_of_the_event_year() -> None:
    event = make_event(start="2027-10-31 02:30")
    data = event_calendar(make_campaign(event), event, page_url=None, stamp=STAMP)
    assert b"20270328T030000" in data
    assert b"20271031T030000" in data


# --- escaping ---------------------------------------------------------------------------------

INJECTION = "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@example\r\nSUMMARY:Gratis"


@pytest.mark.parametrize(
    "update",
    [
        {"title": "Fietstocht" + INJECTION},
        {"title": "Fietstocht\rBEGIN:VEVENT\nUID:evil"},
        {"location": {"name": "Zaal" + INJECTION, "address": None}},
    ],
    ids=["title-crlf", "title-cr-lf", "location"],
)
def test_injected_lines_stay_text(update: dict[str, Any]) -> None:
    event = make_event()
    if "location" in update:
        location = event.location.model_copy(update=update["location"])  # type: ignore[union-attr]
        hostile = event.model_copy(update={"location": location})
    else:
        hostile = event.model_copy(update=update)
    data = event_calendar(make_campaign(hostile), hostile, page_url=PAGE, stamp=STAMP)
    assert lines(data).count(b"BEGIN:VEVENT") == 1
    assert lines(data).count(b"END:VEVENT") == 1
    (vevent,) = vevents(data)
    assert str(vevent["UID"]) == "repair-cafe@gent-klimaat.campaignkit"
    assert "\n" not in str(vevent["SUMMARY"])
    assert "\n" not in str(vevent.get("LOCATION", ""))


def test_injection_in_description_and_page_url() -> None:
    event = make_event(description="Info" + INJECTION)
    data = event_calendar(make_campaign(event), event, page_url=PAGE + INJECTION, stamp=STAMP)
    assert lines(data).count(b"BEGIN:VEVENT") == 1
    (vevent,) = vevents(data)
    assert str(vevent["DESCRIPTION"]).startswith("Info END:VEVENT BEGIN:VEVENT")
    assert "URL" not in vevent  # not a clean URL, so left out


def test_commas_and_semicolons_are_escaped() -> None:
    event = make_event(title="Eten, drinken; feesten \\ meer")
    data = event_calendar(make_campaign(event), event, page_url=None, stamp=STAMP)
    assert b"SUMMARY:Eten\\, drinken\\; feesten \\\\ meer" in data
    assert b"LOCATION:Buurthuis De Kring\\, Kerkstraat 1\\, 9000 Gent" in data
    (vevent,) = vevents(data)
    assert str(vevent["SUMMARY"]) == "Eten, drinken; feesten \\ meer"


def test_lines_end_in_crlf_and_are_folded() -> None:
    event = make_event(description="Lang " * 200)
    data = event_calendar(make_campaign(event), event, page_url=PAGE, stamp=STAMP)
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)


# --- determinism ------------------------------------------------------------------------------


def test_same_input_gives_the_same_bytes() -> None:
    event = make_event()
    first = event_calendar(make_campaign(event), event, page_url=PAGE, stamp=STAMP)
    again = event_calendar(make_campaign(make_event()), make_event(), page_url=PAGE, stamp=STAMP)
    assert first == again


# --- the whole campaign -----------------------------------------------------------------------


def test_campaign_calendar_holds_all_events_in_time_order() -> None:
    late = make_event("slotfeest", title="Slotfeest", start="2027-11-20 18:00", end=None)
    early = make_event("fietstocht", title="Fietstocht", start="2027-04-04", end=None)
    middle = make_event()
    campaign = make_campaign(late, early, middle)
    urls = {"fietstocht": "https://ex.be/fietstocht/", "repair-cafe": PAGE}

    data = campaign_calendar(campaign, url_for=lambda e: urls.get(e.slug), stamp=STAMP)

    calendar = parse(data)
    assert len(calendar.walk("VTIMEZONE")) == 1
    events = list(calendar.walk("VEVENT"))
    assert [str(e["UID"]) for e in events] == [
        "fietstocht@gent-klimaat.campaignkit",
        "repair-cafe@gent-klimaat.campaignkit",
        "slotfeest@gent-klimaat.campaignkit",
    ]
    assert [str(e.get("URL")) for e in events] == [urls["fietstocht"], PAGE, "None"]
    assert all(e["DTSTAMP"].dt == STAMP for e in events)
    assert data == campaign_calendar(campaign, url_for=lambda e: urls.get(e.slug), stamp=STAMP)


def test_campaign_calendar_without_events_still_has_the_timezone() -> None:
    data = campaign_calendar(make_campaign(), url_for=lambda e: None, stamp=STAMP)
    assert len(parse(data).walk("VTIMEZONE")) == 1
    assert vevents(data) == []


def test_timezone_spans_events_outside_the_campaign_period() -> None:
    event = make_event(start="2029-02-01 10:00")
    data = campaign_calendar(make_campaign(event), url_for=lambda e: None, stamp=STAMP)
    assert b"20290325T030000" in data  # the 2029 change to summer time


# --- links ------------------------------------------------------------------------------------


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query, strict_parsing=True).items()}


def test_google_link() -> None:
    event = make_event(title="Eten & drinken")
    url = google_calendar_url(make_campaign(event), event, PAGE)
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https",
        "calendar.google.com",
        "/calendar/render",
    )
    assert " " not in url
    assert "\n" not in url
    assert query(url) == {
        "action": "TEMPLATE",
        "text": "Eten & drinken",
        "dates": "20270508T120000Z/20270508T150000Z",
        "ctz": "Europe/Brussels",
        "details": DESCRIPTION,
        "location": "Buurthuis De Kring, Kerkstraat 1, 9000 Gent",
    }


def test_google_link_all_day() -> None:
    event = make_event(start="2027-05-08", end=None)
    assert query(google_calendar_url(make_campaign(event), event, None))["dates"] == (
        "20270508/20270509"
    )


def test_google_link_spring_gap_uses_the_real_time() -> None:
    event = in_the_spring_gap(end=None)
    assert query(google_calendar_url(make_campaign(event), event, None))["dates"] == (
        "20270328T013000Z/20270328T033000Z"
    )


def test_google_link_ambiguous_autumn_time_is_the_first_one() -> None:
    event = make_event(start="2027-10-31 02:30", end="03:00")
    assert query(google_calendar_url(make_campaign(event), event, None))["dates"] == (
        "20271031T003000Z/20271031T020000Z"
    )


def test_outlook_link() -> None:
    event = make_event()
    url = outlook_calendar_url(make_campaign(event), event, PAGE)
    parts = urlsplit(url)
    assert (parts.netloc, parts.path) == ("outlook.live.com", "/calendar/0/deeplink/compose")
    assert " " not in url
    assert query(url) == {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": "Repair café",
        "startdt": "2027-05-08T12:00:00Z",
        "enddt": "2027-05-08T15:00:00Z",
        "location": "Buurthuis De Kring, Kerkstraat 1, 9000 Gent",
        "body": DESCRIPTION,
    }


def test_outlook_link_all_day() -> None:
    event = make_event(start="2027-05-08", end=None)
    params = query(outlook_calendar_url(make_campaign(event), event, None))
    assert params["allday"] == "true"
    assert (params["startdt"], params["enddt"]) == ("2027-05-08", "2027-05-09")


def test_links_keep_long_descriptions_short() -> None:
    event = make_event(description="woord " * 1_000)
    google = query(google_calendar_url(make_campaign(event), event, PAGE))
    outlook = query(outlook_calendar_url(make_campaign(event), event, PAGE))
    for text in (google["details"], outlook["body"]):
        description, page = text.split("\n\n")
        assert len(description) <= 500
        assert description.endswith("…")
        assert page == PAGE


def test_links_shorten_descriptions_by_whole_sentences() -> None:
    sentence = "Dit is een zin van ongeveer zestig tekens, met een punt erachter. "
    event = make_event(description=sentence * 5 + "\n\n- een punt\n\n" + sentence * 10)
    details = query(google_calendar_url(make_campaign(event), event, PAGE))["details"]
    description, page = details.rsplit("\n\n", 1)
    assert len(description) <= 500 and page == PAGE
    assert description.endswith("met een punt erachter.")
    assert "- een punt" in description


def test_links_leave_out_unsafe_page_urls() -> None:
    event = make_event(description=None)
    url = google_calendar_url(make_campaign(event), event, "javascript:alert(1)")
    assert "details" not in query(url)


ROOT = "https://klimaat.gent.be/"


def _read(data: bytes | Stored) -> bytes:
    return data.read() if isinstance(data, Stored) else data


def test_calendar_files_are_the_calendars_of_the_campaign() -> None:
    workshop = make_event("workshop", title="Workshop", start="2027-06-01 10:00")
    campaign = make_campaign(make_event(), workshop)
    files = calendar_files(campaign, Addresses(ROOT), STAMP)
    assert [item.event for item in files.events] == ["repair-cafe", "workshop"]
    page = ROOT + "agenda/workshop/"
    assert files.of("workshop") == event_calendar(campaign, workshop, page_url=page, stamp=STAMP)
    feed = campaign_calendar(campaign, url_for=lambda e: f"{ROOT}agenda/{e.slug}/", stamp=STAMP)
    assert files.feed == feed
    assert (files.root, files.stamp) == (ROOT, STAMP)
    # Without a public root, the files link nowhere.
    bare = calendar_files(campaign, Addresses(None), STAMP)
    assert bare.of("workshop") == event_calendar(campaign, workshop, page_url=None, stamp=STAMP)


def test_calendar_files_made_once_are_shared() -> None:
    campaign = make_campaign(make_event())
    made = calendar_files(campaign, Addresses(ROOT), STAMP)
    assert calendar_files(campaign, Addresses(ROOT), STAMP, made=made) is made
    # Made for another root or stamp, they are not the ones asked for.
    other = calendar_files(campaign, Addresses("https://p.be/gent/"), STAMP, made=made)
    assert other is not made and other.root == "https://p.be/gent/"
    later = STAMP + timedelta(days=1)
    assert calendar_files(campaign, Addresses(ROOT), later, made=made).stamp == later


def test_calendars_kept_in_a_cache_are_the_same_and_change_with_what_they_show(
    tmp_path: Path,
) -> None:
    from campaignkit.cache import Cache

    workshop = make_event("workshop", title="Workshop", start="2027-06-01 10:00")
    campaign = make_campaign(make_event(), workshop)
    fresh = calendar_files(campaign, Addresses(ROOT), STAMP)

    first = Cache(tmp_path)
    kept = calendar_files(campaign, Addresses(ROOT), STAMP, first)
    assert [_read(item.data) for item in kept.events] == [item.data for item in fresh.events]
    assert _read(kept.feed) == fresh.feed
    assert (first.hits, first.misses) == (0, 3)

    # The next build finds the files a build stored, from an equal campaign (new objects).
    again = make_campaign(
        make_event(), make_event("workshop", title="Workshop", start="2027-06-01 10:00")
    )
    second = Cache(tmp_path)
    found = calendar_files(again, Addresses(ROOT), STAMP, second)
    assert _read(found.of("workshop")) == fresh.of("workshop")
    assert (second.hits, second.misses) == (3, 0)

    # A change to an event (its slug too) makes its file and the feed anew; one to the
    # campaign's title, the address or the stamp makes every file anew.
    retitled = workshop.model_copy(update={"title": "Atelier"})
    renamed = workshop.model_copy(update={"slug": "atelier"})
    for changed, root, stamp, misses in (
        (make_campaign(make_event(), retitled), ROOT, STAMP, 2),
        (make_campaign(make_event(), renamed), ROOT, STAMP, 2),
        (campaign.model_copy(update={"title": "Gent"}), ROOT, STAMP, 3),
        (campaign, "https://p.be/gent/", STAMP, 3),
        (campaign, ROOT, STAMP + timedelta(days=1), 3),
    ):
        cache = Cache(tmp_path)
        files = calendar_files(changed, Addresses(root), stamp, cache)
        assert (cache.hits, cache.misses) == (3 - misses, misses)
        plain = calendar_files(changed, Addresses(root), stamp)
        assert [_read(item.data) for item in files.events] == [i.data for i in plain.events]
        assert _read(files.feed) == plain.feed
    # What no calendar shows (the campaign's intro) changes none of them.
    cache = Cache(tmp_path)
    calendar_files(campaign.model_copy(update={"intro": "Anders."}), Addresses(ROOT), STAMP, cache)
    assert (cache.hits, cache.misses) == (3, 0)
