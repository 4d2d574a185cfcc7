"""What a contribution run says back, as Markdown: a comment on the issue with every
problem named by its form label, or the body of the pull request it opens."""

from __future__ import annotations

import json
import re
from typing import Any

from campaignkit import urls
from campaignkit.forms.body import FieldProblem
from campaignkit.forms.contribute import Outcome
from campaignkit.forms.spec import Form

_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#!|~@&])")
_PAGES = {
    "event": urls.event_url,
    "action": urls.action_url,
    "team": urls.team_url,
    "news": urls.news_url,
}


def md(text: str) -> str:
    """Untrusted text as literal Markdown on one line: no links, mentions, images or HTML."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _problem(found: FieldProblem) -> str:
    where = f"**{md(found.label)}**: " if found.label else ""
    hint = f"  \n  Oplossing: {md(found.hint)}" if found.hint else ""
    return f"- {where}{md(found.message)}{hint}"


def problems_comment(outcome: Outcome) -> str:
    """The comment on the issue when its contribution cannot be taken yet."""
    count = len(outcome.problems)
    noun = "1 probleem" if count == 1 else f"{count} problemen"
    lines = [
        "### Je bijdrage kan nog niet online",
        "",
        f"De controle vond {noun} in het formulier '{md(outcome.form.name)}':",
        "",
        *(_problem(found) for found in outcome.problems),
        "",
        "Pas het issue aan: klik op de drie puntjes rechtsboven je bericht en kies **Edit**. "
        "Zodra je het opslaat, loopt de controle opnieuw. Er is nog niets veranderd aan de site.",
    ]
    return "\n".join(lines) + "\n"


def page(outcome: Outcome) -> str:
    """The new page's address on the campaign's site, or its path in the site."""
    assert outcome.path is not None and outcome.campaign is not None
    target = _PAGES[outcome.form.kind](outcome.path.stem)
    root = urls.campaign_root(outcome.campaign.site_url, outcome.campaign.slug)
    return (root or f"{outcome.campaign.slug}/") + target


def _summary(campaign: Any) -> str:
    parts = [f"{len(campaign.actions)} acties", f"{len(campaign.events)} activiteiten"]
    if campaign.teams:
        parts.append(f"{len(campaign.teams)} ploegen")
    if campaign.news:
        parts.append(f"{len(campaign.news)} berichten")
    return ", ".join(parts)


def _rows(form: Form, data: dict[str, Any], body: str) -> list[str]:
    rows = ["| Veld | Ingevuld |", "| --- | --- |"]
    for form_field in form.fields[1:]:
        value: Any = data
        for part in form_field.path.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if form_field.path == "body" and form.kind == "news":
            value = body
        if value in (None, "", [], ()):
            continue
        if isinstance(value, list):
            value = ", ".join(v["action"] if isinstance(v, dict) else str(v) for v in value)
        rows.append(f"| {md(form_field.label)} | {md(str(value))[:300]} |")
    return rows


def pull_request_body(outcome: Outcome, root: str, run_url: str = "") -> str:
    """The pull request's text: what it adds, the validation result and the preview."""
    assert outcome.path is not None and outcome.draft is not None
    assert outcome.campaign is not None
    number = outcome.issue.number
    preview = (
        f"De gebouwde site van deze bijdrage staat bij [de controle]({run_url}) als artefact "
        "'voorbeeld': download en open de pagina daarin."
        if run_url
        else "Bouw de site om de pagina te zien: `campaignkit build --campaign "
        f"{outcome.campaign.slug}`."
    )
    lines = [
        f"Closes #{number}",
        "",
        f"**{md(outcome.form.name)}** voor de campagne `{outcome.campaign.slug}`, uit het "
        f"formulier van #{number}: `{outcome.path.relative_to(root).as_posix()}`.",
        "",
        "### Controle",
        "",
        f"✓ `campaignkit validate campaigns/{outcome.campaign.slug}`: in orde "
        f"({_summary(outcome.campaign)}).",
        "",
        "### Voorbeeld",
        "",
        f"Na het samenvoegen en publiceren: {page(outcome)}",
        "",
        preview,
        "",
        "### Ingevuld",
        "",
        *_rows(outcome.form, outcome.draft.data, outcome.draft.body),
        "",
        f"Een aanpassing van issue #{number} werkt dit voorstel bij. Kijk het na en voeg het "
        "samen; sluit en heropen het om ook de gewone controles van pull requests te laten lopen.",
    ]
    return "\n".join(lines) + "\n"


def result_json(outcome: Outcome, root: str) -> str:
    """What the workflow needs to know, for its next steps."""
    data: dict[str, Any] = {"ok": outcome.ok, "issue": outcome.issue.number}
    if outcome.ok and outcome.path is not None and outcome.draft is not None:
        data |= {
            "campaign": outcome.draft.campaign,
            "file": outcome.path.relative_to(root).as_posix(),
            "title": f"{outcome.form.name}: {' '.join(outcome.draft.title.split())}"[:200],
        }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
