"""Labels and Belgian date formatting in Dutch, French and English; the catalogues."""

from __future__ import annotations

import re
import shutil
from datetime import date, time
from pathlib import Path
from typing import get_args

import pytest
from support.campaigns import event_model

from campaignkit.i18n import (
    ACTION_STATUS_LABELS,
    AUDIENCE_LABELS,
    EFFORT_LABELS,
    EVENT_STATUS_LABELS,
    KIT_LABELS,
    LABELS,
    LANGUAGES,
    LOCALE_DIR,
    babel_locale,
    catalogue,
    default_themes,
    find_catalogues,
    format_date,
    format_day,
    format_decimal,
    format_event_when,
    format_month_short,
    format_period,
    format_place,
    format_time,
    phrase,
    read_catalogue,
)
from campaignkit.model import AUDIENCES, DEFAULT_THEME_IDS, Language


def test_every_language_has_every_label() -> None:
    keys = set(LABELS["nl"])
    for language in LANGUAGES:
        assert set(LABELS[language]) == keys, language
        assert set(AUDIENCE_LABELS[language]) == set(AUDIENCES)
        assert set(EFFORT_LABELS[language]) == {"low", "medium", "high"}
        assert set(ACTION_STATUS_LABELS[language]) == {"planned", "running", "done"}
        assert set(EVENT_STATUS_LABELS[language]) == {"confirmed", "cancelled"}
        assert all(value.strip() for value in LABELS[language].values())


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{(\w*)\}", text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_has_the_dutch_keys_and_placeholders(language: str) -> None:
    dutch = catalogue("nl").groups
    groups = catalogue(language).groups
    assert groups.keys() == dutch.keys()
    for context, words in groups.items():
        assert words.keys() == dutch[context].keys(), (language, context)
        for key, text in words.items():
            assert text.strip(), (language, context, key)
            assert placeholders(text) == placeholders(dutch[context][key]), (context, key)


def test_catalogues_read_once_with_their_locale() -> None:
    assert LANGUAGES[0] == "nl"
    assert set(LANGUAGES) == set(get_args(Language))  # the languages a campaign may choose
    assert [babel_locale(language) for language in ("nl", "fr", "en")] == [
        "nl_BE",
        "fr_BE",
        "en_GB",
    ]
    assert catalogue("fr") is catalogue("fr")
    assert KIT_LABELS["fr"] is KIT_LABELS["fr"]


def test_lines_and_spaces_of_a_text_come_through_exactly() -> None:
    assert KIT_LABELS["nl"]["readme_use_steps"] == (
        "- Nieuwsbrief of website: open de tekst in teksten/ (Word of .txt), kopieer en plak.\n"
        "- Sociale media: kies een bericht uit teksten/sociaal-*.txt en een beeld uit\n"
        "  beelden/kaarten/ of een uitsnede uit beelden/.\n"
        "- Affiche: druk affiches/*-a4.pdf of *-a3.pdf af op ware grootte (100 %).\n"
        "  Voor de drukkerij: affiches/*-drukklaar.pdf (met afloop en snijtekens).\n"
        "- Eigen drukwerk: gebruik de -druk-beelden en de QR-codes in SVG."
    )
    assert KIT_LABELS["fr"]["readme_what"] == "  Description : {alt}"
    assert KIT_LABELS["fr"]["copy_name"] == "« {title} »"


def test_a_new_catalogue_is_a_new_language(tmp_path: Path) -> None:
    shutil.copytree(LOCALE_DIR, tmp_path, dirs_exist_ok=True)
    english = (LOCALE_DIR / "en/LC_MESSAGES/campaignkit.po").read_text(encoding="utf-8")
    german = tmp_path / "de/LC_MESSAGES/campaignkit.po"
    german.parent.mkdir(parents=True)
    german.write_text(
        english.replace('"Language: en_GB\\n"', '"Language: de_DE\\n"').replace(
            'msgid "home"\nmsgstr "Home"', 'msgid "home"\nmsgstr "Startseite"'
        ),
        encoding="utf-8",
    )
    found = find_catalogues(tmp_path)
    assert list(found) == ["nl", "de", "en", "fr"]
    words = read_catalogue(found["de"])
    assert words.locale == "de_DE"
    assert words.groups["site"]["home"] == "Startseite"
    assert words.groups["kit"] == catalogue("en").groups["kit"]


def test_a_fuzzy_or_empty_entry_is_untranslated(tmp_path: Path) -> None:
    path = tmp_path / "xx/LC_MESSAGES/campaignkit.po"
    path.parent.mkdir(parents=True)
    path.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgctxt "site"\nmsgid "home"\nmsgstr "Home"\n\n'
        '#, fuzzy\nmsgctxt "site"\nmsgid "actions"\nmsgstr "Actions"\n\n'
        'msgctxt "site"\nmsgid "agenda"\nmsgstr ""\n',
        encoding="utf-8",
    )
    words = read_catalogue(path)
    assert words.groups == {"site": {"home": "Home"}}
    assert words.locale == "xx"


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
    assert format_event_when(event_model(start=start, end=end), "nl") == expected


def test_format_event_when_in_french_and_english() -> None:
    assert format_event_when(event_model(start="2027-05-15 18:00", end="20:00"), "fr") == (
        "samedi 15 mai 2027, de 18:00 à 20:00"
    )
    assert (
        format_event_when(event_model(start="2027-05-15", end=None), "en")
        == "Saturday 15 May 2027 (all day)"
    )


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


@pytest.mark.parametrize(
    ("name", "address", "place"),
    [
        ("Gemeenteplein", "Gemeenteplein, 1730 Asse", "Gemeenteplein, 1730 Asse"),
        ("Gemeenteplein", "Gemeenteplein 1, 1730 Asse", "Gemeenteplein 1, 1730 Asse"),
        (
            "Feesttent op het Gemeenteplein",
            "Gemeenteplein, 1730 Asse",
            "Feesttent op het Gemeenteplein, 1730 Asse",
        ),
        (
            "Gemeentehuis Asse, raadzaal",
            "Gemeenteplein 1, 1730 Asse",
            "Gemeentehuis Asse, raadzaal, Gemeenteplein 1, 1730 Asse",
        ),
        ("De Kring", "De Kringstraat 5, 9000 Gent", "De Kring, De Kringstraat 5, 9000 Gent"),
        ("Markt", None, "Markt"),
    ],
)
def test_a_place_is_written_once(name: str, address: str | None, place: str) -> None:
    assert format_place(name, address) == place
