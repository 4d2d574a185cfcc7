"""The kit's typed records: a file to make (:class:`Output`), and what the kit page and
``LEESMIJ.txt`` list about the files made (:class:`KitPage` and its entries)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from markupsafe import Markup

from campaignkit.blocks import to_html
from campaignkit.cache import Stored
from campaignkit.texts import Text

#: A file of the kit as the runner holds it: bytes made now, or the cache file holding them.
Made = bytes | Stored


@dataclass(frozen=True)
class Output:
    """One file of the kit, declared: where it goes, what it comes from, how it is made.

    With a cache ``kind``, ``key`` describes everything its bytes depend on and ``make`` runs
    only when the cache has no file for that key. Without one, ``make`` runs every build
    (small texts), unless the file was made elsewhere already (``ready``).
    """

    path: str  # in the kit's folder, e.g. "beelden/hero-web.jpg"
    source: str  # the campaign file it comes from, named when two outputs clash
    make: Callable[[], bytes] | None = None
    kind: str | None = None
    key: Any = None
    ready: Made | None = None


@dataclass(frozen=True)
class Note:
    """A warning of the build: a label of :data:`campaignkit.i18n.KIT_LABELS` and its values,
    said in Dutch in the build log and in the campaign's language in the kit."""

    key: str
    values: dict[str, object] = field(default_factory=dict)


class Listing(Protocol):
    """What is known of the files made so far (the runner): for the page's labels."""

    def size(self, path: str) -> int: ...

    def image_size(self, path: str) -> tuple[int, int]: ...

    def paths(self) -> list[str]: ...


@dataclass(frozen=True)
class SourceImage:
    """One source image of the campaign (a photo or a logo) and where the kit uses it."""

    relative: str
    alt: str
    credit: str | None
    licence: str | None
    focus: tuple[float, float] | None
    logo: bool
    #: The kit's name for it, e.g. ``hero`` for ``images/hero.jpg``.
    name: str
    used_by: tuple[str, ...]
    #: ``photo``, ``drawing`` or, when neither its credit nor its text says, ``picture``.
    kind: str = "picture"


@dataclass(frozen=True)
class Download:
    href: str  # relative to the kit page
    label: str


@dataclass(frozen=True)
class TextEntry:
    text: Text
    id: str
    channel: str  # the channel's name in the campaign's language
    limit: int | None
    downloads: tuple[Download, ...]

    @property
    def length(self) -> int:
        return len(self.text.plain.strip())

    @property
    def preview(self) -> Markup:
        return Markup(to_html(self.text.blocks))  # noqa: S704 - built escaped


@dataclass(frozen=True)
class PictureEntry:
    picture: SourceImage
    thumbnail: str
    #: Width and height of the thumbnail, so the page keeps its place before it loads.
    thumbnail_size: tuple[int, int]
    downloads: tuple[Download, ...]
    #: The print size: its file, its pixels, and how large it prints at its dpi (in words).
    print_file: str | None = None
    print_pixels: tuple[int, int] | None = None
    print_size: str = ""

    @property
    def alt(self) -> str:
        return self.picture.alt

    @property
    def credit(self) -> str | None:
        return self.picture.credit

    @property
    def licence(self) -> str | None:
        return self.picture.licence


@dataclass(frozen=True)
class CardEntry:
    title: str
    href: str
    size: tuple[int, int]
    alt: str


@dataclass(frozen=True)
class PosterEntry:
    title: str
    when: str
    downloads: tuple[Download, ...]


@dataclass(frozen=True)
class QrEntry:
    label: str
    url: str
    svg: str
    png: str
    png_size: int


@dataclass(frozen=True)
class TeamKitEntry:
    """One team's flyers and recruitment texts."""

    name: str
    slug: str
    url: str | None
    flyers: tuple[Download, ...]
    texts: tuple[TextEntry, ...]


@dataclass(frozen=True)
class CalendarEntry:
    title: str
    href: str


@dataclass(frozen=True)
class PlanEntry:
    """One post of the posting plan, as the kit page shows it."""

    id: str
    when: str  # its day and time, in words
    moment: str
    channel: str
    title: str
    text: str  # plain, as it is posted
    limit: int | None
    link: str | None
    image: str  # relative to the kit page

    @property
    def length(self) -> int:
        return len(self.text.strip())


@dataclass(frozen=True)
class KitPage:
    """Everything the kit page and ``LEESMIJ.txt`` list, section by section."""

    texts: tuple[TextEntry, ...]
    photos: tuple[PictureEntry, ...]
    logos: tuple[PictureEntry, ...]
    cards: tuple[CardEntry, ...]
    posters: tuple[PosterEntry, ...]
    qr_codes: tuple[QrEntry, ...]
    calendars: tuple[CalendarEntry, ...]
    #: The public root the kit links to; ``None``: no QR codes, no links to the site.
    root: str | None
    #: The build's warnings in the campaign's language.
    notes: tuple[str, ...]
    #: Each team's flyers and texts, by name.
    teams: tuple[TeamKitEntry, ...] = ()
    #: The posting plan's posts, in time order, and its files.
    plan: tuple[PlanEntry, ...] = ()
    plan_files: tuple[Download, ...] = ()
