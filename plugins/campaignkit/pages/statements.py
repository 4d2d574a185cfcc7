"""The accessibility statement and the privacy statement, in the campaign's language."""

from __future__ import annotations

from campaignkit.pages.context import SiteContext
from campaignkit.pages.render import page_spec
from campaignkit.pages.site import PageSpec
from campaignkit.urls import ACCESSIBILITY, PRIVACY


def accessibility(context: SiteContext) -> PageSpec:
    html = context.render(
        "accessibility.html", ACCESSIBILITY, signup_hosts=context.external_form_hosts()
    )
    return page_spec(
        ACCESSIBILITY,
        context.words["accessibility_title"],
        context.words["accessibility_description"],
        html,
        hide=("navigation",),
    )


def privacy(context: SiteContext) -> PageSpec:
    html = context.render("privacy.html", PRIVACY, signup_hosts=context.external_form_hosts())
    return page_spec(
        PRIVACY,
        context.words["privacy_title"],
        context.words["privacy_description"],
        html,
        hide=("navigation",),
    )
