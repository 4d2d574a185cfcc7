"""The partners page: every partner, with its logo and role."""

from __future__ import annotations

from campaignkit.pages.context import SiteContext
from campaignkit.pages.render import page_spec
from campaignkit.pages.site import PageSpec
from campaignkit.urls import PARTNERS


def partners(context: SiteContext) -> PageSpec:
    html = context.render("partners.html", PARTNERS, logos=context.pictures.logos)
    return page_spec(
        PARTNERS,
        context.words["partners"],
        context.about("partners_description"),
        html,
        in_nav=bool(context.campaign.partners),
        nav_title=context.words["partners"],
        hide=("navigation", "toc"),
        preview=context.preview(None),
    )
