"""Test campaigns, one way for every test folder: a campaign folder written from data, or its
model without files.

A :class:`Sample` is a campaign as data: ``campaign.yml``'s fields, actions, events, teams and
news items by slug, kit texts by name, images and other files by path. A news item's fields are
its front matter, and ``body`` its Markdown. :data:`DEFAULT` is a small campaign with
every part (an action with a photo, an event, a partner, logos, a hero photo with a GPS position
in its EXIF); :data:`MINIMAL` is ``campaign.yml`` with its required fields and nothing else.

Tests change a sample file by file: fields are merged into the file's fields (nested mappings
key by key, lists replaced, :data:`OMIT` removes a key), a string is the file's whole text, and
:data:`OMIT` in place of a file removes it (``campaign.yml`` itself through ``files``).

Fields are written as a coach writes them: every value is text, unquoted wherever YAML allows,
because campaignkit reads each value as the text it is and never guesses a type.
"""

from __future__ import annotations

import functools
import io
import re
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Final, TypeAlias, TypeVar

import pillow_heif
import yaml
from PIL import Image, ImageDraw

from campaignkit.i18n import default_themes
from campaignkit.model import Campaign, Event


class Omit(Enum):
    """The type of :data:`OMIT`."""

    OMIT = "omit"


#: In a mapping of fields: remove this key. In place of a file: remove the file.
OMIT: Final = Omit.OMIT

Fields: TypeAlias = Mapping[str, Any]
#: A YAML file: fields to write, or its exact text.
Document: TypeAlias = Fields | str
#: An image file: its bytes, or a function that makes them (called when the file is written).
ImageData: TypeAlias = bytes | Callable[[], bytes]
_T = TypeVar("_T")


# -- images -----------------------------------------------------------------------------------


@functools.cache
def photo(width: int, height: int, *, exif: bool = False) -> bytes:
    """A JPEG with a grey gradient; with ``exif``, a camera make and a GPS position in it."""
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    out = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "Telefoonfabrikant"  # Make
        data[0x8825] = {1: "N", 2: (50.0, 52.0, 10.0)}  # GPS
        image.save(out, "JPEG", exif=data.tobytes())
    else:
        image.save(out, "JPEG")
    return out.getvalue()


#: The colour of a phone photo and of the block in its top-left corner as stored.
PHONE_GREEN = (40, 120, 60)
PHONE_RED = (220, 40, 40)


@functools.cache
def phone_photo(
    width: int, height: int, *, kind: str = "JPEG", orientation: int = 6, thumbnail: int = 0
) -> bytes:
    """A photo as a phone stores it: ``width`` by ``height`` pixels held sideways with an
    EXIF orientation, the phone's make and a GPS position, green with a red block in the
    stored top-left corner (on screen, after orientation 6, top-right). ``kind`` is JPEG
    or HEIF (HEIC, as iPhones write it; with a ``thumbnail`` that many pixels wide). Solid
    colours compress well: a 50-megapixel JPEG is under a megabyte and made in a second."""
    image = Image.new("RGB", (width, height), PHONE_GREEN)
    block = max(8, min(width, height) // 6)
    image.paste(PHONE_RED, (0, 0, block, block))
    exif = Image.Exif()
    exif[0x010F] = "Telefoonfabrikant"  # Make
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (50.0, 52.0, 10.0), 3: "E", 4: (4.0, 12.0, 10.0)}  # GPS
    out = io.BytesIO()
    if kind == "HEIF":
        pillow_heif.register_heif_opener()  # as campaignkit.images does; writing needs it too
        extra = {"thumbnails": [thumbnail]} if thumbnail else {}
        image.save(out, "HEIF", exif=exif.tobytes(), quality=60, **extra)
    else:
        image.save(out, kind, exif=exif.tobytes())
    return out.getvalue()


def jpeg_claiming(width: int, height: int) -> bytes:
    """A tiny JPEG whose header says it is ``width`` by ``height`` pixels: the size checks
    read headers only, so it stands for a photo of any size at no cost."""
    out = io.BytesIO()
    Image.new("RGB", (8, 8), PHONE_GREEN).save(out, "JPEG")
    data = bytearray(out.getvalue())
    at = data.index(b"\xff\xc0")  # start of frame: length, precision, height, width
    data[at + 5 : at + 9] = height.to_bytes(2, "big") + width.to_bytes(2, "big")
    return bytes(data)


