"""One campaign to its communication kit: every file, the ZIP and the ``/kit/`` page.

Everything is declared first (what to make, from which sources, with which parameters) and
made through the cache, so a second build with nothing changed only reads stored bytes.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from PIL import Image

from campaignkit import i18n
from campaignkit.blocks import parse, plain_text
from campaignkit.cache import Cache, Stored, file_digest
from campaignkit.calendar import CalendarFiles, calendar_files
from campaignkit.kit import documents, pictures, posters, qr, urls
from campaignkit.kit.archive import Files, KitFiles, zip_bytes
from campaignkit.kit.fonts import face
from campaignkit.kit.page import render_page
from campaignkit.kit.readme import readme
from campaignkit.model import Action, Campaign, Event
from campaignkit.problems import CampaignError, Problem, display_name
from campaignkit.texts import Text, load_texts
from campaignkit.urls import Addresses

KIT = urls.KIT_FOLDER
IMAGES, TEXTS, QR, POSTERS, CALENDARS, CARDS = (
    "beelden",
    "teksten",
    "qr",
    "affiches",
    "agenda",
    "beelden/kaarten",
)
FEED_NAME = "alle-activiteiten"
#: Below this short side, social crops are enlarged more than 1.5 times: worth a warning.
SMALL_PHOTO = 720
NO_SITE_URL = i18n.KIT_LABELS["nl"]["note_no_site_url"]
_CARD_KINDS = {"action": "actie-", "event": "activiteit-", "campaign": "campagne"}


def social_card_path(kind: str, slug: str = "", size: tuple[int, int] = (1200, 630)) -> str:
    """Where the social card of a page is in the built site, e.g.
    ``kit/beelden/kaarten/actie-geveltuin-1200x630.jpg``; ``kind`` is ``action``, ``event``
    or ``campaign`` (the home page, no slug)."""
    prefix = _CARD_KINDS[kind]
    name = prefix if kind == "campaign" else prefix + slug
    return f"{KIT}/{CARDS}/{name}-{size[0]}x{size[1]}.jpg"


#: Decoded source images kept in memory while a kit is built.
DECODED_KEPT = 4


@dataclass(frozen=True)
class Kit:
    """A built kit. ``files`` maps site paths (``kit/...``) to bytes, sorted by path; a
    file kept in the cache is read only when asked for."""

    files: KitFiles
    warnings: tuple[str, ...]
    page_html: str
    texts: tuple[Text, ...] = ()
    cache_hits: int = 0
    cache_misses: int = 0
    archive_file: Stored | None = field(default=None, repr=False)
    archive_name: str = ""
    #: The calendar files, for the site to publish as they are (see ``calendar_files``).
    calendars: CalendarFiles | None = field(default=None, repr=False)

    @property
    def zip_path(self) -> str:
        return f"{KIT}/{self.archive_name}"

    @property
    def origins(self) -> dict[str, Path]:
        """Site path -> the file in the kit cache holding exactly those bytes (most of them)."""
        kept = {path: self.files.kept(path) for path in self.files}
        return {path: data.path for path, data in kept.items() if isinstance(data, Stored)}

    @property
    def archive(self) -> bytes:
        """The ZIP, read from the cache."""
        return self.archive_file.read() if self.archive_file is not None else b""


@dataclass
class Download:
    href: str  # relative to the kit page
    label: str


@dataclass
class Picture:
    """One source image and what the kit makes of it."""

    relative: str
    alt: str
    credit: str | None
    focus: tuple[float, float] | None
    logo: bool
    used_by: list[str] = field(default_factory=list)
    name: str = ""
    downloads: list[Download] = field(default_factory=list)
    thumbnail: str = ""
    #: Width and height of the thumbnail, so the page keeps its place before it loads.
    thumbnail_size: tuple[int, int] = (0, 0)
    licence: str | None = None


def slugify(text: str, fallback: str = "bestand") -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-") or fallback


def _size_of(data: bytes | Stored) -> tuple[int, int]:
    """An image's width and height, from its header (a stored image is not read whole)."""
    with Image.open(data.path if isinstance(data, Stored) else io.BytesIO(data)) as image:
        return image.size


