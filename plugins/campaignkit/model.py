"""The campaign model: typed, frozen, and the source of the JSON Schema.

The YAML loader hands every scalar over as the exact text the coach typed, so each type
here decides for itself what that text means (``0471 12 34 56`` stays a phone number,
``18:00`` stays a time). Cross-file rules (does this theme exist, is that image there)
live in :mod:`campaignkit.validation`.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, time, timedelta
from pathlib import PurePosixPath
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$"
TIME_PATTERN = r"^\d{2}:\d{2}$"
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


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=64)]
Colour = Annotated[str, StringConstraints(pattern=COLOUR_PATTERN)]


def _check_web_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/?#]+\.[^\s/?#]+", value, re.IGNORECASE) or re.search(
        r"[\s<>\"'`]", value
    ):
        raise ValueError("web_url")
    return value


WebUrl = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=2000),
    AfterValidator(_check_web_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"}),
]

Email = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        max_length=254,
        pattern=r"^[^@\s<>\"'()\[\],;:]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$",
    ),
]
Phone = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=40, pattern=r"^\+?[0-9 ./()-]{6,}$")
]


def _check_relative_path(value: str) -> str:
    if "\x00" in value or "\\" in value or value.startswith("/") or re.match(r"^[A-Za-z]:", value):
        raise ValueError("path_form")
    if any(part in ("..", "") for part in PurePosixPath(value).parts) or value.endswith("/"):
        raise ValueError("path_form")
    return value


ImagePath = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=300),
    AfterValidator(_check_relative_path),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^(?!/)(?!.*\.\.)[^\\]+\.(jpe?g|png|webp|JPE?G|PNG|WEBP)$",
            "description": "Path inside the campaign folder, e.g. images/hero.jpg",
        }
    ),
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
    WithJsonSchema({"type": "string", "pattern": DATE_PATTERN, "format": "date"}),
]


def _exists(local: datetime) -> bool:
    """Whether the clock ever shows ``local``: not when it jumps forward in spring.

    A time in the gap, read with the offset before it (``fold=0``), comes back from UTC as
    another time; an autumn time that happens twice comes back as itself (the first one).
    """
    aware = local.replace(tzinfo=_ZONE, fold=0)
    return aware.astimezone(UTC).astimezone(_ZONE).replace(tzinfo=None) == local


def _refuse_clock_gap(local: datetime, *, with_day: bool = True, field: str = "") -> None:
    """Raise ``clock_gap`` for a time the clock skips, with the span skipped and a time that
    exists to suggest: the same time after the jump, which is where calendars would put it."""
    if _exists(local):
        return
    first = local
    while not _exists(first - _MINUTE):
        first -= _MINUTE
    after = local.replace(tzinfo=_ZONE, fold=0).astimezone(UTC).astimezone(_ZONE)
    jump = after.replace(tzinfo=None) - local
    context = {
        "day": f"{local:%Y-%m-%d}",
        "from": f"{first:%H:%M}",
        "to": f"{first + jump:%H:%M}",
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
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$",
            "description": "YYYY-MM-DD HH:MM, or YYYY-MM-DD for an all-day event",
        }
    ),
]


class Record(BaseModel):
    """Base for every part of a campaign file: frozen, and unknown keys are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


#: Under which terms others may reuse an image; shown with the credit and in the kit.
LICENCE_DESCRIPTION = (
    "Under which terms the image may be reused, e.g. 'CC BY 4.0' or 'alleen voor deze "
    "campagne'. Shown beside the credit on the site and in the communication kit."
)


class Image(Record):
    src: ImagePath
    alt: AltText = Field(description="What the image shows, for people who cannot see it.")
    credit: Credit | None = None
    licence: Licence | None = Field(default=None, description=LICENCE_DESCRIPTION)
    focus: tuple[float, float] | None = Field(
        default=None, description="Point to keep when cropping: [x, y], each from 0 to 1."
    )

    @model_validator(mode="after")
    def _focus_in_range(self) -> Image:
        if self.focus and not all(0 <= v <= 1 for v in self.focus):
            raise ValueError("focus_range")
        return self


class Hero(Record):
    image: ImagePath
    alt: AltText
    credit: Credit | None = None
    licence: Licence | None = Field(default=None, description=LICENCE_DESCRIPTION)
    focus: tuple[float, float] | None = None

    def as_image(self) -> Image:
        return Image(
            src=self.image,
            alt=self.alt,
            credit=self.credit,
            licence=self.licence,
            focus=self.focus,
        )


class Municipality(Record):
    name: MunicipalityName
    website: WebUrl | None = None


class Period(Record):
    start: Day
    end: Day

    @model_validator(mode="after")
    def _end_after_start(self) -> Period:
        if self.end < self.start:
            raise ValueError("period_order")
        return self


class Contact(Record):
    name: Name | None = None
    email: Email
    phone: Phone | None = None


class Branding(Record):
    primary: Colour = Field(description="Main colour, #rrggbb; white text must be readable on it.")
    accent: Colour | None = None
    logo: ImagePath | None = None


class Theme(Record):
    id: Slug
    title: ThemeTitle


class Partner(Record):
    id: Slug
    name: Name
    url: WebUrl | None = None
    logo: ImagePath | None = None
    role: PartnerRole | None = None


