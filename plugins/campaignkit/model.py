"""The campaign model: typed, frozen, and the source of the JSON Schema.

The YAML loader hands every scalar over as the exact text the coach typed, so each type
here decides for itself what that text means (``0471 12 34 56`` stays a phone number,
``18:00`` stays a time). Cross-file rules (does this theme exist, is that image there)
live in :mod:`campaignkit.validation`.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema

from campaignkit.fields import (
    ActionBody,
    Address,
    AltText,
    Colour,
    Credit,
    Day,
    Email,
    EventDescription,
    EventEnd,
    ImagePath,
    Intro,
    Licence,
    Line,
    Moment,
    MunicipalityName,
    Name,
    PartnerRole,
    Phone,
    Slug,
    Summary,
    Tagline,
    ThemeTitle,
    Title,
    WebUrl,
    _refuse_clock_gap,
)


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
    image: Image | None = Field(
        default=None,
        description="Shown on the event's page, poster and social card; without one, they "
        "show the campaign's hero image.",
    )
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
