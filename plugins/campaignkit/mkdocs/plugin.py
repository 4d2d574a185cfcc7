"""MkDocs (and ProperDocs) plugin: publish one campaign as a Material microsite.

Each hook hands plain data to or from :mod:`campaignkit.pages`; nothing here decides what
a page says. Titles, descriptions and the site name reach MkDocs HTML-escaped because
Material prints them without escaping; ``theme_overrides/main.html`` never unescapes them.
"""

from __future__ import annotations

import contextlib
import html
import logging
import os
import shutil
import time
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import jinja2
from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

from campaignkit.cache import (
    KIT_CACHE,
    SITES_CACHE,
    TEMPLATES_CACHE,
    THEME_VIEWS_CACHE,
    Cache,
    write_whole,
)
from campaignkit.markup import safe_url
from campaignkit.mkdocs.config import CampaignkitConfig
from campaignkit.mkdocs.portal import (
    MEMBER_ENV,
    PORTAL_URL_ENV,
    MemberBuilds,
    Task,
    campaign_key,
    environment_key,
    is_shared,
    place,
    share_theme_files,
)
from campaignkit.mkdocs.theme import SearchDefaults, theme_view
from campaignkit.pages import Heading, PageSpec, Site, build_date, build_site
from campaignkit.portal import build_portal, shard
from campaignkit.problems import CampaignError
from campaignkit.publish import Staging
from campaignkit.urls import zip_name
from campaignkit.validation import find_campaigns, load_campaign_and_texts, load_campaigns

#: Generated files no build used for this many days are deleted from the cache.
CACHE_DAYS = 30
PRUNED_MARKER = "last-pruned"
#: ``k/N``: build only every N-th campaign, starting at the k-th (a CI matrix job).
SHARD_ENV = "CAMPAIGNKIT_SHARD"
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")

if TYPE_CHECKING:
    from jinja2.bccache import Bucket
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.campaignkit")
#: Material's search defaults, read once per process (a portal worker builds many sites).
_SEARCH_DEFAULTS = SearchDefaults()


class _CompiledTemplates(jinja2.BytecodeCache):
    """The theme's compiled templates, kept in the process and in the project's cache.

    MkDocs makes a new Jinja environment for every build, so each build would compile the
    theme's templates again (about a second for Material). Kept in memory, a portal worker
    and ``mkdocs serve`` compile each template once; kept on disk (``folder``), the next
    build and each new worker do not compile them at all. Jinja reuses code only for the
    same template name, file, source checksum and Python version.
    """

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}
        self.folder: Path | None = None

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is None and self.folder is not None:
            with contextlib.suppress(OSError):
                code = (self.folder / bucket.key).read_bytes()
        if code is not None:
            bucket.bytecode_from_string(code)  # resets the bucket when it is stale

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = bucket.bytecode_to_string()
        self.code[bucket.key] = code
        if self.folder is not None:
            with contextlib.suppress(OSError):
                write_whole(self.folder / bucket.key, code)


_COMPILED_TEMPLATES = _CompiledTemplates()


class _LinkedFile(File):
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


#: Campaign dates are local dates in Belgium, whatever the build machine's time zone.
TIME_ZONE = ZoneInfo("Europe/Brussels")


