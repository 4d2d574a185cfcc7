"""The three ways a build runs, one class each: one campaign at the site root
(:class:`SingleSite`), one microsite of a portal in a worker (:class:`MemberSite`), and the
portal itself, whose microsites its workers build (:class:`PortalSite`). The plugin picks
one in ``on_config`` (:func:`choose_mode`) and each of its hooks calls it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from campaignkit.cache import KIT_CACHE, SITES_CACHE, TEMPLATES_CACHE, THEME_VIEWS_CACHE, Cache
from campaignkit.calendar import BRUSSELS
from campaignkit.clock import build_date
from campaignkit.library import find_libraries
from campaignkit.library.records import DEFAULT_DIR
from campaignkit.library.usage import used_files
from campaignkit.library.users import unused
from campaignkit.mkdocs.member import build_member, drop_theme_files, share_theme_files
from campaignkit.mkdocs.publication import Publication, tool
from campaignkit.mkdocs.site import GeneratedPages, add_files, apply_site, log, site_files
from campaignkit.mkdocs.speedups import SEARCH_DEFAULTS, keep_compiled_templates, use_theme_views
from campaignkit.pages import Site, build_site
from campaignkit.portal.index import build_portal
from campaignkit.portal.pool import MemberBuilds, Task
from campaignkit.portal.shards import parse_shard
from campaignkit.portal.sites import campaign_key, environment_key, forget_gone, place
from campaignkit.problems import CampaignError
from campaignkit.publish import CACHE_DAYS, prune_kit_cache
from campaignkit.urls import campaign_root, zip_name
from campaignkit.validation import find_campaigns, load_campaign_and_texts, load_campaigns

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from campaignkit.kit import Kit
    from campaignkit.mkdocs.config import CampaignkitConfig
    from campaignkit.model import Campaign
    from campaignkit.request import BuildRequest
    from campaignkit.texts import Text


@dataclass(frozen=True)
class Project:
    """What every mode builds from: the project folder, the plugin's options, the request."""

    root: Path
    options: CampaignkitConfig
    request: BuildRequest
    #: ``mkdocs build`` or ``gh-deploy``: the site is published (``serve`` only shows it).
    publishes: bool

    @property
    def campaigns_dir(self) -> Path:
        return self.root / self.options.campaigns_dir

    @property
    def library_dirs(self) -> list[Path]:
        """``library/`` beside the campaigns, and the folders of ``library_dirs``."""
        default = self.campaigns_dir.parent / DEFAULT_DIR
        return [default, *(self.root / d for d in self.options.library_dirs)]

    def note_library_problems(self, used: Iterable[Path]) -> None:
        """Tell the problems of library files that no campaign of this build uses, without
        failing it (a --strict build fails on a warning): one broken library action would
        otherwise stop every campaign. ``campaignkit validate`` reports them as errors."""
        problems = unused(find_libraries(self.library_dirs, self.root), used, self.root)
        if problems:
            log.info(
                "Bibliotheek: %d %s in bestanden die geen campagne van deze build gebruikt "
                "(de build gaat door; 'campaignkit validate' meldt ze als fout):",
                len(problems),
                "probleem" if len(problems) == 1 else "problemen",
            )
        for problem in problems:
            log.info("%s", problem)

    @cached_property
    def built(self) -> datetime:
        return build_date(self.request.epoch)

    @property
    def today(self) -> date:
        """Campaign dates are local dates in Belgium, whatever the build machine's zone."""
        return self.built.astimezone(BRUSSELS).date()


def choose_mode(
    request: BuildRequest, options: CampaignkitConfig, config: MkDocsConfig, command: str
) -> Mode:
    """One campaign when one is chosen (``CAMPAIGN``, else the option) or there is only
    one; else the portal of them all."""
    root = Path(config.config_file_path or ".").resolve().parent
    project = Project(root, options, request, publishes=command in ("build", "gh-deploy"))
    folders = find_campaigns(project.campaigns_dir)
    wanted = request.campaign or options.campaign
    if not wanted and len(folders) > 1:
        return PortalSite(project, folders)
    folder = _campaign_folder(project.campaigns_dir, wanted, folders)
    return MemberSite(project, folder) if request.member else SingleSite(project, folder)


def _campaign_folder(campaigns_dir: Path, wanted: str | None, folders: list[Path]) -> Path:
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


class Mode:
    """A build the plugin takes no part in (switched off): every hook leaves MkDocs alone."""

    def configure(self, config: MkDocsConfig) -> None:
        return None

    def watch(self, server: LiveReloadServer) -> None:
        return None

    def files(self, files: Files, config: MkDocsConfig) -> Files | None:
        return None

    def env(self, env: jinja2.Environment) -> jinja2.Environment | None:
        return None

    def page_markdown(self, page: Page) -> str | None:
        return None

    def page_content(self, page: Page) -> str | None:
        return None

    def post_page(self, output: str) -> str | None:
        return None

    def post_build(self, config: MkDocsConfig) -> None:
        return None

    def build_error(self) -> None:
        return None

    def shutdown(self) -> None:
        return None


