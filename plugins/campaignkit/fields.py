"""The named field types of the campaign format: what each typed text means.

The YAML loader hands every scalar over as the exact text the coach typed, so each type
here decides for itself what that text means (``0471 12 34 56`` stays a phone number,
``18:00`` stays a time, a time the clock skips is refused). Each error is a code that
:mod:`campaignkit.explain` turns into Dutch.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, time, timedelta
from pathlib import PurePosixPath
from typing import Annotated
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$"
TIME_PATTERN = r"^\d{2}:\d{2}$"
# The schemas' patterns refuse what cannot be a date or a time (month 13, day 32, 24:00) right
# in the editor; the model reads the looser forms above so it can say which part is wrong.
_SCHEMA_DAY = r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
_SCHEMA_CLOCK = r"([01][0-9]|2[0-3]):[0-5][0-9]"
DATE_SCHEMA_PATTERN = rf"^{_SCHEMA_DAY}$"
MOMENT_SCHEMA_PATTERN = rf"^{_SCHEMA_DAY}( {_SCHEMA_CLOCK})?$"
END_SCHEMA_PATTERN = rf"^({_SCHEMA_DAY} )?{_SCHEMA_CLOCK}$"
#: The zone of every time in a campaign: what its clock shows in Belgium.
TIME_ZONE = "Europe/Brussels"
_ZONE = ZoneInfo(TIME_ZONE)
_MINUTE = timedelta(minutes=1)


def slugify(text: str, fallback: str) -> str:
    """``text`` as a slug (:data:`SLUG_PATTERN`, at most 60 characters): accents dropped,
    every other run of characters a hyphen; ``fallback`` when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-") or fallback


#: Characters that reorder or hide text: refused in every text field (they make a title
#: read differently from what reviewers saw in the pull request).
_INVISIBLE = re.compile(
    "[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def _clean_text(value: str) -> str:
    found = _INVISIBLE.search(value)
    if found:
        raise ValueError(f"invisible_char:U+{ord(found.group()):04X}")
    return value


def _one_line(value: str) -> str:
    if "\n" in value.strip() or "\r" in value:
        raise ValueError("one_line")
    return value.strip()


CleanText = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_clean_text)]
Line = Annotated[CleanText, AfterValidator(_one_line)]


def _length(max_length: int) -> StringConstraints:
    """Not empty, and at most ``max_length`` characters."""
    return StringConstraints(min_length=1, max_length=max_length)


# One line of plain text each, with the limit of its kind.
Title = Annotated[Line, _length(120)]  # of a campaign, an action, an event
Name = Annotated[Line, _length(120)]  # of a contact person, a partner, a place
Tagline = Annotated[Line, _length(200)]
Summary = Annotated[Line, _length(300)]
MunicipalityName = Annotated[Line, _length(80)]
ThemeTitle = Annotated[Line, _length(60)]
PartnerRole = Annotated[Line, _length(200)]
Address = Annotated[Line, _length(200)]
AltText = Annotated[Line, _length(250)]
Credit = Annotated[Line, _length(200)]
Licence = Annotated[Line, _length(100)]

# Markdown (sanitised when rendered), with the limit of each kind.
Intro = Annotated[CleanText, _length(5000)]
ActionBody = Annotated[CleanText, _length(20000)]
EventDescription = Annotated[CleanText, _length(10000)]
NewsBody = Annotated[CleanText, StringConstraints(max_length=20000)]  # may be empty


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=64)]
#: An indicator's id: a slug that may hold underscores too, as the built-in ``m2_ontharding``.
INDICATOR_ID_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
IndicatorId = Annotated[str, StringConstraints(pattern=INDICATOR_ID_PATTERN, max_length=64)]
Colour = Annotated[str, StringConstraints(pattern=COLOUR_PATTERN)]


def _check_web_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/?#]+\.[^\s/?#]+", value, re.IGNORECASE) or re.search(
        r"[\s<>\"'`]", value
    ):
        raise ValueError("web_url")
    return value


#: What :func:`_check_web_url` accepts, as one pattern an editor can check.
WEB_URL_SCHEMA_PATTERN = (
    r"""^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#<>"'`]+\.[^\s/?#<>"'`]+([/?#][^\s<>"'`]*)?$"""
)
WebUrl = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=2000),
    AfterValidator(_check_web_url),
    WithJsonSchema(
        {"type": "string", "format": "uri", "pattern": WEB_URL_SCHEMA_PATTERN, "maxLength": 2000}
    ),
]

