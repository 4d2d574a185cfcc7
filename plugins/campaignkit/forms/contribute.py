"""An issue made with a contribution form, turned into a checked campaign file.

The issue comes from the event payload GitHub writes for a workflow (``issue.number``,
``issue.body``, ``issue.labels``), never through a command line. Its file is written into its
campaign folder only, and the whole campaign is validated with it; when anything is wrong,
the file is removed again and each problem is named by the form's label.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath

from campaignkit.forms.body import FieldProblem, read_body
from campaignkit.forms.spec import Form, form_by_label
from campaignkit.forms.submission import Draft, campaign_slugs, draft, write_new
from campaignkit.loading import parse_document
from campaignkit.model import Campaign
from campaignkit.problems import CampaignError, Problem, display_name
from campaignkit.validation import load_campaign

#: An event payload is a few kilobytes and an issue body at most 65,536 characters.
MAX_EVENT_BYTES = 5 * 1024 * 1024


class NotAContribution(Exception):
    """The event is no issue made with a contribution form (nothing to do)."""


@dataclass(frozen=True)
class Issue:
    """What is read of the issue: its number, body, labels and the day it was opened."""

    number: int
    body: str
    labels: tuple[str, ...]
    opened: date


def read_event(path: Path) -> Issue:
    """The issue of a GitHub event payload file (``$GITHUB_EVENT_PATH``)."""
    if path.stat().st_size > MAX_EVENT_BYTES:
        raise NotAContribution(f"{path}: het bestand is groter dan {MAX_EVENT_BYTES} bytes.")
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        issue = payload["issue"]
        number = issue["number"]
        body = issue.get("body") or ""
        labels = tuple(str(label["name"]) for label in issue.get("labels") or ())
        opened = datetime.fromisoformat(str(issue.get("created_at", "")).replace("Z", "+00:00"))
    except (ValueError, KeyError, TypeError) as error:
        raise NotAContribution(f"{path}: geen issue in dit bestand ({error}).") from None
    if not isinstance(number, int) or not isinstance(body, str):
        raise NotAContribution(f"{path}: geen issue in dit bestand.")
    return Issue(number, body, labels, opened.date())


@dataclass
class Outcome:
    """What became of an issue: its file (written and valid), or every problem."""

    issue: Issue
    form: Form
    problems: list[FieldProblem] = field(default_factory=list)
    draft: Draft | None = None
    path: Path | None = None
    campaign: Campaign | None = None

    @property
    def ok(self) -> bool:
        return not self.problems and self.path is not None


def contribute(issue: Issue, root: Path, taken: Collection[str] = ()) -> Outcome:
    """Read ``issue``, write its file into its campaign under ``root/campaigns`` and
    validate that campaign. ``taken`` are paths (``campaigns/asse/events/x.yml``) that
    other open contributions make."""
    form = form_by_label(list(issue.labels))
    if form is None:
        raise NotAContribution(f"Issue #{issue.number} heeft geen label van een formulier.")
    campaigns_dir = root / "campaigns"
    answers = read_body(issue.body, form)
    made, problems = draft(form, answers, campaign_slugs(campaigns_dir), issue.opened)
    outcome = Outcome(issue, form, problems, made)
    if made is None:
        return outcome
    campaign_folder = campaigns_dir / made.campaign
    folder = campaign_folder / form.folder
    inside = campaign_folder.resolve().is_relative_to(campaigns_dir.resolve())
    if not inside or not folder.resolve().is_relative_to(campaign_folder.resolve()):
        message = f"De map {made.campaign}/{form.folder}/ wijst buiten de campagnes."
        outcome.problems.append(FieldProblem("", message, "Een coach moet dit oplossen."))
        return outcome
    here = PurePosixPath("campaigns", made.campaign, form.folder)
    names = {PurePosixPath(p).name for p in taken if PurePosixPath(p).parent == here}
    try:
        path = write_new(folder, made, names)
    except FileExistsError:
        outcome.problems.append(_no_free_name(form, made))
        return outcome
    try:
        outcome.campaign = load_campaign(campaign_folder, base=root)
    except CampaignError as error:
        text = path.read_text(encoding="utf-8")
        path.unlink()  # made by this run, exclusively: nobody else's file
        outcome.problems += located(error.problems, display_name(path, root), text, form)
        return outcome
    outcome.path = path
    return outcome


def _no_free_name(form: Form, made: Draft) -> FieldProblem:
    label = form.field("name" if form.kind == "team" else "title").label
    return FieldProblem(
        label,
        f"Er bestaan al te veel bestanden met de naam '{made.title}'.",
        f"Kies een andere {label.lower()}.",
    )


def located(problems: Collection[Problem], name: str, text: str, form: Form) -> list[FieldProblem]:
    """Problems found by validation, each named by the form field it comes from; those in
    other files of the campaign are said to be the campaign's own."""
    labels = _labels_by_line(text, form)
    found = []
    for problem in problems:
        if problem.file != name:
            found.append(
                FieldProblem(
                    "",
                    f"De campagne zelf heeft een probleem, buiten deze bijdrage: {problem.file} "
                    f"regel {problem.line}: {problem.message}",
                    "Een coach moet dit eerst in de repository oplossen; pas daarna het issue "
                    "aan (of bewaar het opnieuw) om de controle te herhalen.",
                )
            )
            continue
        label = labels.get(problem.line) or _nearest(labels, problem.line)
        found.append(FieldProblem(label, problem.message, problem.hint))
    return found


def _nearest(labels: dict[int, str], line: int) -> str:
    before = [number for number in labels if number <= line]
    return labels[max(before)] if before else ""


def _labels_by_line(text: str, form: Form) -> dict[int, str]:
    """The form label of every line of the file that holds a field."""
    lines = text.split("\n")
    offset = 0
    front = text
    body_from = len(lines) + 1
    if form.kind == "news":
        closing = lines.index("---", 1)
        front = "\n".join(lines[1:closing]) + "\n"
        offset, body_from = 1, closing + 2
    labels: dict[int, str] = {}
    try:
        document = parse_document(front.encode("utf-8"), "form")
    except CampaignError:
        return labels
    paths = {f.path: f.label for f in form.fields}
    for loc, (line, _column) in sorted(document.keys.items()) + sorted(document.values.items()):
        if not loc:
            continue
        key = str(loc[0])
        path = f"{key}.{loc[1]}" if key == "location" and len(loc) > 1 else key
        if path in paths:
            labels.setdefault(line + offset, paths[path])
    if form.kind == "news":
        for number in range(body_from, len(lines) + 1):
            labels[number] = form.field("body").label
    return labels