class SiteMode(Mode):
    """A build that publishes a :class:`~campaignkit.pages.Site` through MkDocs."""

    #: Publishes through a staging folder (a member's is the pool's, in the sites cache).
    stages = True
    #: Set by :meth:`configure`, which MkDocs calls before every other hook.
    site: Site
    pages: GeneratedPages

    def __init__(self, project: Project) -> None:
        self.project = project
        self.publication: Publication | None = None

    def make_site(self, config: MkDocsConfig) -> Site:
        """The site, with ``config`` pointed at it."""
        raise NotImplementedError

    def configure(self, config: MkDocsConfig) -> None:
        self.site = self.make_site(config)
        self.pages = GeneratedPages(self.site)
        SEARCH_DEFAULTS.before(config)
        if self.stages and self.project.publishes:
            self.publication = Publication(config)

    def files(self, files: Files, config: MkDocsConfig) -> Files | None:
        SEARCH_DEFAULTS.after()
        return add_files(files, site_files(config, self.site))

    def env(self, env: jinja2.Environment) -> jinja2.Environment | None:
        return keep_compiled_templates(env, self.project.root / TEMPLATES_CACHE)

    def page_markdown(self, page: Page) -> str | None:
        return self.pages.markdown(page)

    def page_content(self, page: Page) -> str | None:
        return self.pages.content(page)

    def finish(self, config: MkDocsConfig) -> None:
        """What completes the site once MkDocs wrote it."""

    def post_build(self, config: MkDocsConfig) -> None:
        try:
            self.finish(config)
        except PluginError:
            self.build_error()
            raise
        if self.publication is not None and self.publication.publish():
            self.prune()

    def prune(self) -> None:
        """After a published build: forget generated files no build used for a while."""
        files, freed = prune_kit_cache(self.project.root / KIT_CACHE)
        if files:
            log.info(
                "Cache: %d bestanden die %d dagen niet gebruikt zijn verwijderd (%.1f MB).",
                files,
                CACHE_DAYS,
                freed / 1_000_000,
            )

    def build_error(self) -> None:
        if self.publication is not None:
            self.publication.abandon()

    def shutdown(self) -> None:
        if self.publication is not None:
            self.publication.close()


class SingleSite(SiteMode):
    """One campaign's microsite at the site root."""

    def __init__(self, project: Project, folder: Path) -> None:
        super().__init__(project)
        self.folder = folder

    def portal_url(self) -> str | None:
        """The portal this microsite is one of (``None``: it stands alone)."""
        return None

    def public_root(self, campaign: Campaign) -> str | None:
        """The address printed on the kit and used for canonical links (and by the text it
        takes from a library)."""
        return campaign_root(campaign.site_url, campaign.slug, self.portal_url())

    def note_library_problems(self) -> None:
        """Tell the problems of the library files this campaign does not use."""
        project = self.project
        project.note_library_problems(used_files(self.folder, project.library_dirs, project.root))

    def make_site(self, config: MkDocsConfig) -> Site:
        project = self.project
        try:
            campaign, texts = load_campaign_and_texts(
                self.folder,
                base=project.root,
                libraries=project.library_dirs,
                portal_url=self.portal_url(),
            )
        except CampaignError as error:
            raise PluginError(error.report()) from None
        self.note_library_problems()
        root = self.public_root(campaign)
        kit = self.kit(config, campaign, texts, root)
        site = build_site(
            campaign,
            base_url=root,
            today=project.today,
            stamp=project.built,
            kit=kit,
            cache_dir=project.root / KIT_CACHE,
            provenance=project.options.library_provenance,
        )
        log.info(
            "Campaign '%s': %d pages, %d files.", campaign.slug, len(site.pages), len(site.assets)
        )
        apply_site(config, site, site_url=root)
        return site

    def kit(
        self, config: MkDocsConfig, campaign: Campaign, texts: tuple[Text, ...], root: str | None
    ) -> Kit:
        """The campaign's communication kit, its texts and codes pointing at ``root``."""
        from campaignkit.kit import build_kit  # images, fonts, PDF: not needed by the portal

        zip_url = self.project.options.kit_zip_url
        custom_dir = config.theme.custom_dir
        try:
            kit = build_kit(
                campaign,
                cache_dir=self.project.root / KIT_CACHE,
                stamp=self.project.built,
                texts=texts,
                base_url=root,
                today=self.project.today,
                zip_url=zip_url.replace("{name}", zip_name(campaign.slug)) if zip_url else None,
                # A kit.html in the theme's custom_dir overrides the bundled kit page.
                template_dirs=[Path(custom_dir)] if custom_dir else [],
            )
        except CampaignError as error:
            raise PluginError(error.report()) from None
        for warning in kit.warnings:
            # Said on the kit page too; not a reason to fail a --strict build.
            log.info("%s: %s", campaign.slug, warning)
        return kit

    def watch(self, server: LiveReloadServer) -> None:
        """``mkdocs serve`` rebuilds when a file of the campaign or a library changes."""
        server.watch(str(self.folder))
        for folder in self.project.library_dirs:
            if folder.is_dir():
                server.watch(str(folder))


