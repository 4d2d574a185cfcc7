"""Web images of a microsite: campaign images re-encoded in the widths each place needs.

A :class:`WebPicture` is what a template needs to show one image (``srcset`` sources, size,
alt text, credit); :class:`WebImages` makes them and collects the files they name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from campaignkit.cache import Cache, Stored, file_digest
from campaignkit.images import output_suffix, resolve_inside, web_image, web_size
from campaignkit.library.sources import image_source
from campaignkit.model import Campaign, Image, NewsItem, TeamPhoto

#: Widths (CSS pixels times device pixel ratio) each kind of image is offered at.
HERO_WIDTHS = (640, 1024, 1600)
ACTION_WIDTHS = (480, 960)
PARTNER_WIDTHS = (320,)
LOGO_WIDTHS = (192,)
FAVICON_WIDTHS = (64,)

HERO_SIZES = "(min-width: 76.25em) 1220px, 100vw"
CARD_SIZES = "(min-width: 76.25em) 380px, (min-width: 45em) 50vw, 100vw"


@dataclass(frozen=True)
class WebPicture:
    """A re-encoded image in one or more widths, with what a template needs to show it."""

    sources: tuple[tuple[str, int], ...]
    width: int
    height: int
    alt: str
    credit: str | None = None
    position: str | None = None
    licence: str | None = None

    @property
    def src(self) -> str:
        return self.sources[-1][0]


def cached_web_image(cache: Cache | None, path: Path, width: int) -> bytes | Stored:
    """:func:`~campaignkit.images.web_image`, kept in ``cache`` when there is one (then
    the stored file is returned, not read)."""
    if cache is None:
        return web_image(path, width)
    return cache.stored(
        "web-image",
        {"source": file_digest(path), "width": width, "suffix": output_suffix(path)},
        lambda: web_image(path, width),
    )


def _safe_name(relative: str) -> str:
    """A web-safe path under ``images/`` for a campaign image path."""
    path = relative.removeprefix("images/")
    cleaned = re.sub(r"[^a-z0-9/._-]+", "-", path.lower()).strip("-")
    cleaned = "/".join(part.strip(".-") or "image" for part in cleaned.split("/"))
    return cleaned.rsplit(".", 1)[0]


Libraries = tuple[tuple[str, str], ...]


class WebImages:
    """Re-encodes campaign images once per width and names them under ``images/``; with a
    ``cache``, an image made by an earlier build is taken from it."""

    def __init__(self, folder: Path, cache: Cache | None = None, libraries: Libraries = ()) -> None:
        self.folder = folder
        self.cache = cache
        #: The folders of the libraries the campaign takes images from, by slug.
        self.libraries = libraries
        self.assets: dict[str, bytes | Stored] = {}
        self._names: dict[str, str] = {}

    def _stem(self, relative: str) -> str:
        if relative not in self._names:
            stem, counter = _safe_name(relative), 1
            taken = set(self._names.values())
            candidate = stem
            while candidate in taken:
                counter += 1
                candidate = f"{stem}-{counter}"
            self._names[relative] = candidate
        return self._names[relative]

    def picture(
        self,
        relative: str,
        widths: Iterable[int],
        *,
        alt: str,
        credit: str | None = None,
        focus: tuple[float, float] | None = None,
        licence: str | None = None,
    ) -> WebPicture:
        path = resolve_inside(*image_source(self.folder, self.libraries, relative))
        suffix = output_suffix(path)
        sources: list[tuple[str, int]] = []
        size = (0, 0)
        for width in sorted(set(widths)):
            size = web_size(path, width)
            dest = f"images/{self._stem(relative)}-{size[0]}{suffix}"
            if dest not in self.assets:
                self.assets[dest] = cached_web_image(self.cache, path, width)
            if (dest, size[0]) not in sources:
                sources.append((dest, size[0]))
        position = f"{focus[0] * 100:.0f}% {focus[1] * 100:.0f}%" if focus else None
        return WebPicture(tuple(sources), size[0], size[1], alt, credit, position, licence)


@dataclass(frozen=True)
class SitePictures:
    """Every picture of a campaign's microsite, and the image files they name."""

    hero: WebPicture | None
    #: By action slug, for the actions that have an image.
    actions: Mapping[str, WebPicture]
    #: By event slug, for the events that have an image.
    events: Mapping[str, WebPicture]
    #: By partner id, for the partners that have a logo.
    logos: Mapping[str, WebPicture]
    #: By news slug, for the published news items that have an image.
    news: Mapping[str, WebPicture]
    #: The campaign's logo and favicon files, when it has a logo.
    logo: str | None
    favicon: str | None
    files: Mapping[str, bytes | Stored]
    #: By team slug, for the teams that have a photo.
    teams: Mapping[str, WebPicture] = field(default_factory=dict)


def site_pictures(
    campaign: Campaign, cache: Cache | None = None, news: Sequence[NewsItem] = ()
) -> SitePictures:
    """The hero, action and event images, partner logos, site logo and team photos, each in
    the widths it needs; the images of ``news`` (the published items: others are not on the
    site yet) too."""
    images = WebImages(Path(campaign.folder), cache, campaign.libraries)
    hero = (
        images.picture(
            campaign.hero.image,
            HERO_WIDTHS,
            alt=campaign.hero.alt,
            credit=campaign.hero.credit,
            licence=campaign.hero.licence,
            focus=campaign.hero.focus,
        )
        if campaign.hero
        else None
    )
    actions = _cards(images, ((a.slug, a.image) for a in campaign.actions))
    events = _cards(images, ((e.slug, e.image) for e in campaign.events))
    news_pictures = _cards(images, ((item.slug, item.image) for item in news))
    logos = {
        # The partner's name is printed next to the logo: the image itself is decorative.
        partner.id: images.picture(partner.logo, PARTNER_WIDTHS, alt="")
        for partner in campaign.partners
        if partner.logo
    }
    logo = favicon = None
    if campaign.branding.logo:
        name = campaign.municipality.name
        logo = images.picture(campaign.branding.logo, LOGO_WIDTHS, alt=name).src
        favicon = images.picture(campaign.branding.logo, FAVICON_WIDTHS, alt=name).src
    teams = _cards(images, ((t.slug, t.photo) for t in campaign.teams))
    return SitePictures(
        hero, actions, events, logos, news_pictures, logo, favicon, images.assets, teams
    )


def _cards(
    images: WebImages, found: Iterable[tuple[str, Image | TeamPhoto | None]]
) -> dict[str, WebPicture]:
    """The pictures of cards and pages (actions, events, news, teams), by slug, in order."""
    return {
        slug: images.picture(
            image.src,
            ACTION_WIDTHS,
            alt=image.alt,
            credit=image.credit,
            licence=image.licence,
            focus=image.focus,
        )
        for slug, image in found
        if image
    }
