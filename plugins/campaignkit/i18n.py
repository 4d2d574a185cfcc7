"""Words and dates in the campaign's language: Dutch by default, French, English.

The words are data: one gettext catalogue per language,
``locales/<language>/LC_MESSAGES/campaignkit.po``. A message's ``msgctxt`` is its group
(``site``, ``kit``, ``channel``, ``audience``, ``effort``, ``action-status``, ``event-status``,
``theme``), its ``msgid`` the key the code asks for and its ``msgstr`` the text; Dutch is the
reference every other catalogue has the same keys as. A catalogue's ``Language`` header names
the Babel locale of its dates and numbers, so adding a language is adding a catalogue.

Texts are plain: ``{name}`` placeholders are filled with ``str.format`` after escaping, so
translations never contain markup. Dates and times follow Belgian usage through Babel:
``zaterdag 15 mei 2027``, ``18:00``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from babel.dates import format_date as _babel_date
from babel.dates import format_skeleton as _babel_skeleton
from babel.dates import format_time as _babel_time
from babel.lists import format_list as _babel_list
from babel.messages.pofile import read_po
from babel.numbers import format_decimal as _babel_decimal
from babel.numbers import format_percent as _babel_percent
from babel.numbers import get_decimal_symbol

from campaignkit.model import DEFAULT_THEME_IDS, Theme
from campaignkit.repeats import occurrences

if TYPE_CHECKING:
    from campaignkit.model import Event

#: Where the catalogues are: ``<language>/LC_MESSAGES/campaignkit.po``.
LOCALE_DIR = Path(__file__).parent / "locales"
DOMAIN = "campaignkit"
#: The default language, whose catalogue every other one is checked against.
REFERENCE = "nl"


@dataclass(frozen=True)
class Catalogue:
    """One language's words by group and key, and the Babel locale of its dates."""

    locale: str
    groups: dict[str, dict[str, str]]


