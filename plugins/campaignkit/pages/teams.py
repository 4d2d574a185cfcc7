"""The teams: the list (with its filter) and one page per team."""

from __future__ import annotations

from campaignkit import i18n
from campaignkit.model import TEAM_KINDS, Team
from campaignkit.pages.context import SiteContext
from campaignkit.pages.render import page_spec
from campaignkit.pages.site import PageSpec
from campaignkit.urls import TEAMS, team_src


def team_list(context: SiteContext) -> PageSpec:
    campaign = context.campaign
    label = context.participation.label
    used_kinds = {team.kind for team in campaign.teams}
    used_actions = {c.action for team in campaign.teams for c in team.commitments}
    html = context.render(
        "teams.html",
        TEAMS,
        kinds=[kind for kind in TEAM_KINDS if kind in used_kinds],
        actions=[action for action in context.actions if action.slug in used_actions],
        pictures=context.pictures.teams,
    )
    words = i18n.TEAM_LABELS[context.language]
    return page_spec(
        TEAMS,
        label,
        i18n.phrase(words["teams_description"], context.language, title=campaign.title),
        html,
        in_nav=True,
        nav_title=label,
        hide=("navigation", "toc"),
        preview=context.preview(None),
    )


def team_page(context: SiteContext, team: Team) -> PageSpec:
    src = team_src(team.slug)
    picture = context.pictures.teams.get(team.slug)
    words = i18n.TEAM_LABELS[context.language]
    html = context.render(
        "team.html",
        src,
        team=team,
        picture=picture,
        standing=context.participation.board.standing(team.slug),
        actions={action.slug: action for action in context.campaign.actions},
        news=context.news_of_team[team.slug],
    )
    description = i18n.phrase(
        words["team_description"],
        context.language,
        team=team.name,
        title=context.campaign.title,
    )
    return page_spec(
        src,
        team.name,
        description,
        html,
        hide=("navigation",),
        preview=context.preview(picture),
    )