Language = Literal["nl", "fr", "en"]
Audience = Literal[
    "inwoners",
    "gezinnen",
    "jongeren",
    "senioren",
    "verenigingen",
    "scholen",
    "handelaars",
    "bedrijven",
    "landbouwers",
]
AUDIENCES: tuple[str, ...] = Audience.__args__  # type: ignore[attr-defined]
Effort = Literal["low", "medium", "high"]
ActionStatus = Literal["planned", "running", "done"]
EventStatus = Literal["confirmed", "cancelled"]

DEFAULT_THEME_IDS = (
    "energie",
    "mobiliteit",
    "vergroening",
    "water",
    "voeding",
    "consumptie",
    "afval",
)


class CampaignFile(Record):
    """``campaign.yml``."""

    title: Title
    tagline: Tagline | None = None
    intro: Intro
    language: Language = "nl"
    municipality: Municipality
    period: Period
    contact: Contact
    signup_url: WebUrl | None = None
    site_url: WebUrl | None = Field(
        default=None, description="Public address of the microsite; needed for QR codes."
    )
    branding: Branding
    hero: Hero | None = None
    themes: tuple[Theme, ...] | None = Field(
        default=None, description="Leave out to use the built-in themes."
    )
    partners: tuple[Partner, ...] = ()


class Action(Record):
    """``actions/<slug>.yml``; the slug is the file name."""

    slug: SkipJsonSchema[str] = Field(default="", exclude=True)
    title: Title
    summary: Summary
    theme: Slug
    audience: tuple[Audience, ...] = ()
    effort: Effort | None = None
    status: ActionStatus = "planned"
    image: Image | None = None
    body: ActionBody | None = None
    partners: tuple[Slug, ...] = ()
    events: tuple[Slug, ...] = ()
    signup_url: WebUrl | None = None


class Location(Record):
    name: Name
    address: Address | None = None


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
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^(\d{4}-\d{2}-\d{2} )?\d{2}:\d{2}$",
            "description": "HH:MM (same day) or YYYY-MM-DD HH:MM",
        }
    ),
]


class Event(Record):
    """``events/<slug>.yml``; the slug is the file name. Times are Europe/Brussels."""

    # Not in the docstring, the schema's description: a time the clock skips in spring is
    # refused, and one that happens twice in autumn is the first, as calendars read it.

    slug: SkipJsonSchema[str] = Field(default="", exclude=True)
    title: Title
    start: Moment
    end: EventEnd | None = None
    location: Location | None = None
    online_url: WebUrl | None = None
    description: EventDescription | None = None
    registration_url: WebUrl | None = None
    actions: tuple[Slug, ...] = ()
    status: EventStatus = "confirmed"

    @model_validator(mode="after")
    def _check(self) -> Event:
        if self.location is None and self.online_url is None:
            raise ValueError("event_place")
        if self.end is not None:
            if not isinstance(self.start, datetime):
                raise ValueError("end_all_day")
            if isinstance(self.end, time):  # a full end was checked as it was read
                _refuse_clock_gap(datetime.combine(self.day, self.end), with_day=False, field="end")
            if self.ends_at <= self.start:  # type: ignore[operator]
                raise ValueError("end_order")
        return self

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def day(self) -> date:
        return self.start.date() if isinstance(self.start, datetime) else self.start

    @property
    def ends_at(self) -> datetime | None:
        """The end as a full local datetime (``HH:MM`` means the start's day)."""
        if self.end is None:
            return None
        if isinstance(self.end, time):
            return datetime.combine(self.day, self.end)
        return self.end


class Campaign(CampaignFile):
    """A whole campaign: ``campaign.yml`` plus its actions and events, all references checked."""

    slug: SkipJsonSchema[str] = ""
    folder: SkipJsonSchema[str] = Field(default="", exclude=True)
    actions: SkipJsonSchema[tuple[Action, ...]] = ()
    events: SkipJsonSchema[tuple[Event, ...]] = ()
    themes: tuple[Theme, ...] = Field(
        default=(),
        description="Its own themes, or the built-in ones in its language (validation fills "
        "them in when campaign.yml gives none).",
    )

    def action(self, slug: str) -> Action:
        return next(a for a in self.actions if a.slug == slug)

    def event(self, slug: str) -> Event:
        return next(e for e in self.events if e.slug == slug)

    def partner(self, partner_id: str) -> Partner:
        return next(p for p in self.partners if p.id == partner_id)

    def theme(self, theme_id: str) -> Theme:
        return next(t for t in self.themes if t.id == theme_id)


Channel = Literal["newsletter", "social", "press", "poster", "letter", "email", "whatsapp"]
CHANNELS: tuple[str, ...] = Channel.__args__  # type: ignore[attr-defined]


def _one_or_more(value: object) -> object:
    """One audience may be written without a list."""
    return [value] if isinstance(value, str) else value


class TextFrontMatter(Record):
    """The block at the top of a kit text, ``texts/<slug>.md``. Whether its action or
    event exists is checked against the campaign (:mod:`campaignkit.texts`)."""

    title: Title
    channel: Channel
    audience: Annotated[tuple[Audience, ...], BeforeValidator(_one_or_more)] = ()
    action: Line | None = None
    event: Line | None = None


#: The files of a campaign folder and the model that reads each.
FILE_MODELS: dict[str, type[Record]] = {
    "campaign": CampaignFile,
    "action": Action,
    "event": Event,
}