class _Builder:
    def __init__(self, campaign: Campaign, cache: Cache, stamp: datetime, base: Path | None):
        self.campaign = campaign
        self.folder = Path(campaign.folder)
        self.cache = cache
        self.stamp = stamp
        self.base = base
        self.files = Files()
        self.warnings: list[str] = []
        self.face = face()
        self.lang = campaign.language
        self.words = i18n.kit_labels(self.lang)
        #: The warnings in the campaign's language, for LEESMIJ.txt and the kit page.
        self.notes: list[str] = []
        self._decoded: dict[str, Image.Image] = {}
        self._checked: dict[str, Path] = {}
        self.pictures: dict[str, Picture] = {}
        self.page: dict[str, Any] = {}
        self.calendars: CalendarFiles | None = None

    # -------------------------------------------------------------------------- helpers

    def source_name(self, relative: str) -> str:
        return display_name(self.folder / relative, self.base)

    def source_path(self, relative: str) -> Path:
        """The checked path of a source image (checked once per build, used many times)."""
        from campaignkit.images import check_image

        path = self._checked.get(relative)
        if path is None:
            path = self._checked[relative] = check_image(self.folder, relative)
        return path

    def digest(self, relative: str) -> str:
        return file_digest(self.source_path(relative))

    def raw(self, relative: str) -> bytes:
        return self.source_path(relative).read_bytes()

    def decoded(self, relative: str) -> Image.Image:
        """A source image, decoded; the last few are kept (each variant of a photo is made
        in a row), not all of them: a campaign's photos decoded at once take gigabytes."""
        image = self._decoded.pop(relative, None)
        if image is None:
            image = pictures.decode(self.raw(relative))
        self._decoded[relative] = image
        while len(self._decoded) > DECODED_KEPT:
            self._decoded.pop(next(iter(self._decoded)))
        return image

    def warn(self, key: str, **values: Any) -> None:
        """A warning: in Dutch for the build log, like every build message; in the
        campaign's language for the kit's readers."""
        self.warnings.append(i18n.KIT_LABELS["nl"][key].format(**values))
        self.notes.append(self.words[key].format(**values))

    def add(self, path: str, data: bytes | Stored, source: str) -> None:
        self.files.add(f"{KIT}/{path}", data, source)

    def made(self, kind: str, spec: dict[str, Any], make: Callable[[], bytes]) -> Stored:
        """An output from the cache (made now when missing), as its file: not read."""
        return self.cache.stored(kind, spec, make)

    # --------------------------------------------------------------------------- images

    def collect_pictures(self) -> None:
        campaign = self.campaign
        # (source, alt text, credit, licence, focus, is a logo, where it is used)
        found: list[tuple[str, str, str | None, str | None, Any, bool, str]] = []
        photos = [(campaign.hero.as_image(), self.words["home_page"])] if campaign.hero else []
        photos += [(action.image, action.title) for action in campaign.actions if action.image]
        for image, user in photos:
            found.append(
                (image.src, image.alt, image.credit, image.licence, image.focus, False, user)
            )
        if campaign.branding.logo:
            alt = i18n.phrase(self.words["logo_of"], self.lang, name=campaign.municipality.name)
            found.append((campaign.branding.logo, alt, None, None, None, True, "logo"))
        for partner in campaign.partners:
            if partner.logo:
                alt = i18n.phrase(self.words["logo_of"], self.lang, name=partner.name)
                found.append((partner.logo, alt, None, None, None, True, partner.name))
        names: dict[tuple[bool, str], str] = {}
        for relative, alt, credit, licence, focus, logo, user in found:
            key = f"{'logo' if logo else 'foto'}:{relative}"
            if key in self.pictures:
                self.pictures[key].used_by.append(user)
                continue
            name = slugify(Path(relative).stem, "beeld")
            other = names.get((logo, name))
            if other is not None:
                self.files.problems.append(
                    Problem(
                        self.source_name(relative),
                        1,
                        1,
                        f"'{self.source_name(relative)}' en '{self.source_name(other)}' krijgen "
                        f"in de communicatiekit dezelfde naam '{name}'.",
                        "Geef een van beide afbeeldingen een andere bestandsnaam.",
                    )
                )
                continue
            names[(logo, name)] = relative
            self.pictures[key] = Picture(
                relative, alt, credit, focus, logo, [user], name, licence=licence
            )

    def build_pictures(self) -> None:
        for picture in self.pictures.values():
            if picture.logo:
                self.build_logo(picture)
            else:
                self.build_photo(picture)

    def _variant(
        self,
        picture: Picture,
        path: str,
        op: str,
        params: dict[str, Any],
        make: Callable[[Image.Image], bytes],
        label: str,
    ) -> Stored:
        spec = {"source": self.digest(picture.relative), "op": op, **params}
        data = self.made("image", spec, lambda: make(self.decoded(picture.relative)))
        self.add(path, data, self.source_name(picture.relative))
        width, height = _size_of(data)
        if path == picture.thumbnail:
            picture.thumbnail_size = (width, height)
        kind = "PNG" if path.endswith(".png") else "JPEG"
        picture.downloads.append(Download(path, f"{label} ({kind}, {width} × {height} px)"))
        return data

    def build_photo(self, picture: Picture) -> None:
        alpha = self.source_path(picture.relative).suffix.lower() == ".png"
        ext, fmt = (".png", "PNG") if alpha else (".jpg", "JPEG")
        base = f"{IMAGES}/{picture.name}"
        picture.thumbnail = f"{base}-web{ext}"
        self._variant(
            picture,
            f"{base}-web{ext}",
            "fit",
            {"width": pictures.WEB_WIDTH, "format": fmt},
            lambda im: pictures.encode(pictures.fit_width(im, pictures.WEB_WIDTH), fmt),
            self.words["web"],
        )
        self._variant(
            picture,
            f"{base}-druk{ext}",
            "fit",
            {
                "width": pictures.PRINT_WIDTH,
                "format": fmt,
                "dpi": pictures.PRINT_DPI,
                "quality": pictures.PRINT_QUALITY,
            },
            lambda im: pictures.encode(
                pictures.fit_width(im, pictures.PRINT_WIDTH),
                fmt,
                dpi=pictures.PRINT_DPI,
                quality=pictures.PRINT_QUALITY,
            ),
            self.words["print"],
        )
        for size, purpose in pictures.CROPS.items():
            focus = list(picture.focus) if picture.focus else None
            self._variant(
                picture,
                f"{base}-{size[0]}x{size[1]}.jpg",
                "crop",
                {"size": list(size), "focus": focus},
                lambda im, size=size, focus=focus: pictures.encode(
                    pictures.crop(im, size, focus), "JPEG"
                ),
                self.words["social"].format(crop=self.words[f"crop_{purpose}"]),
            )
        width, height = self.decoded_size(picture.relative)
        if min(width, height) < SMALL_PHOTO:
            self.warn(
                "note_small_photo",
                name=self.source_name(picture.relative),
                width=width,
                height=height,
            )

    def decoded_size(self, relative: str) -> tuple[int, int]:
        spec = {"source": self.digest(relative), "op": "size"}
        data = self.cache.get(
            "image-size",
            spec,
            lambda: "{}x{}".format(*self.decoded(relative).size).encode(),
        )
        width, height = data.decode().split("x")
        return int(width), int(height)

    def build_logo(self, picture: Picture) -> None:
        base = f"{IMAGES}/logos/{picture.name}"
        picture.thumbnail = f"{base}-web.png"
        self._variant(
            picture,
            f"{base}-web.png",
            "fit",
            {"width": 800, "format": "PNG"},
            lambda im: pictures.encode(pictures.fit_width(im, 800), "PNG"),
            self.words["web"],
        )
        self._variant(
            picture,
            f"{base}-druk.png",
            "fit",
            {"width": pictures.PRINT_WIDTH, "format": "PNG", "dpi": pictures.PRINT_DPI},
            lambda im: pictures.encode(
                pictures.fit_width(im, pictures.PRINT_WIDTH), "PNG", dpi=pictures.PRINT_DPI
            ),
            self.words["print"],
        )

    def logo_bytes(self) -> tuple[bytes | None, str | None]:
        """The municipal logo, web size, and its digest."""
        logo = self.campaign.branding.logo
        if not logo:
            return None, None
        path = f"{KIT}/{IMAGES}/logos/{self.pictures['logo:' + logo].name}-web.png"
        data = self.files.files.get(path)
        return (data.read() if isinstance(data, Stored) else data), self.digest(logo)

    # ---------------------------------------------------------------------------- cards

    def photo_for(self, action: Action | None = None, event: Event | None = None) -> Any:
        """The image an action or event is shown with: its own, a linked action's, the hero."""
        campaign = self.campaign
        if action and action.image:
            return action.image.src, action.image.focus
        if event:
            linked = [campaign.action(s) for s in event.actions] + [
                a for a in campaign.actions if event.slug in a.events
            ]
            for item in linked:
                if item.image:
                    return item.image.src, item.image.focus
        if campaign.hero:
            return campaign.hero.image, campaign.hero.focus
        return None, None

    def build_cards(self) -> None:
        campaign = self.campaign
        logo, logo_digest = self.logo_bytes()
        jobs: list[tuple[str, str, str, str, Any]] = [
            ("campaign", "", campaign.title, "", self.photo_for())
        ]
        for action in campaign.actions:
            jobs.append(("action", action.slug, action.title, "", self.photo_for(action=action)))
        for event in campaign.events:
            when = i18n.format_event_when(event, self.lang)
            if event.status == "cancelled":
                when = f"{i18n.labels(self.lang)['cancelled']}: {when}"
            jobs.append(("event", event.slug, event.title, when, self.photo_for(event=event)))
        cards = []
        for kind, slug, title, when, (photo, focus) in jobs:
            for size in pictures.CARD_SIZES:
                spec = pictures.CardSpec(
                    size=size,
                    title=title,
                    kicker=campaign.municipality.name,
                    footer=campaign.title if kind != "campaign" else (campaign.tagline or ""),
                    when=when
                    or (
                        i18n.format_period(campaign.period.start, campaign.period.end, self.lang)
                        if kind == "campaign"
                        else ""
                    ),
                    primary=campaign.branding.primary,
                    accent=campaign.branding.accent,
                    font_regular=str(self.face.regular),
                    font_bold=str(self.face.bold),
                )
                key = {
                    **asdict(spec),
                    "font_regular": self.face.digest,
                    "font_bold": "",
                    "photo": self.digest(photo) if photo else None,
                    "focus": list(focus) if focus else None,
                    "logo": logo_digest,
                }
                data = self.made(
                    "card",
                    key,
                    lambda spec=spec, photo=photo, focus=focus: pictures.card(
                        spec, self.decoded(photo) if photo else None, logo, focus
                    ),
                )
                path = social_card_path(kind, slug, size).removeprefix(f"{KIT}/")
                self.add(path, data, self.source_name("campaign.yml"))
                cards.append(
                    {
                        "title": title,
                        "href": path,
                        "size": size,
                        "alt": f"{title} ({campaign.municipality.name})",
                    }
                )
        self.page["cards"] = cards

    # ------------------------------------------------------------------------------- qr

    def targets(self) -> list[tuple[str, str, str | None]]:
        """(name, label, url) of every page a QR code or poster points to."""
        campaign = self.campaign
        items = [("campagne", campaign.title, urls.home_url(campaign))]
        items += [
            (f"actie-{a.slug}", a.title, urls.action_url(campaign, a.slug))
            for a in campaign.actions
        ]
        items += [
            (f"activiteit-{e.slug}", e.title, urls.event_url(campaign, e.slug))
            for e in campaign.events
        ]
        return items

    def build_qr(self) -> None:
        codes = []
        if urls.site_root(self.campaign) is None:
            self.warn("note_no_site_url")
            self.page["qr"] = codes
            return
        for name, label, url in self.targets():
            assert url
            svg = self.made("qr-svg", {"url": url}, lambda url=url: qr.svg(url))
            png = self.made("qr-png", {"url": url}, lambda url=url: qr.png(url))
            self.add(f"{QR}/{name}.svg", svg, self.source_name("campaign.yml"))
            self.add(f"{QR}/{name}.png", png, self.source_name("campaign.yml"))
            width = _size_of(png)[0]
            codes.append(
                {
                    "label": label,
                    "url": url,
                    "svg": f"{QR}/{name}.svg",
                    "png": f"{QR}/{name}.png",
                    "png_size": width,
                }
            )
        self.page["qr"] = codes

    # -------------------------------------------------------------------------- posters

    def build_posters(self, texts: Sequence[Text]) -> None:
        campaign = self.campaign
        lang = self.lang
        logo, logo_digest = self.logo_bytes()
        contact = campaign.contact.email + (
            f" · {campaign.contact.phone}" if campaign.contact.phone else ""
        )
        poster_text = next((t for t in texts if t.slug == "affiche"), None) or next(
            (t for t in texts if t.channel == "poster"), None
        )
        period = i18n.format_period(campaign.period.start, campaign.period.end, lang)
        jobs = [
            (
                "campagne",
                campaign.title,
                period[:1].upper() + period[1:],
                campaign.tagline or "",
                " ".join(poster_text.plain.split()) if poster_text else "",
                urls.home_url(campaign),
                self.photo_for(),
            )
        ]
        for event in campaign.events:
            if event.status == "cancelled":
                continue
            where = (
                ", ".join(p for p in (event.location.name, event.location.address) if p)
                if event.location
                else i18n.labels(lang)["online"]
            )
            # A poster has room for one paragraph, in letters that can be read from afar.
            first = (
                plain_text(parse(event.description)).split("\n\n")[0] if event.description else ""
            )
            body = " ".join(first.split()) or campaign.tagline or ""
            jobs.append(
                (
                    f"activiteit-{event.slug}",
                    event.title,
                    i18n.format_event_when(event, lang),
                    where,
                    body,
                    urls.event_url(campaign, event.slug),
                    self.photo_for(event=event),
                )
            )
        items = []
        for name, title, when, where, body, url, (photo, focus) in jobs:
            downloads = []
            for paper in posters.SIZES:
                spec = posters.PosterSpec(
                    paper=paper,
                    title=title,
                    municipality=campaign.municipality.name,
                    when=when,
                    where=where,
                    body=body,
                    url=url,
                    contact=contact,
                    language=lang,
                    primary=campaign.branding.primary,
                    accent=campaign.branding.accent,
                    font_regular=str(self.face.regular),
                    font_bold=str(self.face.bold),
                    photo_focus=tuple(focus) if focus else None,
                    # As the Word files: the campaign's first day, not the build's date.
                    created=datetime.combine(campaign.period.start, datetime.min.time()),
                )
                key = {
                    **asdict(spec),
                    "font_regular": self.face.digest,
                    "font_bold": "",
                    "photo": self.digest(photo) if photo else None,
                    "logo": logo_digest,
                }
                data = self.made(
                    "poster",
                    key,
                    lambda spec=spec, photo=photo, url=url: posters.poster(
                        spec,
                        self.raw(photo) if photo else None,
                        logo,
                        qr.matrix(url) if url else None,
                    ),
                )
                path = f"{POSTERS}/{name}-{paper}.pdf"
                self.add(path, data, self.source_name("campaign.yml"))
                label = self.words["poster_file"].format(
                    paper=paper.upper(), size=data.size // 1024
                )
                downloads.append(Download(path, label))
            items.append({"title": title, "when": when, "downloads": downloads})
        self.page["posters"] = items

    # ---------------------------------------------------------------------------- texts

    def build_texts(self, texts: Sequence[Text]) -> None:
        campaign = self.campaign
        logo, logo_digest = self.logo_bytes()
        created = datetime.combine(campaign.period.start, datetime.min.time())
        items = []
        for text in texts:
            base = f"{TEXTS}/{text.slug}"
            self.add(f"{base}.txt", documents.text_file(text.plain), text.source)
            self.add(f"{base}.md", documents.markdown_file(text.title, text.markdown), text.source)
            spec = {
                "markdown": text.markdown,
                "title": text.title,
                "author": campaign.municipality.name,
                "language": self.lang,
                "created": created.isoformat(),
                "logo": logo_digest,
                "link": campaign.branding.primary,
            }
            docx = self.made(
                "docx",
                spec,
                lambda text=text: documents.docx(
                    text.blocks,
                    title=text.title,
                    author=campaign.municipality.name,
                    language=self.lang,
                    created=created,
                    logo=logo,
                    link_colour=campaign.branding.primary,
                ),
            )
            self.add(f"{base}.docx", docx, text.source)
            items.append(
                {
                    "text": text,
                    "id": f"tekst-{text.slug}",
                    "downloads": [
                        Download(f"{base}.docx", "Word (.docx)"),
                        Download(f"{base}.txt", self.words["plain_text"]),
                        Download(f"{base}.md", "Markdown (.md)"),
                    ],
                }
            )
        self.page["texts"] = items

    # ------------------------------------------------------------------------ calendars

    def build_calendars(self) -> None:
        """The site's calendar files, made once: the site publishes these same files."""
        campaign = self.campaign
        self.calendars = calendar_files(
            campaign, Addresses(urls.site_root(campaign)), self.stamp, self.cache
        )
        items = []
        for item in self.calendars.events:
            path = f"{CALENDARS}/{item.event}.ics"
            self.add(path, item.data, self.source_name(f"events/{item.event}.yml"))
            items.append({"title": campaign.event(item.event).title, "href": path})
        if campaign.events:
            path = f"{CALENDARS}/{FEED_NAME}.ics"
            self.add(path, self.calendars.feed, self.source_name("campaign.yml"))
            items.insert(0, {"title": self.words["all_events"], "href": path})
        self.page["calendars"] = items