# Editors read these as ECMA-262 patterns with the u flag, which allows escaping syntax
# characters only: a quote in a character class stands as it is.
EMAIL_PATTERN = r"""^[^@\s<>"'()\[\],;:]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"""
PHONE_PATTERN = r"^\+?[0-9 ./()-]{6,}$"
Email = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=254, pattern=EMAIL_PATTERN)
]
Phone = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=40, pattern=PHONE_PATTERN)
]


def check_relative_path(value: str) -> str:
    if "\x00" in value or "\\" in value or value.startswith("/") or re.match(r"^[A-Za-z]:", value):
        raise ValueError("path_form")
    if any(part in ("..", "") for part in PurePosixPath(value).parts) or value.endswith("/"):
        raise ValueError("path_form")
    return value


IMAGE_PATH_SCHEMA_PATTERN = (
    r"^(?!/)(?!.*\.\.)[^\\]+\.(jpe?g|png|webp|heic|heif|JPE?G|PNG|WEBP|HEIC|HEIF)$"
)
ImagePath = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=300),
    AfterValidator(check_relative_path),
    WithJsonSchema({"type": "string", "pattern": IMAGE_PATH_SCHEMA_PATTERN, "maxLength": 300}),
]


def _parse_date(value: object) -> object:
    if isinstance(value, str):
        if not re.match(DATE_PATTERN, value.strip()):
            raise ValueError("date_form")
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError("date_impossible") from None
    return value


Day = Annotated[
    date,
    BeforeValidator(_parse_date),
    WithJsonSchema({"type": "string", "pattern": DATE_SCHEMA_PATTERN, "format": "date"}),
]


def _exists(local: datetime) -> bool:
    """Whether the clock ever shows ``local``: not when it jumps forward in spring.

    A time in the gap, read with the offset before it (``fold=0``), comes back from UTC as
    another time; an autumn time that happens twice comes back as itself (the first one).
    """
    aware = local.replace(tzinfo=_ZONE, fold=0)
    return aware.astimezone(UTC).astimezone(_ZONE).replace(tzinfo=None) == local


def clock_gap_at(local: datetime) -> tuple[str, str] | None:
    """For a time the clock skips, the jump as ``("02:00", "03:00")``; else ``None``."""
    if _exists(local):
        return None
    first = local
    while not _exists(first - _MINUTE):
        first -= _MINUTE
    after = local.replace(tzinfo=_ZONE, fold=0).astimezone(UTC).astimezone(_ZONE)
    jump = after.replace(tzinfo=None) - local
    return f"{first:%H:%M}", f"{first + jump:%H:%M}"


def _refuse_clock_gap(local: datetime, *, with_day: bool = True, field: str = "") -> None:
    """Raise ``clock_gap`` for a time the clock skips, with the span skipped and a time that
    exists to suggest: the same time after the jump, which is where calendars would put it."""
    gap = clock_gap_at(local)
    if gap is None:
        return
    after = local.replace(tzinfo=_ZONE, fold=0).astimezone(UTC).astimezone(_ZONE)
    context = {
        "day": f"{local:%Y-%m-%d}",
        "from": gap[0],
        "to": gap[1],
        "suggestion": f"{after:%Y-%m-%d %H:%M}" if with_day else f"{after:%H:%M}",
    }
    if field:
        context["field"] = field
    raise PydanticCustomError("clock_gap", "the clock skips this time", context)


def _parse_moment(value: object) -> object:
    """``YYYY-MM-DD HH:MM`` becomes a datetime, ``YYYY-MM-DD`` a date (an all-day event).
    A time the clock skips (spring forward) is refused."""
    if isinstance(value, datetime):
        _refuse_clock_gap(value)
    if not isinstance(value, str):
        return value
    text = value.strip()
    if re.match(DATE_PATTERN, text):
        return _parse_date(text)
    if not re.match(DATETIME_PATTERN, text):
        raise ValueError("moment_form")
    try:
        moment = datetime.fromisoformat(text.replace(" ", "T"))
    except ValueError:
        raise ValueError("moment_impossible") from None
    _refuse_clock_gap(moment)
    return moment


Moment = Annotated[
    datetime | date,
    BeforeValidator(_parse_moment),
    WithJsonSchema({"type": "string", "pattern": MOMENT_SCHEMA_PATTERN}),
]


def _parse_end(value: object) -> object:
    if isinstance(value, str) and re.match(TIME_PATTERN, value.strip()):
        hours, minutes = (int(v) for v in value.strip().split(":"))
        if hours > 23 or minutes > 59:
            raise ValueError("time_impossible")
        return time(hours, minutes)
    return _parse_moment(value)


EventEnd = Annotated[
    datetime | time,
    BeforeValidator(_parse_end),
    WithJsonSchema({"type": "string", "pattern": END_SCHEMA_PATTERN}),
]