def find_catalogues(folder: Path = LOCALE_DIR) -> dict[str, Path]:
    """The catalogue file of each language in ``folder``: Dutch first, then alphabetically."""
    found = {path.parents[1].name: path for path in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    return {name: found[name] for name in sorted(found, key=lambda name: (name != REFERENCE, name))}


def read_catalogue(path: Path) -> Catalogue:
    """The words in a catalogue file. As for ``msgfmt``, a fuzzy or empty entry is untranslated;
    without a ``Language`` header the folder's name is the locale."""
    with path.open("rb") as file:
        catalog = read_po(file, abort_invalid=True)
    groups: dict[str, dict[str, str]] = {}
    for message in catalog:
        key, text = message.id, message.string
        if key and isinstance(key, str) and text and isinstance(text, str) and not message.fuzzy:
            groups.setdefault(message.context or "", {})[key] = text
    return Catalogue(locale=str(catalog.locale or path.parents[1].name), groups=groups)


_CATALOGUES = find_catalogues()
LANGUAGES = tuple(_CATALOGUES)


# Reading a catalogue takes a few milliseconds; a build asks for words thousands of times.
@functools.cache
def catalogue(language: str) -> Catalogue:
    """The words of ``language``, read once per process."""
    return read_catalogue(_CATALOGUES[language])


def babel_locale(language: str) -> str:
    """The Babel locale of ``language``'s dates and numbers (``nl_BE``, ``fr_BE``, ``en_GB``)."""
    return catalogue(language).locale


class _Group(Mapping[str, dict[str, str]]):
    """One group of words in every language, read as ``KIT_LABELS["fr"]["intro"]``."""

    def __init__(self, context: str) -> None:
        self.context = context

    def __getitem__(self, language: str) -> dict[str, str]:
        return catalogue(language).groups[self.context]

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


#: Interface strings of the microsite.
LABELS = _Group("site")
AUDIENCE_LABELS = _Group("audience")
EFFORT_LABELS = _Group("effort")
ACTION_STATUS_LABELS = _Group("action-status")
EVENT_STATUS_LABELS = _Group("event-status")
#: The words of teams, their scoreboard and their results; the kinds of team.
TEAM_LABELS = _Group("teams")
TEAM_KIND_LABELS = _Group("team-kind")
#: Channels of the kit's texts, as they follow "Voor", "Pour" and "For" on the kit page.
CHANNEL_LABELS = _Group("channel")
#: The communication kit's strings: its page, the labels of its downloads, its
#: ``LEESMIJ.txt`` and the messages of ``kit.js``. The page fills ``{url}`` and ``{link}``
#: with markup it escaped itself. Values with line breaks are whole lines of ``LEESMIJ.txt``.
#: File and folder names (``teksten/``, ``LEESMIJ.txt``) are the kit's, the same in every
#: language.
KIT_LABELS = _Group("kit")


def labels(language: str) -> dict[str, str]:
    """The interface strings for ``language``."""
    return LABELS[language]


_ELIDED = re.compile(r"\bde \{(\w+)\}")
_VOWEL = re.compile(r"[aeiouyàâäéèêëîïôöùûü]", re.IGNORECASE)


def phrase(label: str, language: str, **values: object) -> str:
    """``label`` filled with ``values``; in French « de » becomes « d’ » before a value
    that starts with a vowel (« une campagne d’Anvers »). The values are never changed."""
    if language == "fr":

        def elide(found: re.Match[str]) -> str:
            value = str(values.get(found.group(1), ""))
            return f"d’{{{found.group(1)}}}" if _VOWEL.match(value) else found.group(0)

        label = _ELIDED.sub(elide, label)
    return label.format(**values)


def kit_labels(language: str) -> dict[str, str]:
    """The communication kit's strings for ``language``."""
    return KIT_LABELS[language]


def default_themes(language: str) -> tuple[Theme, ...]:
    """The built-in themes, titled in ``language``."""
    titles = catalogue(language).groups["theme"]
    return tuple(Theme(id=theme_id, title=titles[theme_id]) for theme_id in DEFAULT_THEME_IDS)


def audience_label(audience: str, language: str) -> str:
    return AUDIENCE_LABELS[language][audience]


def effort_label(effort: str, language: str) -> str:
    return EFFORT_LABELS[language][effort]


def action_status_label(status: str, language: str) -> str:
    return ACTION_STATUS_LABELS[language][status]


def event_status_label(status: str, language: str) -> str:
    return EVENT_STATUS_LABELS[language][status]


def _first_of_month(text: str, day: date, language: str) -> str:
    # French writes the first day of a month as an ordinal: « 1er mai ».
    if language == "fr" and day.day == 1:
        return re.sub(r"\b1 ", "1er ", text, count=1)
    return text


# Babel takes far longer than a lookup, and a campaign's pages, cards, posters and
# calendars ask for the same few dates many times over.
@functools.lru_cache(maxsize=4096)
def format_day(day: date, language: str) -> str:
    """``zaterdag 15 mei 2027`` / ``samedi 15 mai 2027`` / ``Saturday 15 May 2027``."""
    text = _babel_date(day, "full", locale=babel_locale(language)).replace(",", "")
    return _first_of_month(text, day, language)


@functools.lru_cache(maxsize=4096)
def format_day_short(day: date, language: str) -> str:
    """``za 15 mei`` / ``sam. 15 mai`` / ``Sat 15 May``: for cards and lists."""
    text = _babel_skeleton("MMMEd", day, locale=babel_locale(language)).replace(",", "")
    return _first_of_month(text, day, language)


@functools.lru_cache(maxsize=4096)
def format_date(day: date, language: str) -> str:
    """``15 mei 2027``: a date without the weekday."""
    return _first_of_month(_babel_date(day, "long", locale=babel_locale(language)), day, language)


@functools.lru_cache(maxsize=4096)
def format_numeric_date(day: date, language: str) -> str:
    """``5/5/2027`` / ``05/05/2027``: a date in figures as the language writes it, with the
    whole year (which spreadsheets in that language read as a date)."""
    return _babel_skeleton("yMd", day, locale=babel_locale(language))


@functools.lru_cache(maxsize=4096)
def format_weekday(day: date, language: str) -> str:
    """``zaterdag`` / ``samedi`` / ``Saturday``."""
    return _babel_date(day, "EEEE", locale=babel_locale(language))


@functools.lru_cache(maxsize=4096)
def format_month_short(day: date, language: str) -> str:
    """``mei`` / ``mai`` / ``May``: the month on a date tile."""
    return _babel_date(day, "LLL", locale=babel_locale(language)).rstrip(".")


@functools.lru_cache(maxsize=4096)
def format_time(moment: time | datetime, language: str) -> str:
    """``18:00``, ``09:05``: 24-hour clock in every language."""
    value = moment.time() if isinstance(moment, datetime) else moment
    return _babel_time(value, "HH:mm", locale=babel_locale(language))


@functools.lru_cache(maxsize=4096)
def format_period(start: date, end: date, language: str) -> str:
    """``van 1 mei tot 30 juni 2027``; a single day when both are equal."""
    if start == end:
        return format_date(start, language)
    if start.year == end.year:
        first = _first_of_month(
            _babel_skeleton("MMMMd", start, locale=babel_locale(language)), start, language
        )
    else:
        first = format_date(start, language)
    return LABELS[language]["date_range"].format(start=first, end=format_date(end, language))


def format_event_when(event: Event, language: str) -> str:
    """When an event happens, in one line: all-day, a time, a time range, or several days."""
    words = LABELS[language]
    day = format_day(event.day, language)
    if event.all_day:
        return f"{day} ({words['all_day']})"
    start = event.start
    assert isinstance(start, datetime)
    end = event.ends_at
    if end is None:
        return words["at_time"].format(day=day, time=format_time(start, language))
    if end.date() == start.date():
        return words["time_range"].format(
            day=day, start=format_time(start, language), end=format_time(end, language)
        )
    return words["day_range"].format(
        start=words["at_time"].format(day=day, time=format_time(start, language)),
        end=words["at_time"].format(
            day=format_day(end.date(), language), time=format_time(end, language)
        ),
    )


def format_repeat_rule(event: Event, language: str) -> str:
    """How an event repeats, e.g. ``elke week op dinsdag``; empty when it does not."""
    repeat = event.repeat
    if repeat is None:
        return ""
    words = LABELS[language]
    if repeat.every == "month":
        day = "1er" if language == "fr" and event.day.day == 1 else str(event.day.day)
        return words["repeat_month"].format(day=day)
    weekday = _babel_date(event.day, "EEEE", locale=babel_locale(language))
    key = "repeat_week" if repeat.every == "week" else "repeat_two_weeks"
    return words[key].format(weekday=weekday)


def format_series(event: Event, language: str) -> str:
    """A repeating event in one line: its rule, its hours, its first and last date and the
    dates it skips, e.g. ``elke week op dinsdag, 19:00–21:00, van 2 maart tot 29 juni
    2027, niet op 4 mei 2027``. An event that does not repeat: its :func:`format_event_when`."""
    repeat = event.repeat
    dates = occurrences(event)
    if repeat is None or not dates:
        return format_event_when(event, language)
    words = LABELS[language]
    parts = [format_repeat_rule(event, language)]
    if isinstance(event.start, datetime):
        start = format_time(event.start, language)
        end = event.ends_at
        parts.append(
            f"{start}–{format_time(end, language)}"
            if end
            else words["repeat_at"].format(time=start)
        )
    parts.append(format_period(dates[0].day, dates[-1].day, language))
    if repeat.skip:
        skipped = _babel_list(
            [format_date(day, language) for day in repeat.skip], locale=babel_locale(language)
        )
        parts.append(words["repeat_except"].format(dates=skipped))
    return ", ".join(parts)


def format_place(name: str, address: str | None) -> str:
    """A place on one line, no part of it written twice: "Gemeenteplein" at "Gemeenteplein,
    1730 Asse" (or "Gemeenteplein 1, 1730 Asse") is just the address; "Feesttent op het
    Gemeenteplein" there is "Feesttent op het Gemeenteplein, 1730 Asse"."""
    if not address:
        return name
    street, _, rest = (part.strip() for part in address.partition(","))
    first, own = street.casefold(), name.strip().casefold()
    if first == own or re.fullmatch(re.escape(own) + r"\s+\d\S*", first):
        return address
    if first and not any(c.isdigit() for c in first) and own.endswith(first) and rest:
        return f"{name}, {rest}"
    return f"{name}, {address}"


def format_decimal(value: float, language: str, digits: int = 1) -> str:
    """``27,5`` / ``27,5`` / ``27.5``: a number with ``digits`` decimals, no grouping."""
    return f"{value:.{digits}f}".replace(".", get_decimal_symbol(babel_locale(language)))


@functools.lru_cache(maxsize=4096)
def format_number(value: float, language: str, digits: int = 1) -> str:
    """A number as the language writes it, grouped, with up to ``digits`` decimals:
    ``1.240`` and ``12,5`` in Dutch, ``1 240`` in French, ``1,240`` in English."""
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    return _babel_decimal(value, format=pattern, locale=babel_locale(language))


@functools.lru_cache(maxsize=1024)
def format_percent(share: float, language: str) -> str:
    """A share (0.25) as a percentage the language writes (``25 %``): whole from 10 %, one
    decimal below, and ``< 0,1 %`` for a start that would round to nothing."""
    locale = babel_locale(language)
    if 0 < share < 0.0005:
        return "< " + _babel_percent(0.001, locale=locale, decimal_quantization=False)
    rounded = round(share, 3 if share < 0.1 else 2)
    return _babel_percent(rounded, locale=locale, decimal_quantization=False)