class MemberSite(SingleSite):
    """One microsite of a portal, built in a worker into the portal's sites cache."""

    stages = False

    def portal_url(self) -> str | None:
        """Its place in the portal (``<portal>/<slug>/``) unless it has a ``site_url``."""
        return self.project.request.portal_url

    def note_library_problems(self) -> None:
        """The portal tells them, once for all its microsites."""

    def make_site(self, config: MkDocsConfig) -> Site:
        site = super().make_site(config)
        # A worker builds many microsites: MkDocs need not list Material's 14 300 icons
        # each time, which it never publishes (see campaignkit.mkdocs.speedups).
        use_theme_views(config, self.project.root / THEME_VIEWS_CACHE)
        return site

    def files(self, files: Files, config: MkDocsConfig) -> Files | None:
        drop_theme_files(files, config)
        return super().files(files, config)

    def post_page(self, output: str) -> str | None:
        return share_theme_files(output)

    def finish(self, config: MkDocsConfig) -> None:
        # A host serves one 404 page for every missing address: the portal's. A member's
        # own, with links written for its own root, would only be a broken page.
        (Path(config.site_dir) / "404.html").unlink(missing_ok=True)


class PortalSite(SiteMode):
    """The portal index here; every campaign's microsite in worker processes."""

    def __init__(self, project: Project, folders: list[Path]) -> None:
        super().__init__(project)
        self.folders = folders
        self.slugs: tuple[str, ...] = ()
        self.members: MemberBuilds | None = None

    def make_site(self, config: MkDocsConfig) -> Site:
        project = self.project
        try:
            # campaign.yml alone: each worker checks its whole campaign before it builds it.
            campaigns = load_campaigns(
                self.folders,
                base=project.root,
                settings_only=True,
                libraries=project.library_dirs,
                portal_url=config.site_url,
            )
            shard = parse_shard(project.request.shard) if project.request.shard else None
        except CampaignError as error:
            raise PluginError(error.report()) from None
        except ValueError as error:
            raise PluginError(str(error)) from None
        self.slugs = tuple(campaign.slug for campaign in campaigns)
        selected = shard.select(self.slugs) if shard else sorted(self.slugs)
        try:
            site = build_portal(
                campaigns,
                title=project.options.portal_title,
                description=project.options.portal_description,
                cache=Cache(project.root / KIT_CACHE),
                site_url=config.site_url,
                today=project.today,
                base=project.root,
                library_dirs=project.library_dirs,
            )
        except CampaignError as error:
            raise PluginError(error.report()) from None
        apply_site(config, site, site_url=config.site_url)
        self.start_members(config, selected)
        log.info(
            "Portal: %d campaigns, %d in this build%s.",
            len(campaigns),
            len(selected),
            f" (shard {shard})" if shard else "",
        )
        return site

    def start_members(self, config: MkDocsConfig, slugs: list[str]) -> None:
        """Hand each campaign to the workers, or take its microsite from the cache."""
        project, program = self.project, tool(config)
        custom_dir = config.theme.custom_dir
        environment = environment_key(
            Path(config.config_file_path),
            Path(custom_dir) if custom_dir else None,
            [
                program,
                str(config.strict),
                str(config.site_url),
                project.today.isoformat(),
                project.request.epoch or "",
            ],
        )
        self.members = MemberBuilds(
            project.root / SITES_CACHE, build_member, jobs=project.options.jobs
        )
        used = {
            slug: used_files(project.campaigns_dir / slug, project.library_dirs, project.root)
            for slug in slugs
        }
        project.note_library_problems(path for files in used.values() for path in files)
        self.members.start(
            (
                Task(
                    slug=slug,
                    config_file=str(config.config_file_path),
                    tool=program,
                    strict=bool(config.strict),
                    output="",
                    portal_url=config.site_url,
                ),
                campaign_key(environment, project.campaigns_dir / slug, used[slug]),
            )
            for slug in slugs
        )

    def watch(self, server: LiveReloadServer) -> None:
        """``mkdocs serve`` rebuilds when any campaign changes; the cache rebuilds only the
        microsites whose files changed."""
        server.watch(str(self.project.campaigns_dir))
        for folder in self.project.library_dirs:
            if folder.is_dir():
                server.watch(str(folder))

    def finish(self, config: MkDocsConfig) -> None:
        """Put every microsite into the site; fail, naming each campaign that failed."""
        assert self.members is not None
        site_dir, failed, total = Path(config.site_dir), [], len(self.members)
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
            self.close_members()
        if failed:
            lines = [f"{len(failed)} van {total} campagnes konden niet gebouwd worden:"]
            for result in failed:
                lines += [f"- {result.slug}:"] + [f"    {m}" for m in result.messages]
            raise PluginError("\n".join(lines))

    def prune(self) -> None:
        """Also forget the cached microsites of campaigns that are gone (all campaigns,
        not only this shard's, are still here)."""
        forget_gone(self.project.root / SITES_CACHE, self.slugs)
        super().prune()

    def close_members(self) -> None:
        if self.members is not None:
            self.members.close()
            self.members = None

    def build_error(self) -> None:
        super().build_error()
        self.close_members()
