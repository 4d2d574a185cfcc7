"""A microsite as plain data: its pages, its files and what the theme shows around them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from campaignkit.cache import Stored
from campaignkit.urls import page_url


@dataclass(frozen=True)
class Heading:
    """A heading with an id in a page body: the table of contents and the skip link use it."""

    level: int
    id: str
    title: str
    children: tuple[Heading, ...] = ()


@dataclass(frozen=True)
class PageSpec:
    """One page: where it lives, its plain-text title and description, and its body HTML."""

    src_uri: str
    title: str
    description: str
    html: str
    in_nav: bool = False
    nav_title: str | None = None
    template: str | None = None
    og_image: str | None = None
    og_image_alt: str | None = None
    headings: tuple[Heading, ...] = ()
    hide: tuple[str, ...] = ()
    #: In the site's search index. The kit page is not: it is for communication officers
    #: (linked in the footer), and its text templates would answer residents' searches.
    searchable: bool = True

    @property
    def url(self) -> str:
        return page_url(self.src_uri)


@dataclass(frozen=True)
class Asset:
    """A file copied into the site as is."""

    dest_uri: str
    #: The bytes; may be left empty when ``origin`` holds them (see :attr:`content`).
    data: bytes
    #: A stored file with exactly these bytes (from the kit cache), to link instead of write.
    origin: Path | None = None

    @property
    def content(self) -> bytes:
        return self.data if self.data or self.origin is None else self.origin.read_bytes()

    @classmethod
    def of(cls, dest_uri: str, data: bytes | Stored) -> Asset:
        """Bytes made now, or a file the kit cache holds: linked into the site, not read."""
        return cls(dest_uri, b"", data.path) if isinstance(data, Stored) else cls(dest_uri, data)


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Site:
    """Everything MkDocs needs to publish one campaign."""

    language: str
    title: str
    description: str
    pages: tuple[PageSpec, ...]
    assets: tuple[Asset, ...]
    stylesheets: tuple[str, ...]
    scripts: tuple[str, ...]
    logo: str | None
    favicon: str | None
    footer_links: tuple[Link, ...]
    footer_label: str
    organiser: str
    organiser_url: str | None
    contact_email: str
    #: The news feed every page links to in its head: its title and address (relative to
    #: the site's root, like the footer's links).
    feed: Link | None = None

    def page(self, src_uri: str) -> PageSpec:
        return next(page for page in self.pages if page.src_uri == src_uri)

    def asset(self, dest_uri: str) -> Asset:
        return next(asset for asset in self.assets if asset.dest_uri == dest_uri)
