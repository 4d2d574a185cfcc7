"""The ``campaignkit forms`` and ``campaignkit from-issue`` commands' work."""

from __future__ import annotations

import sys
from pathlib import Path

from campaignkit.forms.contribute import NotAContribution, contribute, read_event
from campaignkit.forms.generate import write_forms
from campaignkit.forms.report import problems_comment, pull_request_body, result_json
from campaignkit.problems import CampaignError
from campaignkit.validation import find_campaigns, load_campaigns


def write_templates(campaigns_dir: Path, out: Path) -> int:
    """Write the issue forms for the campaigns in ``campaigns_dir`` into ``out``."""
    try:
        campaigns = load_campaigns(find_campaigns(campaigns_dir))
    except CampaignError as error:
        print(error.report().replace("niets gebouwd", "geen formulier gemaakt"), file=sys.stderr)
        return 1
    changed = write_forms(out, campaigns)
    for path in changed:
        print(f"geschreven: {path}")
    if not changed:
        print(f"De formulieren in {out} zijn al bij.")
    return 0


def from_issue(
    event: Path, root: Path, comment: Path, result: Path, taken: Path | None, run_url: str
) -> int:
    """Turn the issue of ``event`` into a file; 0 written, 1 problems, 2 no contribution."""
    try:
        issue = read_event(event)
        taken_paths = taken.read_text(encoding="utf-8").split() if taken else []
        outcome = contribute(issue, root.resolve(), taken_paths)
    except NotAContribution as error:
        print(error, file=sys.stderr)
        return 2
    base = str(root.resolve())
    result.write_text(result_json(outcome, base), encoding="utf-8")
    if outcome.ok:
        comment.write_text(pull_request_body(outcome, base, run_url), encoding="utf-8")
        print(f"✓ {outcome.path}: in orde")
        return 0
    comment.write_text(problems_comment(outcome), encoding="utf-8")
    for found in outcome.problems:
        print(f"{found.label or 'Issue'}: {found.message}", file=sys.stderr)
    print(f"{len(outcome.problems)} problemen; er is niets geschreven.", file=sys.stderr)
    return 1
