"""The campaign model: typed, frozen, and the source of the JSON Schema.

The YAML loader hands every scalar over as the exact text the coach typed, so each type
here decides for itself what that text means (``0471 12 34 56`` stays a phone number,
``18:00`` stays a time). Cross-file rules (does this theme exist, is that image there)
live in :mod:`campaignkit.validation`; what each field means, in Dutch, in
:mod:`campaignkit.descriptions`.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema

from campaignkit.fields import (
    ActionBody,
    Address,
    AltText,
    Amount,
    Colour,
    Consent,
    Count,
    Credit,
    Day,
    Email,
    EventDescription,
    EventEnd,
    ImagePath,
    IndicatorId,
    IndicatorTitle,
    IndicatorUnit,
    Intro,
    Licence,
    Moment,
    MunicipalityName,
    Name,
    NewsBody,
    Origin,
    PartnerRole,
    Phone,
    Slug,
    StreetName,
    Summary,
    Tagline,
    TeamName,
    TeamsLabel,
    TeamStory,
    ThemeTitle,
    Title,
    WebUrl,
    WholeNumber,
    _refuse_clock_gap,
)
from campaignkit.repeats import Repeat


class Record(BaseModel):
    """Base for every part of a campaign file: frozen, and unknown keys are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Image(Record):
    src: ImagePath
    alt: AltText
    credit: Credit | None = None
    licence: Licence | None = None
    focus: tuple[float, float] | None = None

    @model_validator(mode="after")
    def _focus_in_range(self) -> Image:
        if self.focus and not all(0 <= v <= 1 for v in self.focus):
            raise ValueError("focus_range")
        return self


class Hero(Record):
    image: ImagePath
    alt: AltText
    credit: Credit | None = None
    licence: Licence | None = None
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
    inhabitants: Count | None = None
    housing_units: Count | None = None


class Period(Record):
    start: Day
    end: Day

    @model_validator(mode="after")
    def _end_after_start(self) -> Period:
        if self.end < self.start:
            raise ValueError("period_order")
        return self


class Phase(Record):
    """One stage of the campaign, e.g. signing up, doing, celebrating."""

    title: Title
    start: Day
    end: Day
    summary: Summary | None = None

    @model_validator(mode="after")
    def _end_after_start(self) -> Phase:
        if self.end < self.start:
            raise ValueError("phase_order")
        return self


class Contact(Record):
    name: Name | None = None
    email: Email
    phone: Phone | None = None


class Branding(Record):
    primary: Colour
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
TeamKind = Literal["straat", "wijk", "school", "vereniging", "bedrijf", "andere"]
TEAM_KINDS: tuple[str, ...] = TeamKind.__args__  # type: ignore[attr-defined]
RankBy = Literal["per_household", "total"]
#: An action's points when it gives none: by its effort (none given: 1).
EFFORT_POINTS: dict[str | None, int] = {"low": 1, "medium": 2, "high": 3, None: 1}

DEFAULT_THEME_IDS = (
    "energie",
    "mobiliteit",
    "vergroening",
    "water",
    "voeding",
    "consumptie",
    "afval",
)


class Indicator(Record):
    """A campaign's own indicator, beside the built-in LEKP ones."""

    id: IndicatorId
    title: IndicatorTitle
    unit: IndicatorUnit
    goal: Amount | None = None


