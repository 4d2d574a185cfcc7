"""The list of actions (with its filter) and one page per action."""

from __future__ import annotations

from campaignkit import i18n
from campaignkit.model import Action
from campaignkit.pages.context import SiteContext
from campaignkit.pages.render import page_spec
from campaignkit.pages.site import PageSpec
from campaignkit.urls import ACTIONS, action_src


def action_list(context: SiteContext) -> PageSpec:
    campaign = context.campaign
    used_themes = {action.theme for action in campaign.actions}
    themes = [theme for theme in campaign.themes if theme.id in used_themes]
    used_audiences = {a for action in campaign.actions for a in action.audience}
    audiences = [a for a in i18n.AUDIENCE_LABELS[context.language] if a in used_audiences]
    html = context.render(
        "actions.html",
        ACTIONS,
        actions=context.actions,
        pictures=context.pictures.actions,
        themes=themes,
        audiences=audiences,
    )
    return page_spec(
        ACTIONS,
        context.words["actions"],
        context.about("actions_description"),
        html,
        in_nav=True,
        nav_title=context.words["actions"],
        hide=("navigation", "toc"),
        preview=context.preview(None),
    )


def action_page(context: SiteContext, action: Action) -> PageSpec:
    src = action_src(action.slug)
    picture = context.pictures.actions.get(action.slug)
    html = context.render(
        "action.html",
        src,
        action=action,
        picture=picture,
        events=context.events_of[action.slug],
        news=context.news_of_action[action.slug],
        partners=[context.campaign.partner(pid) for pid in action.partners],
        logos=context.pictures.logos,
        signup=context.signup_url(action),
        origin=action.origin if context.provenance else None,
    )
    return page_spec(
        src,
        action.title,
        action.summary,
        html,
        hide=("navigation",),
        preview=context.preview(picture, ("action", action.slug)),
    )