def build_kit(
    campaign: Campaign,
    *,
    cache_dir: Path,
    stamp: datetime,
    texts: Sequence[Text] | None = None,
    base: Path | None = None,
    template_dirs: Sequence[Path] = (),
    zip_url: str | None = None,
) -> Kit:
    """Build the communication kit of a (validated) campaign.

    Raises :class:`CampaignError` when texts have problems or two files would get the
    same name. ``texts`` may be passed when :func:`load_texts` already ran. With
    ``zip_url`` (the ZIP published elsewhere, e.g. as a release asset), the kit page links
    there and ``files`` leaves the ZIP out; ``archive`` always holds it.
    """
    if texts is None:
        texts = load_texts(campaign, base=base)
    cache = Cache(Path(cache_dir))
    builder = _Builder(campaign, cache, stamp, base)
    builder.collect_pictures()
    builder.files.check()
    builder.build_pictures()
    builder.build_texts(texts)
    builder.build_cards()
    builder.build_qr()
    builder.build_posters(texts)
    builder.build_calendars()
    readme_text = readme(campaign, builder.pictures.values(), builder.files.files, builder.notes)
    builder.add("LEESMIJ.txt", readme_text.encode("utf-8"), builder.source_name("campaign.yml"))
    builder.files.check()
    entries = {path.removeprefix(f"{KIT}/"): data for path, data in builder.files.files.items()}
    # A stored entry is described by its cache key, which determines its bytes: the ZIP's
    # key needs none of the megabytes read.
    archive = cache.stored(
        "zip",
        {
            "entries": sorted(
                (name, f"key:{data.key}")
                if isinstance(data, Stored)
                else (name, hashlib.sha256(data).hexdigest())
                for name, data in entries.items()
            )
        },
        lambda: zip_bytes(KitFiles(entries)),
    )
    zip_path = f"{KIT}/{urls.zip_name(campaign)}"
    if zip_path in builder.files.files:  # pragma: no cover - names above never end so
        raise CampaignError([Problem(builder.source_name("campaign.yml"), 1, 1, zip_path)])
    if zip_url is None:
        builder.files.files[zip_path] = archive
    page_html = render_page(
        campaign,
        builder.page,
        pictures=list(builder.pictures.values()),
        zip_href=zip_url or urls.zip_name(campaign),
        zip_size=archive.size,
        warnings=builder.notes,
        template_dirs=template_dirs,
    )
    files = builder.files.sorted()
    return Kit(
        files=files,
        warnings=tuple(builder.warnings),
        page_html=page_html,
        texts=tuple(texts),
        cache_hits=cache.hits,
        cache_misses=cache.misses,
        archive_file=archive,
        archive_name=urls.zip_name(campaign),
        calendars=builder.calendars,
    )