class Scoreboard(Record):
    """How teams are ranked; without it they are listed, not ranked."""

    rank_by: RankBy = "per_household"
    hide_from: Day | None = None
    winner: Slug | None = None


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
    site_url: WebUrl | None = None
    branding: Branding
    hero: Hero | None = None
    themes: tuple[Theme, ...] | None = None
    partners: tuple[Partner, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    teams_label: TeamsLabel | None = None
    scoreboard: Scoreboard | None = None
    phases: tuple[Phase, ...] = ()
    library: tuple[Slug, ...] = ()


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
    indicator: IndicatorId | None = None
    points: WholeNumber | None = None
    origin: SkipJsonSchema[Origin | None] = Field(default=None, exclude=True)

    @property
    def score(self) -> int:
        """The points a team earns for doing this action."""
        return self.points if self.points is not None else EFFORT_POINTS[self.effort]


class Location(Record):
    name: Name
    address: Address | None = None


class Event(Record):
    """``events/<slug>.yml``; the slug is the file name. Times are Europe/Brussels."""

    # A time the clock skips in spring is refused, and one that happens twice in autumn is the
    # first, as calendars read it.

    slug: SkipJsonSchema[str] = Field(default="", exclude=True)
    title: Title
    start: Moment
    end: EventEnd | None = None
    location: Location | None = None
    online_url: WebUrl | None = None
    description: EventDescription | None = None
    image: Image | None = None
    registration_url: WebUrl | None = None
    actions: tuple[Slug, ...] = ()
    status: EventStatus = "confirmed"
    repeat: Repeat | None = None

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


def _consent_required(schema: dict[str, Any]) -> None:
    """Editors ask for ``consent: true`` (the model explains its absence in its own words)."""
    schema["required"] = [*schema.get("required", []), "consent"]
    schema["properties"]["consent"].pop("default", None)


class TeamPhoto(Record):
    model_config = ConfigDict(json_schema_extra=_consent_required)

    src: ImagePath
    alt: AltText
    credit: Credit | None = None
    licence: Licence | None = None
    focus: tuple[float, float] | None = None
    consent: Consent = False

    @model_validator(mode="after")
    def _check(self) -> TeamPhoto:
        if not self.consent:
            raise ValueError("photo_consent")
        if self.focus and not all(0 <= v <= 1 for v in self.focus):
            raise ValueError("focus_range")
        return self

    def as_image(self) -> Image:
        return Image(
            src=self.src, alt=self.alt, credit=self.credit, licence=self.licence, focus=self.focus
        )


class Commitment(Record):
    """One action a team takes on."""

    action: Slug
    status: ActionStatus = "planned"
    date: Day | None = None
    amount: Amount | None = None


class Team(Record):
    """``teams/<slug>.yml``; the slug is the file name. Published: no names, e-mail
    addresses or phone numbers of residents."""

    slug: SkipJsonSchema[str] = Field(default="", exclude=True)
    name: TeamName
    kind: TeamKind = "straat"
    streets: tuple[StreetName, ...] = ()
    households: Count
    households_total: Count | None = None
    joined: Day
    story: TeamStory | None = None
    photo: TeamPhoto | None = None
    commitments: tuple[Commitment, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Team:
        if self.households_total is not None and self.households_total < self.households:
            raise ValueError("households_total_order")
        return self


class NewsFrontMatter(Record):
    """The block at the top of a news item, ``news/<slug>.md``; Markdown follows it. An item
    dated after the build's day is not published yet. Whether its actions and events exist
    is checked against the campaign (:mod:`campaignkit.validation`)."""

    title: Title
    date: Day
    summary: Summary
    updated: Day | None = None
    image: Image | None = None
    actions: tuple[Slug, ...] = ()
    events: tuple[Slug, ...] = ()
    teams: tuple[Slug, ...] = ()

    @model_validator(mode="after")
    def _updated_after_date(self) -> NewsFrontMatter:
        if self.updated is not None and self.updated < self.date:
            raise ValueError("updated_order")
        return self


class NewsItem(NewsFrontMatter):
    """A news item: its front matter, its slug (the file name) and its Markdown."""

    slug: str = ""
    body: NewsBody = ""


class Campaign(CampaignFile):
    """A whole campaign: ``campaign.yml`` plus its actions, events and teams, all references
    checked."""

    slug: SkipJsonSchema[str] = ""
    folder: SkipJsonSchema[str] = Field(default="", exclude=True)
    actions: SkipJsonSchema[tuple[Action, ...]] = ()
    events: SkipJsonSchema[tuple[Event, ...]] = ()
    teams: SkipJsonSchema[tuple[Team, ...]] = ()
    #: Every news item, published or not (by file name); pages show those dated by today.
    news: SkipJsonSchema[tuple[NewsItem, ...]] = ()
    libraries: SkipJsonSchema[tuple[tuple[str, str], ...]] = Field(default=(), exclude=True)
    #: Its own themes, or the built-in ones in its language (validation fills them in when
    #: campaign.yml gives none).
    themes: tuple[Theme, ...] = ()

    def action(self, slug: str) -> Action:
        return next(a for a in self.actions if a.slug == slug)

    def event(self, slug: str) -> Event:
        return next(e for e in self.events if e.slug == slug)

    def team(self, slug: str) -> Team:
        return next(t for t in self.teams if t.slug == slug)

    def partner(self, partner_id: str) -> Partner:
        return next(p for p in self.partners if p.id == partner_id)

    def theme(self, theme_id: str) -> Theme:
        return next(t for t in self.themes if t.id == theme_id)


#: The files of a campaign folder and the model that reads each.
FILE_MODELS: dict[str, type[Record]] = {
    "campaign": CampaignFile,
    "action": Action,
    "event": Event,
    "team": Team,
}
