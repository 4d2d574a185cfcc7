"""MkDocs (and ProperDocs) plugin: publish campaigns as Material microsites.

A switchboard: ``on_config`` reads the :class:`~campaignkit.request.BuildRequest` and picks
the build's mode (one campaign, one microsite of a portal, or the portal; see
:mod:`campaignkit.mkdocs.modes`); every other hook hands its event to that mode.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.plugins import BasePlugin, event_priority

from campaignkit.mkdocs.config import CampaignkitConfig, check_options
from campaignkit.mkdocs.modes import Mode, choose_mode
from campaignkit.request import BuildRequest

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


class CampaignkitPlugin(BasePlugin[CampaignkitConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        #: ``mkdocs serve`` keeps this instance across rebuilds: each gets a mode of its own.
        self.mode = Mode()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    # Early: search and other plugins read the site name and theme language in on_config.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.mode = Mode()
        if not self.config.enabled:
            return None
        check_options(self.config, config)
        self.mode = choose_mode(BuildRequest.read(), self.config, config, self.command)
        self.mode.configure(config)
        return config

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> None:
        self.mode.watch(server)

    # Early: plugins that list or transform files should see the generated pages too.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        return self.mode.files(files, config)

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        return self.mode.env(env)

    # Early: other plugins reading page.meta (title, description) should see ours.
    @event_priority(50)
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        return self.mode.page_markdown(page)

    # Early: later plugins may post-process the campaign's HTML like any page content.
    @event_priority(50)
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        return self.mode.page_content(page)

    # Late: rewrite theme file URLs in the final HTML, after every other plugin.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        return self.mode.post_page(output)

    # Late: the site is complete only when every other plugin has written its files.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.mode.post_build(config)

    def on_build_error(self, *, error: Exception | None) -> None:
        self.mode.build_error()

    def on_shutdown(self) -> None:
        self.mode.shutdown()
