"""Labels and Belgian date formatting in Dutch, French and English."""

from __future__ import annotations

from datetime import date, time

import pytest

from campaignkit.i18n import (
    ACTION_STATUS_LABELS,
    AUDIENCE_LABELS,
    EFFORT_LABELS,
    EVENT_STATUS_LABELS,
    LABELS,
    LANGUAGES,
    default_themes,
    format_date,
    format_day,
    format_decimal,
    format_event_when,
    format_month_short,
    format_period,
    format_time,
    phrase,
)
from campaignkit.model import AUDIENCES, DEFAULT_THEME_IDS, Event


def event(start: str, end: str | None = None) -> Event:
    return Event(title="x", start=start, end=end, online_url="https://example.org")


def test_every_language_has_every_label() -> None:
    keys = set(LABELS["nl"])
    for language in LANGUAGES:
        assert set(LABELS[language]) == keys, language
        assert set(AUDIENCE_LABELS[language]) == set(AUDIENCES)
        assert set(EFFORT_LABELS[language]) == {"low", "medium", "high"}
        assert set(ACTION_STATUS_LABELS[language]) == {"planned", "running", "done"}
        assert set(EVENT_STATUS_LABELS[language]) == {"confirmed", "cancelled"}
        assert all(value.strip() for value in LABELS[language].values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_default_themes(language: str) -> None:
    themes = default_themes(language)
    assert tuple(theme.id for theme in themes) == DEFAULT_THEME_IDS
    assert len({theme.title for theme in themes}) == len(themes)


def test_theme_titles_are_translated() -> None:
    assert default_themes("nl")[0].title == "Energie"
    assert default_themes("fr")[6].title == "Déchets"
    assert default_themes("en")[1].title == "Mobility"


@pytest.mark.parametrize(
    ("language", "day", "expected"),
    [
        ("nl", date(2027, 5, 15), "zaterdag 15 mei 2027"),
        ("fr", date(2027, 5, 15), "samedi 15 mai 2027"),
        ("fr", date(2027, 5, 1), "samedi 1er mai 2027"),
        ("en", date(2027, 5, 15), "Saturday 15 May 2027"),
    ],
)
def test_format_day(language: str, day: date, expected: str) -> None:
    assert format_day(day, language) == expected


def test_times_are_24_hour_with_leading_zero() -> None:
    for language in LANGUAGES:
        assert format_time(time(18, 0), language) == "18:00"
        assert format_time(time(9, 5), language) == "09:05"


def test_dates_and_months() -> None:
    assert format_date(date(2027, 3, 1), "nl") == "1 maart 2027"
    assert format_month_short(date(2027, 3, 1), "nl") == "mrt"
    assert format_month_short(date(2027, 2, 1), "fr") == "févr"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", "van 1 maart tot 31 oktober 2027"),
        ("fr", "du 1er mars au 31 octobre 2027"),
        ("en", "from 1 March to 31 October 2027"),
    ],
)
def test_format_period(language: str, expected: str) -> None:
    assert format_period(date(2027, 3, 1), date(2027, 10, 31), language) == expected


def test_period_over_new_year_and_single_day() -> None:
    assert (
        format_period(date(2026, 12, 1), date(2027, 1, 31), "nl")
        == "van 1 december 2026 tot 31 januari 2027"
    )
    assert format_period(date(2027, 5, 1), date(2027, 5, 1), "nl") == "1 mei 2027"


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2027-05-15", None, "zaterdag 15 mei 2027 (hele dag)"),
        ("2027-05-15 18:00", None, "zaterdag 15 mei 2027 om 18:00"),
        ("2027-05-15 18:00", "20:00", "zaterdag 15 mei 2027, van 18:00 tot 20:00"),
        (
            "2027-05-15 18:00",
            "2027-05-16 12:00",
            "van zaterdag 15 mei 2027 om 18:00 tot zondag 16 mei 2027 om 12:00",
        ),
    ],
)
def test_format_event_when_in_dutch(start: str, end: str | None, expected: str) -> None:
    assert format_event_when(event(start, end), "nl") == expected


def test_format_event_when_in_french_and_english() -> None:
    assert format_event_when(event("2027-05-15 18:00", "20:00"), "fr") == (
        "samedi 15 mai 2027, de 18:00 à 20:00"
    )
    assert format_event_when(event("2027-05-15"), "en") == "Saturday 15 May 2027 (all day)"


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [("nl", 27.46, "27,5"), ("fr", 27.46, "27,5"), ("en", 27.46, "27.5"), ("en", 1234.0, "1234.0")],
)
def test_format_decimal(language: str, value: float, expected: str) -> None:
    assert format_decimal(value, language) == expected


@pytest.mark.parametrize(
    ("language", "name", "expected"),
    [
        ("fr", "Anvers", "Une campagne d’Anvers."),
        ("fr", "Écaussinnes", "Une campagne d’Écaussinnes."),
        ("fr", "Mouscron", "Une campagne de Mouscron."),
        ("fr", "Hal", "Une campagne de Hal."),  # no guess at an h muet
        ("nl", "Asse", "Een campagne van Asse."),
        ("en", "Antwerp", "A campaign by Antwerp."),
    ],
)
def test_phrase_elides_de_before_a_vowel_in_french_only(
    language: str, name: str, expected: str
) -> None:
    assert phrase(LABELS[language]["organised_by"], language, municipality=name) == expected


def test_phrase_never_changes_the_values() -> None:
    label = "de {a} et de {b} ou de {c}"
    assert phrase(label, "fr", a="Ostende", b="Lier", c="Ypres") == (
        "d’Ostende et de Lier ou d’Ypres"
    )
    assert phrase("de {a}", "nl", a="Asse") == "de Asse"  # the Dutch article stays
