"""Issue bodies as GitHub writes them when someone submits an issue form.

The rules, from GitHub's issue-forms documentation and the bodies it produces: each field
but the Markdown ones becomes ``### <label>``, a blank line and the value, fields separated
by a blank line; an empty field is ``_No response_``; a dropdown's chosen options are joined
with ``, ``; checkboxes are ``- [X] <label>`` or ``- [ ] <label>``, one per line; a text area
with ``render`` is wrapped in a code fence. The form is read from its YAML file, as GitHub
does, so these bodies follow the committed forms, not campaignkit's own idea of them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from campaignkit.cli import main
from campaignkit.forms.generate import write_forms
from campaignkit.validation import load_campaigns
from support.campaigns import SLUG, write_campaign
from support.projects import REPO

TEMPLATES = REPO / ".github" / "ISSUE_TEMPLATE"


def template(name: str, folder: Path = TEMPLATES) -> dict[str, Any]:
    data = yaml.safe_load((folder / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def render(form: Mapping[str, Any], answers: Mapping[str, Any]) -> str:
    """The body of an issue made with ``form``; ``answers`` by field id: a text, the chosen
    option texts (a list) of a dropdown, or the ticked option labels of checkboxes.
    Every chosen option must be one the form offers, as in the browser."""
    sections = []
    for element in form["body"]:
        if element["type"] == "markdown":
            continue
        attributes = element["attributes"]
        given = answers.get(element["id"])
        if element["type"] == "checkboxes":
            ticked = set(given or ())
            value = "\n".join(
                f"- [{'X' if option['label'] in ticked else ' '}] {option['label']}"
                for option in attributes["options"]
            )
        elif element["type"] == "dropdown":
            chosen = [given] if isinstance(given, str) else list(given or ())
            for option in chosen:
                assert option in attributes["options"], (option, attributes["options"])
            value = ", ".join(chosen) or "_No response_"
        else:
            value = given or "_No response_"
            if given and attributes.get("render"):
                value = f"```{attributes['render']}\n{given}\n```"
        sections.append(f"### {attributes['label']}\n\n{value}")
    return "\n\n".join(sections)


def option(form: Mapping[str, Any], field_id: str, key: str) -> str:
    """The option of a dropdown whose text ends in ``(key)`` or is ``key``."""
    [element] = [e for e in form["body"] if e.get("id") == field_id]
    options: Sequence[str] = element["attributes"]["options"]
    [found] = [o for o in options if o == key or o.endswith(f"({key})")]
    return found


def public(form: Mapping[str, Any]) -> list[str]:
    """The ticked labels of the form's checkboxes (all of them)."""
    [element] = [e for e in form["body"] if e["type"] == "checkboxes"]
    return [o["label"] for o in element["attributes"]["options"]]


def event_payload(
    path: Path, body: str, labels: Sequence[str], *, number: int = 7, action: str = "opened"
) -> Path:
    """An ``issues`` event payload as GitHub writes it to ``$GITHUB_EVENT_PATH`` (the
    parts campaignkit reads, and a few around them)."""
    payload = {
        "action": action,
        "issue": {
            "number": number,
            "title": "[Activiteit] iets",
            "body": body,
            "labels": [{"id": 1, "name": name, "color": "ededed"} for name in labels],
            "state": "open",
            "created_at": "2027-04-20T08:30:00Z",
            "user": {"login": "medewerker"},
        },
        "repository": {"full_name": "gemeente/klimaat", "default_branch": "main"},
        "sender": {"login": "medewerker"},
    }
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


def contribution_repo(root: Path) -> Path:
    """A repository in ``root``: the default campaign (with a team and a news item) under
    ``campaigns/`` and the forms generated for it under ``.github/ISSUE_TEMPLATE/``."""
    folder = write_campaign(
        root / "campaigns",
        teams={"kerkstraat": {"name": "Kerkstraat", "households": "8", "joined": "2027-03-02"}},
        news={
            "start": {
                "title": "We zijn gestart",
                "date": "2027-03-01",
                "summary": "Het is zover.",
                "body": "Welkom.\n",
            }
        },
    )
    assert folder.name == SLUG
    write_forms(root / ".github" / "ISSUE_TEMPLATE", load_campaigns([folder]))
    return root


@dataclass(frozen=True)
class Run:
    """What ``campaignkit from-issue`` did: its exit code, the Markdown and the result."""

    code: int
    comment: str
    result: dict[str, Any]


def submit(
    root: Path,
    body: str,
    labels: Sequence[str],
    *,
    number: int = 7,
    taken: Sequence[str] = (),
) -> Run:
    """Run ``campaignkit from-issue`` on an issue with ``body`` in the repository ``root``."""
    work = root / ".run" / str(number)
    work.mkdir(parents=True, exist_ok=True)
    event = event_payload(work / "event.json", body, labels, number=number)
    (work / "taken.txt").write_text("\n".join(taken), encoding="utf-8")
    comment, result = work / "comment.md", work / "result.json"
    args = ["from-issue", "--event", str(event), "--root", str(root), "--comment", str(comment)]
    args += ["--result", str(result), "--taken", str(work / "taken.txt")]
    code = main(args)
    read = json.loads(result.read_text(encoding="utf-8")) if result.is_file() else {}
    return Run(code, comment.read_text(encoding="utf-8") if comment.is_file() else "", read)