@functools.cache
def logo(size: int = 300) -> bytes:
    """A PNG of ``size`` by ``size // 2``: a green block with a transparent margin."""
    image = Image.new("RGBA", (size, size // 2), (0, 0, 0, 0))
    image.paste((27, 94, 32, 255), (10, 10, size - 10, size // 2 - 10))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@functools.cache
def picture(
    width: int,
    height: int,
    colour: str | tuple[int, int, int] = "#2e7d32",
    *,
    ellipse: str | None = None,
    kind: str = "PNG",
) -> bytes:
    """An image of one colour, with a centred ellipse of another if asked, as a ``kind`` file
    (Pillow's format name: PNG, JPEG, GIF, ...)."""
    image = Image.new("RGB", (width, height), colour)
    if ellipse:
        box = (width // 4, height // 4, width * 3 // 4, height * 3 // 4)
        ImageDraw.Draw(image).ellipse(box, fill=ellipse)
    out = io.BytesIO()
    image.save(out, kind)
    return out.getvalue()


# -- samples ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    """A campaign folder as data (see the module's description)."""

    campaign: Document
    actions: Mapping[str, Document] = field(default_factory=dict)
    events: Mapping[str, Document] = field(default_factory=dict)
    #: Kit texts under ``texts/``, by file name; written dedented.
    texts: Mapping[str, str] = field(default_factory=dict)
    #: Images by path in the folder, e.g. ``images/hero.jpg``.
    images: Mapping[str, ImageData] = field(default_factory=dict)
    #: Any other file by path, written last: it may replace or (:data:`OMIT`) remove any file.
    files: Mapping[str, str | bytes | Omit] = field(default_factory=dict)
    teams: Mapping[str, Document] = field(default_factory=dict)
    #: News items under ``news/``, by slug: front matter fields and ``body``, or the text.
    news: Mapping[str, Document] = field(default_factory=dict)

    def changed(
        self,
        *,
        campaign: Document | None = None,
        actions: Mapping[str, Document | Omit] | None = None,
        events: Mapping[str, Document | Omit] | None = None,
        texts: Mapping[str, str | Omit] | None = None,
        images: Mapping[str, ImageData | Omit] | None = None,
        files: Mapping[str, str | bytes | Omit] | None = None,
        teams: Mapping[str, Document | Omit] | None = None,
        news: Mapping[str, Document | Omit] | None = None,
    ) -> Sample:
        """This sample with each file changed as the module's description says."""
        return Sample(
            campaign=self.campaign if campaign is None else _document(self.campaign, campaign),
            actions=_layer(self.actions, actions, _document),
            events=_layer(self.events, events, _document),
            texts=_layer(self.texts, texts),
            images=_layer(self.images, images),
            files={**self.files, **(files or {})},
            teams=_layer(self.teams, teams, _document),
            news=_layer(self.news, news, _document),
        )

    def contents(self) -> dict[str, str | bytes]:
        """Every file of the folder: path -> text or bytes."""
        found: dict[str, str | bytes] = {"campaign.yml": _text(self.campaign)}
        for slug, action in self.actions.items():
            found[f"actions/{slug}.yml"] = _text(action)
        for slug, event in self.events.items():
            found[f"events/{slug}.yml"] = _text(event)
        for slug, team in self.teams.items():
            found[f"teams/{slug}.yml"] = _text(team)
        for name, body in self.texts.items():
            found[f"texts/{name}"] = textwrap.dedent(body)
        for slug, item in self.news.items():
            found[f"news/{slug}.md"] = _news_text(item)
        for path, image in self.images.items():
            found[path] = image if isinstance(image, bytes) else image()
        for path, content in self.files.items():
            if isinstance(content, Omit):
                found.pop(path, None)
            else:
                found[path] = content
        return found

    def write(self, folder: Path) -> Path:
        """Write the files into ``folder`` (made if needed); returns ``folder``."""
        write_files(folder, self.contents())
        return folder

    def model(self, slug: str = "", folder: Path | None = None) -> Campaign:
        """The campaign as :func:`campaignkit.validation.load_campaign` gives it (the built-in
        themes unless it has its own), made from the fields without reading files or checking
        them; actions and events keep the sample's order."""
        settings = _given(fields_of(self.campaign))
        if "themes" not in settings:  # as validation does
            settings["themes"] = default_themes(settings.get("language", "nl"))
        data = {
            **settings,
            "slug": slug,
            "folder": str(folder) if folder else "",
            "actions": [{**_given(fields_of(a)), "slug": s} for s, a in self.actions.items()],
            "events": [{**_given(fields_of(e)), "slug": s} for s, e in self.events.items()],
            "teams": [{**_given(fields_of(t)), "slug": s} for s, t in self.teams.items()],
            "news": [{**_given(fields_of(n)), "slug": s} for s, n in sorted(self.news.items())],
        }
        return Campaign.model_validate(data)


def merged(base: Fields, changes: Fields) -> dict[str, Any]:
    """``base`` with ``changes``: nested mappings merged key by key, lists and other values
    replaced, :data:`OMIT` removes a key."""
    result = dict(base)
    for key, value in changes.items():
        if isinstance(value, Omit):
            result.pop(key, None)
        elif isinstance(value, Mapping):
            inner = result.get(key)
            result[key] = merged(inner if isinstance(inner, Mapping) else {}, value)
        else:
            result[key] = value
    return result


def _document(base: Document | None, change: Document) -> Document:
    if isinstance(change, str):
        return change
    if isinstance(base, str):
        raise TypeError("fields cannot be merged into a file given as text: give its text")
    return merged(base or {}, change)


def _layer(
    base: Mapping[str, _T],
    changes: Mapping[str, _T | Omit] | None,
    combine: Callable[[_T | None, _T], _T] | None = None,
) -> dict[str, _T]:
    result = dict(base)
    for name, change in (changes or {}).items():
        if isinstance(change, Omit):
            result.pop(name, None)
        else:
            result[name] = combine(result.get(name), change) if combine else change
    return result


def fields_of(document: Document) -> Fields:
    """The fields of a file given as fields (one given as text has none)."""
    if isinstance(document, str):
        raise TypeError("a file given as text has no model: give its fields")
    return document


def _given(value: Any) -> Any:
    """Without the keys set to None: in a file they are empty, which means not given."""
    if isinstance(value, Mapping):
        return {k: _given(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_given(item) for item in value]
    return value


class _Writer(yaml.SafeDumper):
    """Writes text unquoted wherever campaignkit reads back the same text: it guesses no
    types, so only an empty value and ``~`` need quotes (they mean "not given")."""


_Writer.yaml_implicit_resolvers = {}
_Writer.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|)$"), ["~", ""])
_Writer.add_representer(
    type(None), lambda dumper, _: dumper.represent_scalar("tag:yaml.org,2002:null", "")
)


def _as_text(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _as_text(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_as_text(item) for item in value]
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _text(document: Document) -> str:
    if isinstance(document, str):
        return document
    return yaml.dump(
        _as_text(document), Dumper=_Writer, allow_unicode=True, sort_keys=False, width=10_000
    )


def _news_text(item: Document) -> str:
    if isinstance(item, str):
        return textwrap.dedent(item)
    front = {key: value for key, value in item.items() if key != "body"}
    return f"---\n{_text(front)}---\n{item.get('body', '')}"


def write_files(folder: Path, files: Mapping[str, str | bytes]) -> None:
    """Write each (path in ``folder``, text or bytes), making folders as needed."""
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def read_sample(folder: Path) -> Sample:
    """A campaign folder as it is, as a sample: its YAML files as text (so every position in
    them stays), ``images/`` and ``texts/`` as they are, any other file under ``files``."""
    campaign = (folder / "campaign.yml").read_text(encoding="utf-8")
    actions: dict[str, Document] = {}
    events: dict[str, Document] = {}
    teams: dict[str, Document] = {}
    texts: dict[str, str] = {}
    images: dict[str, ImageData] = {}
    files: dict[str, str | bytes | Omit] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        kind, _, rest = name.partition("/")
        if kind == "actions" and "/" not in rest and path.suffix == ".yml":
            actions[path.stem] = path.read_text(encoding="utf-8")
        elif kind == "events" and "/" not in rest and path.suffix == ".yml":
            events[path.stem] = path.read_text(encoding="utf-8")
        elif kind == "teams" and "/" not in rest and path.suffix == ".yml":
            teams[path.stem] = path.read_text(encoding="utf-8")
        elif kind == "texts" and "/" not in rest:
            texts[rest] = path.read_text(encoding="utf-8")
        elif kind == "images":
            images[name] = path.read_bytes()
        elif name != "campaign.yml":
            files[name] = path.read_bytes()
    return Sample(campaign, actions, events, texts, images, files, teams)


#: The slug (folder name) of :data:`DEFAULT`, and of its action and event.
SLUG = "zonnebeke"
ACTION = "geveltuin"
EVENT = "straatfeest"

DEFAULT = Sample(
    campaign={
        "title": "Klimaat in je straat",
        "tagline": "Samen maken we Zonnebeke klimaatvriendelijk",
        "intro": "Doe mee met je buren.",
        "municipality": {"name": "Zonnebeke", "website": "https://www.zonnebeke.be"},
        "period": {"start": "2027-03-01", "end": "2027-06-30"},
        "contact": {
            "name": "Dienst Milieu",
            "email": "klimaat@zonnebeke.be",
            "phone": "051 48 00 00",
        },
        "site_url": "https://klimaat.zonnebeke.be",
        "signup_url": "https://www.zonnebeke.be/inschrijven",
        "branding": {"primary": "#1b5e20", "accent": "#f9a825", "logo": "images/logo.png"},
        "hero": {
            "image": "images/hero.jpg",
            "alt": "Een straat met bomen",
            "credit": "Foto: Jan Peeters",
            "focus": ["0.3", "0.4"],
        },
        "partners": [
            {"id": "natuurpunt", "name": "Natuurpunt Zonnebeke", "logo": "images/partner.png"}
        ],
    },
    actions={
        ACTION: {
            "title": "Een geveltuin langs je gevel",
            "summary": "Haal een rij stoeptegels weg en plant klimplanten.",
            "theme": "vergroening",
            "events": [EVENT],
            "image": {
                "src": "images/geveltuin.jpg",
                "alt": "Een gevel met klimplanten",
                "credit": "Gemeente Zonnebeke",
                "licence": "CC BY 4.0",
            },
        }
    },
    events={
        EVENT: {
            "title": "Klimaatwijkfeestcomité\u00advergadering in de Kerkstraat",
            "start": "2027-05-15 14:00",
            "end": "17:00",
            "location": {"name": "Gemeenteplein", "address": "Kerkstraat 1, 8980 Zonnebeke"},
            "description": "Kom langs met je buren. Er is **soep** en muziek.",
        }
    },
    images={
        "images/hero.jpg": functools.partial(photo, 1600, 900, exif=True),
        "images/geveltuin.jpg": functools.partial(photo, 900, 1200),
        "images/logo.png": logo,
        "images/partner.png": functools.partial(logo, 200),
    },
)

MINIMAL = Sample(
    campaign={
        "title": "Klimaatstraten",
        "intro": "Doe mee met je straat.",
        "municipality": {"name": "Demo"},
        "period": {"start": "2027-03-01", "end": "2027-10-31"},
        "contact": {"email": "klimaat@demo.be"},
        "branding": {"primary": "#1b5e20"},
    }
)


def write_campaign(
    root: Path,
    slug: str = SLUG,
    *,
    base: Sample = DEFAULT,
    campaign: Document | None = None,
    actions: Mapping[str, Document | Omit] | None = None,
    events: Mapping[str, Document | Omit] | None = None,
    texts: Mapping[str, str | Omit] | None = None,
    images: Mapping[str, ImageData | Omit] | None = None,
    files: Mapping[str, str | bytes | Omit] | None = None,
    teams: Mapping[str, Document | Omit] | None = None,
    news: Mapping[str, Document | Omit] | None = None,
) -> Path:
    """Write ``base``, changed file by file, into ``root/slug``; returns that folder."""
    sample = base.changed(
        campaign=campaign,
        actions=actions,
        events=events,
        texts=texts,
        images=images,
        files=files,
        teams=teams,
        news=news,
    )
    return sample.write(root / slug)


def campaign_model(
    slug: str = SLUG,
    *,
    base: Sample = DEFAULT,
    folder: Path | None = None,
    campaign: Fields | None = None,
    actions: Mapping[str, Fields | Omit] | None = None,
    events: Mapping[str, Fields | Omit] | None = None,
    teams: Mapping[str, Fields | Omit] | None = None,
    news: Mapping[str, Fields | Omit] | None = None,
) -> Campaign:
    """``base``, changed as :func:`write_campaign` changes it, as a model without files."""
    sample = base.changed(campaign=campaign, actions=actions, events=events, teams=teams, news=news)
    return sample.model(slug, folder)


def event_model(
    slug: str = EVENT, *, base: Sample = DEFAULT, like: str | None = None, **changes: Any
) -> Event:
    """The event ``slug`` of ``base`` (or, under that slug, its event ``like``; or a new one)
    with ``changes``, as a model without files."""
    fields = merged(fields_of(base.events.get(like or slug, {})), changes)
    return Event.model_validate({**_given(fields), "slug": slug})