class CampaignkitPlugin(BasePlugin[CampaignkitConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self._reset()

    def _reset(self) -> None:
        """Forget the previous build: ``mkdocs serve`` keeps this instance across rebuilds."""
        self.site: Site | None = None
        self.specs: dict[str, PageSpec] = {}
        self.folder: Path | None = None
        self.campaigns_dir: Path | None = None
        self.root: Path | None = None
        self.slugs: tuple[str, ...] = ()
        self.member = False
        self.members: MemberBuilds | None = None
        self.staging: Staging | None = None
        self.final_site_dir: str | None = None
        self.warnings: _WarningCount | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

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
        self._reset()
        zip_url = self.config.kit_zip_url
        if zip_url is not None and (
            "{name}" not in zip_url or not safe_url(zip_url.replace("{name}", "x.zip"))
        ):
            raise PluginError(
                f"kit_zip_url '{zip_url}' is geen bruikbaar adres: het moet met https:// of "
                "http:// beginnen en {name} bevatten, bv. https://github.com/<eigenaar>/"
                "<repository>/releases/download/kits/{name}."
            )
        self.root = root = Path(config.config_file_path or ".").resolve().parent
        self.campaigns_dir = campaigns_dir = root / self.config.campaigns_dir
        self.member = os.environ.get(MEMBER_ENV) == "1"
        built = build_date(os.environ.get("SOURCE_DATE_EPOCH"))
        today = built.astimezone(TIME_ZONE).date()
        wanted = os.environ.get("CAMPAIGN") or self.config.campaign
        folders = find_campaigns(campaigns_dir)
        if wanted or len(folders) <= 1:
            self.folder = folder = self.campaign_folder(campaigns_dir)
            site = self.single(config, root, folder, built, today)
        else:
            site = self.portal(config, root, folders, today)
        self.site = site
        self.specs = {page.src_uri: page for page in site.pages}
        if self.member:
            # A worker builds many microsites: MkDocs need not list Material's 14 300 icons
            # each time, which it never publishes (see campaignkit.mkdocs.theme).
            custom = os.path.abspath(config.theme.custom_dir or "")
            views = root / THEME_VIEWS_CACHE
            config.theme.dirs = [
                folder if os.path.abspath(folder) == custom else theme_view(folder, views)
                for folder in config.theme.dirs
            ]
        _SEARCH_DEFAULTS.before(config)
        if self.command in ("build", "gh-deploy") and not self.member:
            # Write into a staging folder; the site is replaced only by a build that succeeds.
            self.final_site_dir = config.site_dir
            self.staging = Staging(Path(config.site_dir))
            config.site_dir = str(self.staging.path)
        if config.strict:
            self.warnings = _WarningCount(_tool(config))
        return config

    def single(
        self, config: MkDocsConfig, root: Path, folder: Path, built: datetime, today: date
    ) -> Site:
        """One campaign at the site root (or, in a worker, as a member of the portal)."""
        try:
            campaign, texts = load_campaign_and_texts(folder, base=root)
        except CampaignError as error:
            raise PluginError(error.report()) from None
        base_url = campaign.site_url
        portal_url = os.environ.get(PORTAL_URL_ENV)
        if not base_url and self.member and portal_url:
            base_url = f"{portal_url.rstrip('/')}/{campaign.slug}/"
        from campaignkit.kit import build_kit  # images, fonts, PDF: not needed by the portal

        try:
            kit = build_kit(
                campaign,
                cache_dir=root / KIT_CACHE,
                stamp=built,
                texts=texts,
                zip_url=(
                    self.config.kit_zip_url.replace("{name}", zip_name(campaign.slug))
                    if self.config.kit_zip_url
                    else None
                ),
                template_dirs=_template_dirs(config),
            )
        except CampaignError as error:
            raise PluginError(error.report()) from None
        for warning in kit.warnings:
            # Said on the kit page too; not a reason to fail a --strict build.
            log.info("%s: %s", campaign.slug, warning)
        site = build_site(
            campaign,
            base_url=base_url,
            today=today,
            stamp=built,
            kit=kit,
            cache_dir=root / KIT_CACHE,
        )
        log.info(
            "Campaign '%s': %d pages, %d files.", campaign.slug, len(site.pages), len(site.assets)
        )
        apply_site(config, site, site_url=base_url)
        return site

    def portal(self, config: MkDocsConfig, root: Path, folders: list[Path], today: date) -> Site:
        """The portal index here; every campaign's microsite in worker processes."""
        try:
            # campaign.yml alone: each worker checks its whole campaign before it builds it.
            campaigns = load_campaigns(folders, base=root, settings_only=True)
        except CampaignError as error:
            raise PluginError(error.report()) from None
        self.slugs = tuple(c.slug for c in campaigns)
        try:
            selected = shard(list(self.slugs), os.environ.get(SHARD_ENV))
        except ValueError as error:
            raise PluginError(str(error)) from None
        site = build_portal(
            campaigns,
            title=self.config.portal_title,
            description=self.config.portal_description,
            cache=Cache(root / KIT_CACHE),
        )
        apply_site(config, site, site_url=config.site_url)
        tool = _tool(config)
        environment = environment_key(
            Path(config.config_file_path),
            Path(config.theme.custom_dir) if config.theme.custom_dir else None,
            [
                tool,
                str(config.strict),
                str(config.site_url),
                today.isoformat(),
                os.environ.get("SOURCE_DATE_EPOCH", ""),
            ],
        )
        self.members = MemberBuilds(root / SITES_CACHE, jobs=self.config.jobs)
        self.members.start(
            (
                Task(
                    slug=slug,
                    config_file=str(config.config_file_path),
                    tool=tool,
                    strict=bool(config.strict),
                    output="",
                    portal_url=config.site_url,
                ),
                campaign_key(environment, root / self.config.campaigns_dir / slug),
            )
            for slug in selected
        )
        log.info(
            "Portal: %d campaigns, %d in this build%s.",
            len(campaigns),
            len(selected),
            f" (shard {os.environ[SHARD_ENV]})" if os.environ.get(SHARD_ENV) else "",
        )
        return site

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
        if not folders:
            raise PluginError(
                f"Geen campagnes gevonden in {campaigns_dir}. Maak er een met 'campaignkit new'."
            )
        return folders[0]

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> None:
        """``mkdocs serve`` rebuilds when a campaign file changes (in a portal: any campaign;
        the cache rebuilds only the campaign whose files changed)."""
        if self.folder is not None:
            server.watch(str(self.folder))
        elif self.campaigns_dir is not None:
            server.watch(str(self.campaigns_dir))

    # Early: plugins that list or transform files should see the generated pages too.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        _SEARCH_DEFAULTS.after()
        if self.site is None:
            return None
        if self.member:
            theme_dirs = [os.path.abspath(d) for d in config.theme.dirs]
            for file in list(files):
                if (
                    is_shared(file.dest_uri)
                    and file.abs_src_path
                    and any(os.path.abspath(file.abs_src_path).startswith(d) for d in theme_dirs)
                ):
                    files.remove(file)  # the portal publishes one copy for every microsite
        for page in self.site.pages:
            self._add(files, File.generated(config, page.src_uri, content=""))
        for asset in self.site.assets:
            if asset.dest_uri.endswith(MARKDOWN_SUFFIXES):
                # A Markdown file for download (a kit text), not a page to render: MkDocs
                # decides by the source name, so the source gets a neutral one.
                file = File.generated(config, asset.dest_uri + ".download", content=asset.content)
                file.dest_uri = asset.dest_uri
            elif asset.origin is not None:
                file = _LinkedFile.generated(config, asset.dest_uri, abs_src_path=str(asset.origin))
            else:
                file = File.generated(config, asset.dest_uri, content=asset.content)
            self._add(files, file)
        return files

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        if self.site is None or env.bytecode_cache is not None:
            return None
        if self.root is not None:
            _COMPILED_TEMPLATES.folder = self.root / TEMPLATES_CACHE
        env.bytecode_cache = _COMPILED_TEMPLATES
        return env

    def _add(self, files: Files, file: File) -> None:
        existing = files.get_file_from_path(file.src_uri)
        if existing is not None:
            log.warning("'%s' in docs_dir is replaced by the campaign's own.", file.src_uri)
            files.remove(existing)
        files.append(file)

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
        # Only the title goes into the table of contents: it is the skip link's target.
        # Material opens a fuller one with a <label for="__toc">, which the keyboard cannot
        # reach; campaign pages are short enough to do without.
        headings = tuple(
            replace(heading, children=()) for heading in spec.headings if heading.level == 1
        )
        page.toc = get_toc(toc_tokens(headings))  # type: ignore[arg-type]
        return spec.html

    # Late: rewrite theme file URLs in the final HTML, after every other plugin.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        return share_theme_files(output) if self.member else None

    # Late: the site is complete only when every other plugin has written its files.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.member:
            # A host serves one 404 page for every missing address: the portal's. A member's
            # own, with links written for its own root, would only be a broken page.
            (Path(config.site_dir) / "404.html").unlink(missing_ok=True)
        try:
            if self.members is not None:
                self.place_members(Path(config.site_dir))
        except PluginError:
            self.abandon(config)
            raise
        warned = self.warnings is not None and self.warnings.count > 0
        if self.warnings is not None:
            self.warnings.close()
            self.warnings = None
        if self.staging is None:
            return
        if warned:
            # MkDocs aborts a --strict build after this hook: keep the previous site.
            self.abandon(config)
            return
        self.staging.publish()
        self.staging = None
        config.site_dir = self.final_site_dir  # gh-deploy pushes the published folder
        self.prune_cache()

    def prune_cache(self) -> None:
        """After a published build: forget generated files no build used for a while, and
        the cached microsites of campaigns that are gone."""
        if self.root is None:
            return
        sites = self.root / SITES_CACHE
        if self.slugs and sites.is_dir():  # a portal knows every campaign
            for old in sites.iterdir():
                if old.is_dir() and old.name not in self.slugs:
                    shutil.rmtree(old, ignore_errors=True)
        marker = self.root / KIT_CACHE / PRUNED_MARKER
        try:
            if time.time() - marker.stat().st_mtime < 86_400:
                return  # looking through every stored file once a day is enough
        except OSError:
            pass
        files, freed = Cache(self.root / KIT_CACHE).prune(CACHE_DAYS)
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
        if files:
            log.info(
                "Cache: %d bestanden die %d dagen niet gebruikt zijn verwijderd (%.1f MB).",
                files,
                CACHE_DAYS,
                freed / 1_000_000,
            )

    def place_members(self, site_dir: Path) -> None:
        assert self.members is not None
        failed = []
        total = len(self.members.pending)
        try:
            for done, (result, folder) in enumerate(self.members.results(), start=1):
                how = "hergebruikt" if result.reused else f"gebouwd in {result.seconds:.1f} s"
                if result.ok:
                    log.info("[%d/%d] %s: %s", done, total, result.slug, how)
                    place(folder, site_dir / result.slug)
                else:
                    log.error("[%d/%d] %s: mislukt", done, total, result.slug)
                    failed.append(result)
        finally:
            self.members.close()
            self.members = None
        if failed:
            lines = [f"{len(failed)} van {total} campagnes konden niet gebouwd worden:"]
            for result in failed:
                lines += [f"- {result.slug}:"] + [f"    {m}" for m in result.messages]
            raise PluginError("\n".join(lines))

    def abandon(self, config: MkDocsConfig) -> None:
        """Drop the staged build and point MkDocs back at the (untouched) site folder."""
        self.on_build_error(error=None)
        if self.final_site_dir is not None:
            config.site_dir = self.final_site_dir

    def on_build_error(self, *, error: Exception | None) -> None:
        if self.staging is not None:
            self.staging.discard()
            self.staging = None
        if self.members is not None:
            self.members.close()
            self.members = None

    def on_shutdown(self) -> None:
        if self.warnings is not None:
            self.warnings.close()
            self.warnings = None


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


class _WarningCount(logging.Handler):
    """Counts warnings like MkDocs' --strict does, so a refused build is never published."""

    def __init__(self, tool: str) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0
        self.logger = logging.getLogger(tool)
        self.logger.addHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def close(self) -> None:
        self.logger.removeHandler(self)
        super().close()


def _tool(config: MkDocsConfig) -> str:
    """``properdocs`` when ProperDocs runs this build, else ``mkdocs``."""
    return "properdocs" if type(config).__module__.startswith("properdocs") else "mkdocs"


def _template_dirs(config: MkDocsConfig) -> list[Path]:
    """A kit.html in the theme's custom_dir overrides the bundled kit page."""
    return [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
