"""A repeating event in the kit: its calendar file holds the series, its poster and social
card say how it repeats in the campaign's language, and kit texts can say it too."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events
from kit_readers import STAMP, needs_poppler, pdf_text
from support.campaigns import EVENT, write_campaign

from campaignkit.kit import Kit, build_kit
from campaignkit.repeats import occurrences
from campaignkit.texts import load_texts
from campaignkit.validation import load_campaign

REPAIR = {
    "title": "Repair café",
    "start": "2027-03-02 19:00",
    "end": "21:00",
    "location": {"name": "Buurthuis", "address": "Kerkstraat 1, 8980 Zonnebeke"},
    "description": "Breng je kapotte toestellen mee.",
    "repeat": {"every": "week", "until": "2027-06-29", "except": ["2027-04-06"]},
}
SERIES = {
    "nl": "elke week op dinsdag, 19:00–21:00, van 2 maart tot 29 juni 2027, niet op 6 april 2027",
    "fr": "chaque semaine le mardi, 19:00–21:00, du 2 mars au 29 juin 2027, sauf le 6 avril 2027",
    "en": "every week on Tuesday, 19:00–21:00, from 2 March to 29 June 2027, not on 6 April 2027",
}
TEXT = """\
---
title: Repair café
channel: social
event: repair-cafe
---
Repair café: {{ event.repeat }}. {{ url }}
"""


@pytest.fixture(scope="module", params=list(SERIES))
def made(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    language = request.param
    folder = write_campaign(
        tmp_path_factory.mktemp(language),
        campaign={"language": language},
        events={"repair-cafe": REPAIR},
        texts={"herstel.md": TEXT},
    )
    campaign = load_campaign(folder)
    kit = build_kit(campaign, cache_dir=tmp_path_factory.mktemp("cache"), stamp=STAMP)
    return language, campaign, kit


def test_the_kits_calendar_holds_the_series(made: tuple[str, object, Kit]) -> None:
    _, campaign, kit = made
    data = kit.files["kit/agenda/repair-cafe.ics"]
    calendar = icalendar.Calendar.from_ical(data)
    (vevent,) = calendar.walk("VEVENT")
    assert "RRULE" in vevent and "EXDATE" in vevent
    found = recurring_ical_events.of(calendar).between(date(2027, 1, 1), date(2028, 1, 1))
    starts = sorted(item["DTSTART"].dt.replace(tzinfo=None) for item in found)
    event = campaign.event("repair-cafe")  # type: ignore[attr-defined]
    assert starts == [item.start for item in occurrences(event)]
    assert datetime(2027, 4, 6, 19, 0) not in starts
    # The site publishes the same bytes (made once, shared).
    assert kit.calendars is not None
    shared = kit.calendars.of("repair-cafe")
    assert (shared if isinstance(shared, bytes) else shared.path.read_bytes()) == data


@needs_poppler
def test_the_poster_says_how_it_repeats(made: tuple[str, object, Kit], tmp_path: Path) -> None:
    language, _, kit = made
    text = pdf_text(kit.files["kit/affiches/activiteit-repair-cafe-a4.pdf"], tmp_path)
    words = " ".join(text.split())
    series = SERIES[language]
    assert series[:1].upper() + series[1:24] in words  # it starts the line
    for part in re.split(r", ", series)[1:]:
        assert part in words, (part, words)


def test_a_text_can_say_how_it_repeats(made: tuple[str, object, Kit]) -> None:
    language, campaign, _ = made
    texts = {t.slug: t for t in load_texts(campaign)}  # type: ignore[arg-type]
    assert SERIES[language] in texts["herstel"].plain


def test_a_plain_event_leaves_the_placeholder_empty(tmp_path: Path) -> None:
    folder = write_campaign(
        tmp_path / "campaigns",
        texts={"herstel.md": TEXT.replace("repair-cafe", EVENT)},
    )
    texts = {t.slug: t for t in load_texts(load_campaign(folder))}
    assert texts["herstel"].plain.startswith("Repair café: .")
