"""The communication kit's page: the body the kit made, under the page title every page has."""

from __future__ import annotations

from markupsafe import Markup

from campaignkit.pages.context import SiteContext
from campaignkit.pages.render import page_spec
from campaignkit.pages.site import PageSpec
from campaignkit.urls import KIT_PAGE


def kit_page(context: SiteContext) -> PageSpec:
    assert context.kit is not None
    # The kit's body starts at h2; every page gets the same h1 (the skip link's target).
    title = Markup('<h1 id="ck-title">{}</h1>\n').format(context.words["kit"])
    return page_spec(
        KIT_PAGE,
        context.words["kit"],
        context.about("kit_description"),
        title + Markup(context.kit.page_html),  # noqa: S704 - built escaped by the kit
        hide=("navigation",),
        searchable=False,
        preview=context.preview(None, ("campaign", "")),
    )