# -- numbers ----------------------------------------------------------------------------------
# The loader hands numbers over as text too: each type reads it, with its own error code.

_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def _parse_number(value: object) -> float:
    if isinstance(value, bool):
        raise ValueError("number_form")
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip()
        if re.match(r"^[+-]?\d+,\d+$", text):
            raise ValueError("number_comma")
        if re.match(r"^[+-]?\d{1,3}( \d{3})+$", text):
            raise ValueError("number_grouped")
        if not _NUMBER.match(text):
            raise ValueError("number_form")
        number = float(text)
    else:
        raise ValueError("number_form")
    if number < 0:
        raise ValueError("number_negative")
    return number


def _parse_whole(value: object) -> int:
    if isinstance(value, str) and re.match(r"^\d{1,3}(\.\d{3})+$", value.strip()):
        raise ValueError("number_grouped")  # 33.500 inhabitants: a Dutch thousands point
    if isinstance(value, str) and re.match(r"^[+-]?\d+,\d+$", value.strip()):
        raise ValueError("whole_number")
    number = _parse_number(value)
    if not number.is_integer() or (isinstance(value, str) and "." in value):
        raise ValueError("whole_number")
    return int(number)


def _at_least_one(value: int) -> int:
    if value < 1:
        raise ValueError("number_at_least_one")
    return value


#: A number ≥ 0 (an amount, a goal), written with a decimal point: ``35`` or ``12.5``.
Amount = Annotated[
    float,
    BeforeValidator(_parse_number),
    WithJsonSchema({"type": "number", "minimum": 0}),
]
#: A whole number ≥ 0 (points).
WholeNumber = Annotated[
    int,
    BeforeValidator(_parse_whole),
    WithJsonSchema({"type": "integer", "minimum": 0}),
]
#: A whole number ≥ 1 (households, inhabitants, housing units).
Count = Annotated[
    int,
    BeforeValidator(_parse_whole),
    AfterValidator(_at_least_one),
    WithJsonSchema({"type": "integer", "minimum": 1}),
]

#: ``true``, and nothing else: a consent that must be given (editors flag anything else).
Consent = Annotated[bool, WithJsonSchema({"type": "boolean", "const": True})]


# -- text about teams: published, so no one's contact details -------------------------------

_EMAIL_IN_TEXT = re.compile(r"[^\s@<>()\[\]\"',;:]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
#: Dates such as 12/05/2027 or 12-05-2027 14:00 look like phone numbers; they are left out first.
_DATE_IN_TEXT = re.compile(
    r"(?<![\d/.-])(0?[1-9]|[12]\d|3[01])[/.-](0?[1-9]|1[0-2])[/.-](\d{4}|\d{2})(?![\d/.-])"
    r"|\b\d{4}-\d{2}-\d{2}\b"
)
_PHONE_IN_TEXT = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d ./()-]{7,18}\d(?![\w])")


def find_contact_details(text: str) -> str | None:
    """``"email"`` or ``"phone"`` when ``text`` holds an e-mail address or a phone number
    (Belgian or international: 9 to 13 digits, from a 0, + or 00), else None."""
    if _EMAIL_IN_TEXT.search(text):
        return "email"
    for found in _PHONE_IN_TEXT.finditer(_DATE_IN_TEXT.sub(" ", text)):
        candidate = found.group()
        digits = re.sub(r"\D", "", candidate)
        international = candidate.startswith(("+", "00"))
        national = candidate.startswith("0") and digits[1] != "0"
        if (international or national) and 9 <= len(digits) <= 13:
            return "phone"
    return None


def _no_contact_details(value: str) -> str:
    kind = find_contact_details(value)
    if kind:
        raise ValueError(f"contact_{kind}")
    return value


#: Public text about a team: no e-mail addresses or phone numbers of residents in it.
PublicLine = Annotated[Line, AfterValidator(_no_contact_details)]
TeamName = Annotated[PublicLine, _length(80)]
StreetName = Annotated[PublicLine, _length(120)]
TeamStory = Annotated[CleanText, _length(10000), AfterValidator(_no_contact_details)]
TeamsLabel = Annotated[Line, _length(40)]
IndicatorTitle = Annotated[Line, _length(80)]
IndicatorUnit = Annotated[Line, _length(30)]


class Origin(BaseModel):
    """The library item an action was taken from (``from: <library>/<slug>``): its
    provenance line on the page, and where its images are read from."""

    model_config = ConfigDict(frozen=True)

    library: str
    item: str
    #: The library's name and address, for the line on the page.
    name: str
    url: str | None = None
    folder: str = ""

    @property
    def reference(self) -> str:
        return f"{self.library}/{self.item}"
