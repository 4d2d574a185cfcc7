"""What the kit's outputs are made from: the campaign, its addresses, texts and calendars,
its images (collected once, each named), and the shared means to read them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from PIL import Image

from campaignkit import i18n
from campaignkit.cache import file_digest
from campaignkit.calendar import CalendarFiles
from campaignkit.fields import slugify
from campaignkit.images import check_image, decode, reduced, upright_size
from campaignkit.kit import pictures
from campaignkit.kit.fonts import Face, face
from campaignkit.kit.planning import Post
from campaignkit.kit.records import SourceImage
from campaignkit.library.sources import image_file, image_source
from campaignkit.model import Action, Campaign, Event, NewsItem
from campaignkit.problems import CampaignError, Problem, display_name
from campaignkit.texts import Text
from campaignkit.urls import Addresses

CAMPAIGN_FILE = "campaign.yml"
#: How credits and descriptions say what an image is, in the campaigns' languages (the
#: start of a word: "Illustratie: ...", "Tekening van ...", "Getekende straat ...").
_DRAWING = ("illustrati", "tekening", "getekend", "dessin", "drawing", "drawn", "cartoon")
_PHOTO = ("foto", "photo")
#: Decoded source images kept in memory while a kit is built.
DECODED_KEPT = 4


@dataclass
class KitInputs:
    """The sources of one kit. Images are checked once and decoded on demand (the last few
    kept: a campaign's photos decoded at once take gigabytes)."""

    campaign: Campaign
    addresses: Addresses
    texts: tuple[Text, ...]
    calendars: CalendarFiles
    pictures: tuple[SourceImage, ...]
    base: Path | None = None
    #: The news published by the kit's day, newest first (later items are not public yet).
    news: tuple[NewsItem, ...] = ()
    face: Face = field(default_factory=face)
    #: By team slug, its recruitment texts filled in (:mod:`campaignkit.texts.teams`).
    team_texts: Mapping[str, tuple[Text, ...]] = field(default_factory=dict)
    #: The posting plan from the kit's day on (:mod:`campaignkit.kit.planning`).
    plan: tuple[Post, ...] = ()
    _checked: dict[str, Path] = field(default_factory=dict, init=False, repr=False)
    _decoded: dict[str, Image.Image] = field(default_factory=dict, init=False, repr=False)

    @property
    def language(self) -> str:
        return self.campaign.language

    @cached_property
    def words(self) -> dict[str, str]:
        return i18n.kit_labels(self.language)

    def source_name(self, relative: str = CAMPAIGN_FILE) -> str:
        """A campaign file's name as problems show it (``campaign.yml`` by default); an
        image of a library, its file in the library."""
        campaign = self.campaign
        return display_name(image_file(campaign.folder, campaign.libraries, relative), self.base)

    def source_path(self, relative: str) -> Path:
        """The checked path of a source image (checked once per build, used many times)."""
        path = self._checked.get(relative)
        if path is None:
            path = self._checked[relative] = check_image(
                *image_source(self.campaign.folder, self.campaign.libraries, relative)
            )
        return path

    def digest(self, relative: str) -> str:
        return file_digest(self.source_path(relative))

    def raw(self, relative: str) -> bytes:
        return self.source_path(relative).read_bytes()

    def size(self, relative: str) -> tuple[int, int]:
        """A source image's width and height as shown, from its header."""
        return upright_size(self.source_path(relative))

    def decoded(self, relative: str) -> Image.Image:
        """A source image, decoded at no less than every output needs
        (:data:`~campaignkit.kit.pictures.NEED`); each variant of a photo is made in a row."""
        image = self._decoded.pop(relative, None)
        if image is None:
            image = reduced(decode(self.raw(relative), pictures.NEED), pictures.NEED)
        self._decoded[relative] = image
        while len(self._decoded) > DECODED_KEPT:
            self._decoded.pop(next(iter(self._decoded)))
        return image

    @cached_property
    def logo(self) -> bytes | None:
        """The municipal logo as the kit's web-size logo file holds it (made when first
        asked: only an output made now needs its bytes)."""
        src = self.campaign.branding.logo
        return pictures.logo_web(self.decoded(src)) if src else None

    @cached_property
    def logo_digest(self) -> str | None:
        src = self.campaign.branding.logo
        return self.digest(src) if src else None

    def photo_for(
        self, action: Action | None = None, event: Event | None = None
    ) -> tuple[str | None, tuple[float, float] | None]:
        """The image an action or event is shown with: its own, else the campaign's hero
        (a linked action's picture may be about something else altogether)."""
        campaign = self.campaign
        own = action.image if action else event.image if event else None
        if own:
            return own.src, own.focus
        if campaign.hero:
            return campaign.hero.image, campaign.hero.focus
        return None, None


@dataclass(frozen=True)
class _Use:
    """One place where the campaign shows an image."""

    relative: str
    alt: str
    credit: str | None
    licence: str | None
    focus: tuple[float, float] | None
    logo: bool
    user: str


def collect_pictures(campaign: Campaign, base: Path | None = None) -> tuple[SourceImage, ...]:
    """Every image the campaign uses, once, named after its file: photos (the hero's, the
    actions', the events', the teams'), then logos.

    Raises :class:`CampaignError` when two images would get the same name in the kit.
    """
    lang = campaign.language
    words = i18n.kit_labels(lang)
    photos = [(campaign.hero.as_image(), words["home_page"])] if campaign.hero else []
    photos += [(action.image, action.title) for action in campaign.actions if action.image]
    photos += [(event.image, event.title) for event in campaign.events if event.image]
    # A team's photo only with the consent of the people in it (the model refuses one
    # without; the kit does not rely on that alone).
    photos += [
        (team.photo.as_image(), team.name)
        for team in campaign.teams
        if team.photo is not None and team.photo.consent is True
    ]
    uses = [
        _Use(image.src, image.alt, image.credit, image.licence, image.focus, False, user)
        for image, user in photos
    ]
    logos = [(campaign.branding.logo, campaign.municipality.name, "logo")]
    logos += [(partner.logo, partner.name, partner.name) for partner in campaign.partners]
    for relative, name, user in logos:
        if relative:
            alt = i18n.phrase(words["logo_of"], lang, name=name)
            uses.append(_Use(relative, alt, None, None, None, True, user))
    return _named(
        uses,
        lambda relative: display_name(
            image_file(campaign.folder, campaign.libraries, relative), base
        ),
    )


def _named(uses: list[_Use], source_name: Callable[[str], str]) -> tuple[SourceImage, ...]:
    """One picture per image (its users together); two that get one name are a problem."""
    first: dict[tuple[bool, str], _Use] = {}
    users: dict[tuple[bool, str], list[str]] = {}
    names: dict[tuple[bool, str], str] = {}
    problems = []
    for use in uses:
        key = (use.logo, use.relative)
        if key in first:
            users[key].append(use.user)
            continue
        name = slugify(Path(use.relative).stem, "beeld")
        other = names.get((use.logo, name))
        if other is not None:
            this, that = source_name(use.relative), source_name(other)
            problems.append(
                Problem(
                    this,
                    1,
                    1,
                    f"'{this}' en '{that}' krijgen in de communicatiekit dezelfde naam '{name}'.",
                    "Geef een van beide afbeeldingen een andere bestandsnaam.",
                )
            )
            continue
        names[(use.logo, name)] = use.relative
        first[key], users[key] = use, [use.user]
    if problems:
        raise CampaignError(problems)
    return tuple(
        SourceImage(
            use.relative,
            use.alt,
            use.credit,
            use.licence,
            use.focus,
            use.logo,
            slugify(Path(use.relative).stem, "beeld"),
            tuple(users[key]),
            "logo" if use.logo else picture_kind(use.credit, use.alt),
        )
        for key, use in first.items()
    )


def picture_kind(credit: str | None, alt: str) -> str:
    """``drawing`` or ``photo`` when the credit's label ("Illustratie: ...") or the first
    word of the description ("Tekening van ...") says so, else ``picture``."""
    label = credit.split(":", 1)[0] if credit and ":" in credit else ""
    words = [word.casefold() for word in (label.strip(), *alt.split()[:1]) if word]
    if any(word.startswith(_DRAWING) for word in words):
        return "drawing"
    if any(word.startswith(_PHOTO) for word in words):
        return "photo"
    return "picture"
