"""The home page: the campaign's hero, intro, featured actions, next events and partners."""

from __future__ import annotations

from campaignkit.markup import plain_text
from campaignkit.model import Campaign
from campaignkit.pages.context import SiteContext
from campaignkit.pages.render import page_spec
from campaignkit.pages.site import PageSpec
from campaignkit.pages.timeline import timeline
from campaignkit.urls import HOME

FEATURED_ACTIONS = 6
UPCOMING_ON_HOME = 3
NEWS_ON_HOME = 3


def site_description(campaign: Campaign) -> str:
    """The campaign in a sentence: its tagline, else the start of its intro."""
    return campaign.tagline or plain_text(campaign.intro, limit=160)


def home(context: SiteContext) -> PageSpec:
    hero = context.pictures.hero
    html = context.render(
        "home.html",
        HOME,
        hero=hero,
        featured=context.actions[:FEATURED_ACTIONS],
        more_actions=len(context.actions) > FEATURED_ACTIONS,
        upcoming=context.upcoming(per_event=1)[:UPCOMING_ON_HOME],
        latest_news=context.news[:NEWS_ON_HOME],
        timeline=timeline(context.campaign.phases, context.today),
        pictures=context.pictures.actions,
        logos=context.pictures.logos,
    )
    return page_spec(
        HOME,
        context.campaign.title,
        site_description(context.campaign),
        html,
        in_nav=True,
        nav_title=context.words["home"],
        hide=("navigation", "toc"),
        preview=context.preview(hero, ("campaign", "")),
    )
