"""A core :class:`~campaignkit.pages.Site` handed to MkDocs: config, files, page meta, toc.

Nothing here decides what a page says. Titles, descriptions and the site name reach MkDocs
HTML-escaped because Material prints them without escaping; ``theme_overrides/main.html``
never unescapes them.
"""

from __future__ import annotations

import contextlib
import html
import logging
import os
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from markupsafe import escape
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

from campaignkit.pages import Heading, PageSpec, Site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

#: Through MkDocs' plugin logger, so ``--strict`` counts our warnings.
log = logging.getLogger("mkdocs.plugins.campaignkit")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


class LinkedFile(File):
    """A file whose bytes are a file in the kit cache: hard-linked into the site (no bytes
    read or written), copied where the two folders cannot share a link."""

    def copy_file(self, dirty: bool = False) -> None:
        assert self.abs_src_path is not None
        output = self.abs_dest_path
        os.makedirs(os.path.dirname(output), exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(output)
        try:
            os.link(self.abs_src_path, output)
        except OSError:  # another file system, or no links there
            super().copy_file(dirty)


def apply_site(config: MkDocsConfig, site: Site, *, site_url: str | None) -> None:
    """Point MkDocs and Material at the campaign: names, language, logo, styles, nav."""
    config.site_name = escape(site.title)
    config.site_description = escape(site.description)
    if site_url:
        config.site_url = site_url.rstrip("/") + "/"
    theme = config.theme
    theme["language"] = site.language
    theme["font"] = False  # never Google Fonts: residents' browsers ask no third party
    if site.logo:
        theme["logo"] = site.logo
    if site.favicon:
        theme["favicon"] = site.favicon
    for stylesheet in site.stylesheets:
        if stylesheet not in config.extra_css:
            config.extra_css.append(stylesheet)
    scripts = [str(script) for script in config.extra_javascript]
    for script in site.scripts:
        if script not in scripts:
            config.extra_javascript.append(script)
    if not config.nav:
        config.nav = [
            {escape(page.nav_title or page.title): page.src_uri}
            for page in site.pages
            if page.in_nav
        ]
    config.extra["campaignkit"] = {
        "organiser": escape(site.organiser),
        "organiser_url": site.organiser_url,
        "contact_email": site.contact_email,
        "links": [{"title": escape(link.title), "url": link.url} for link in site.footer_links],
        "footer_label": escape(site.footer_label),
    }
    if site.feed is not None:
        # Every page links the news feed in its head (theme_overrides/main.html).
        config.extra["campaignkit"]["feed"] = {
            "title": escape(site.feed.title),
            "url": site.feed.url,
        }


def site_files(config: MkDocsConfig, site: Site) -> list[File]:
    """The site's pages (generated, empty: their body comes in ``on_page_content``) and
    files (linked from the kit cache where it holds them)."""
    files = [File.generated(config, page.src_uri, content="") for page in site.pages]
    for asset in site.assets:
        if asset.dest_uri.endswith(MARKDOWN_SUFFIXES):
            # A Markdown file for download (a kit text), not a page to render: MkDocs
            # decides by the source name, so the source gets a neutral one.
            file = File.generated(config, asset.dest_uri + ".download", content=asset.content)
            file.dest_uri = asset.dest_uri
        elif asset.origin is not None:
            file = LinkedFile.generated(config, asset.dest_uri, abs_src_path=str(asset.origin))
        else:
            file = File.generated(config, asset.dest_uri, content=asset.content)
        files.append(file)
    return files


def add_files(files: Files, added: list[File]) -> Files:
    """``files`` with ``added``, which replace a file of the same source (with a warning:
    the campaign's own page wins over one in ``docs_dir``)."""
    for file in added:
        existing = files.get_file_from_path(file.src_uri)
        if existing is not None:
            log.warning("'%s' in docs_dir is replaced by the campaign's own.", file.src_uri)
            files.remove(existing)
        files.append(file)
    return files


def page_meta(spec: PageSpec) -> dict[str, Any]:
    """``page.meta`` for a generated page; text values HTML-escaped for the theme."""
    meta: dict[str, Any] = {
        "title": escape(spec.title),
        "description": escape(spec.description),
    }
    if spec.og_image:
        meta["og_image"] = spec.og_image
        meta["og_image_alt"] = escape(spec.og_image_alt or "")
    if spec.hide:
        meta["hide"] = list(spec.hide)
    if spec.template:
        meta["template"] = spec.template
    if not spec.searchable:
        meta["search"] = {"exclude": True}  # Material's search plugin reads this
    return meta


def toc_tokens(headings: tuple[Heading, ...]) -> list[dict[str, Any]]:
    """MkDocs' table-of-contents tokens; names are HTML, so the plain titles are escaped."""
    return [
        {
            "level": heading.level,
            "id": heading.id,
            "name": html.escape(heading.title),
            "children": toc_tokens(heading.children),
        }
        for heading in headings
    ]


def page_toc(spec: PageSpec) -> list[dict[str, Any]]:
    """Only the title goes into the table of contents: it is the skip link's target.
    Material opens a fuller one with a ``<label for="__toc">``, which the keyboard cannot
    reach; campaign pages are short enough to do without."""
    return toc_tokens(tuple(replace(h, children=()) for h in spec.headings if h.level == 1))


class GeneratedPages:
    """The site's pages as MkDocs renders them: meta first, then the body and its toc."""

    def __init__(self, site: Site) -> None:
        self.specs = {page.src_uri: page for page in site.pages}

    def markdown(self, page: Page) -> str | None:
        spec = self.specs.get(page.file.src_uri)
        if spec is None:
            return None
        page.meta.update(page_meta(spec))
        return ""

    def content(self, page: Page) -> str | None:
        spec = self.specs.get(page.file.src_uri)
        if spec is None:
            return None
        page.toc = get_toc(page_toc(spec))  # type: ignore[arg-type]
        return spec.html
