"""MkDocs (and ProperDocs) plugin: publish one campaign as a Material microsite.

Each hook hands plain data to or from :mod:`campaignkit.pages`; nothing here decides what
a page says. Titles, descriptions and the site name reach MkDocs HTML-escaped because
Material prints them without escaping; ``theme_overrides/main.html`` never unescapes them.
"""

from __future__ import annotations

import html
import logging
import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

from campaignkit.mkdocs.config import CampaignkitConfig
from campaignkit.pages import Heading, PageSpec, Site, build_date, build_site
from campaignkit.problems import CampaignError
from campaignkit.validation import find_campaigns, load_campaign

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.campaignkit")

#: Campaign dates are local dates in Belgium, whatever the build machine's time zone.
TIME_ZONE = ZoneInfo("Europe/Brussels")


class CampaignkitPlugin(BasePlugin[CampaignkitConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: Site | None = None
        self.specs: dict[str, PageSpec] = {}
        self.folder: Path | None = None

    # Early: search and other plugins read the site name and theme language in on_config.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        if not config.use_directory_urls:
            raise PluginError(
                "campaignkit needs 'use_directory_urls: true': QR codes and links point to "
                "addresses such as /acties/<naam>/."
            )
        root = Path(config.config_file_path or ".").resolve().parent
        self.folder = folder = self.campaign_folder(root / self.config.campaigns_dir)
        try:
            campaign = load_campaign(folder, base=root)
        except CampaignError as error:
            raise PluginError(error.report()) from None
        built = build_date(os.environ.get("SOURCE_DATE_EPOCH"))
        self.site = site = build_site(
            campaign, base_url=campaign.site_url, today=built.astimezone(TIME_ZONE).date()
        )
        self.specs = {page.src_uri: page for page in site.pages}
        log.info(
            "Campaign '%s': %d pages, %d files.", campaign.slug, len(site.pages), len(site.assets)
        )
        apply_site(config, site, site_url=campaign.site_url)
        return config

    def campaign_folder(self, campaigns_dir: Path) -> Path:
        """The folder of the campaign to build: CAMPAIGN, else the option, else the only one."""
        wanted = os.environ.get("CAMPAIGN") or self.config.campaign
        folders = find_campaigns(campaigns_dir)
        slugs = [folder.name for folder in folders]
        if wanted:
            if wanted in slugs:
                return campaigns_dir / wanted
            raise PluginError(
                f"Campagne '{wanted}' niet gevonden in {campaigns_dir}. "
                + (f"Kies uit: {', '.join(slugs)}." if slugs else "Er zijn nog geen campagnes.")
            )
        if len(folders) == 1:
            return folders[0]
        if not folders:
            raise PluginError(
                f"Geen campagnes gevonden in {campaigns_dir}. Maak er een met 'campaignkit new'."
            )
        raise PluginError(
            "Er zijn meerdere campagnes; kies er een met CAMPAIGN=<naam> (bv. CAMPAIGN="
            f"{slugs[0]} mkdocs build). Campagnes: {', '.join(slugs)}."
        )

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> None:
        """``mkdocs serve`` rebuilds when a campaign file changes."""
        if self.folder is not None:
            server.watch(str(self.folder))

    # Early: plugins that list or transform files should see the generated pages too.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if self.site is None:
            return None
        generated = [(page.src_uri, "") for page in self.site.pages]
        generated += [(asset.dest_uri, asset.data) for asset in self.site.assets]
        for src_uri, content in generated:
            existing = files.get_file_from_path(src_uri)
            if existing is not None:
                log.warning("'%s' in docs_dir is replaced by the campaign's own.", src_uri)
                files.remove(existing)
            files.append(File.generated(config, src_uri, content=content))
        return files

    # Early: other plugins reading page.meta (title, description) should see ours.
    @event_priority(50)
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        spec = self.specs.get(page.file.src_uri)
        if spec is None:
            return None
        page.meta.update(page_meta(spec))
        return ""

    # Early: later plugins may post-process the campaign's HTML like any page content.
    @event_priority(50)
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        spec = self.specs.get(page.file.src_uri)
        if spec is None:
            return None
        headings = spec.headings
        if not spec.in_nav:
            # Material ties a page's table of contents to its entry in the nav (a "__toc"
            # toggle); a page outside the nav keeps only its title, for the skip link.
            headings = tuple(replace(heading, children=()) for heading in headings)
        page.toc = get_toc(toc_tokens(headings))  # type: ignore[arg-type]
        return spec.html


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
