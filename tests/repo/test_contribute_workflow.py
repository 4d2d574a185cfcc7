"""``contribute.yml``, its steps run here as GitHub runs them: the event payload file of an
issue made with a form, ``bash -eo pipefail``, ``$GITHUB_OUTPUT``, ``$RUNNER_TEMP``. ``gh``
(GitHub's API) is a stand-in that records what it is asked; ``campaignkit build`` is
recorded rather than run (whole builds are tested in ``tests/builds/``). What only GitHub
can run: the actions themselves (checkout, artifacts), the token's permissions and the
real pull request."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.issue_forms import contribution_repo, event_payload, option, public, render, template

from campaignkit.forms.spec import FORMS

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "contribute.yml"
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]

#: The open pull requests: issue 3's adds infoavond.yml; this issue's own and a branch of
#: someone else's do not count.
OPEN = json.dumps(
    [
        {
            "headRefName": "bijdrage/3",
            "files": [{"path": "campaigns/zonnebeke/events/infoavond.yml"}],
        },
        {"headRefName": "bijdrage/7", "files": [{"path": "campaigns/zonnebeke/events/eigen.yml"}]},
        {"headRefName": "x", "files": [{"path": "campaigns/zonnebeke/events/infoavond-2.yml"}]},
    ]
)
GH = f"""#!/bin/sh
echo "gh $*" >> "$GH_LOG"
case "$*" in
  "pr list --state open --limit 500 --json headRefName,files") echo '{OPEN}' ;;
  "pr list --head"*) cat "$GH_OPEN" 2>/dev/null || true ;;
  "pr list --state all --limit 500 --json headRefName,state")
    cat "$GH_ALL" 2>/dev/null || echo '[]' ;;
  "pr create"*) echo "https://github.com/gemeente/klimaat/pull/12" ;;
esac
"""
CAMPAIGNKIT = f"""#!/bin/sh
if [ "$1" = build ]; then echo "campaignkit $*" >> "$GH_LOG"; exit 0; fi
exec {sys.executable} -m campaignkit.cli "$@"
"""


def workflow() -> dict[str, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def step(job: str, name: str) -> dict[str, Any]:
    [found] = [s for s in workflow()["jobs"][job]["steps"] if name in (s.get("id"), s.get("name"))]
    return found


def test_it_runs_for_the_forms_labels_with_the_least_permissions() -> None:
    data = workflow()
    assert data[True] == {"issues": {"types": ["opened", "edited"]}}  # YAML 1.1 reads "on"
    assert data["permissions"] == {}
    check, propose = data["jobs"]["check"], data["jobs"]["propose"]
    for form in FORMS:
        assert f"contains(github.event.issue.labels.*.name, '{form.label}')" in check["if"]
    assert "github.event.issue.state == 'open'" in check["if"]
    assert check["permissions"] == {"contents": "read", "pull-requests": "read"}
    assert propose["permissions"] == {
        "contents": "write",
        "pull-requests": "write",
        "issues": "write",
    }
    assert data["concurrency"]["group"] == "contribute-${{ github.event.issue.number }}"
    assert check["outputs"]["ok"] == "${{ steps.build.outputs.ok || steps.read.outputs.ok }}"


def test_no_text_of_the_issue_is_spliced_into_a_script() -> None:
    for job in workflow()["jobs"].values():
        for found in job["steps"]:
            assert "${{" not in found.get("run", ""), found.get("name")
    assert "issue.body" not in WORKFLOW.read_text(encoding="utf-8")


class Runner:
    """Runs steps of the workflow in a checkout, with GitHub's environment."""

    def __init__(self, tmp_path: Path, checkout: Path, event: Path) -> None:
        self.checkout = checkout
        self.temp = tmp_path / "runner-temp"
        self.temp.mkdir(exist_ok=True)
        self.output = tmp_path / "github-output"
        self.log = tmp_path / "gh.log"
        bin_dir = tmp_path / "bin"
        bin_dir.mkdir(exist_ok=True)
        for name, text in (("gh", GH), ("campaignkit", CAMPAIGNKIT)):
            (bin_dir / name).write_text(text, encoding="utf-8")
            (bin_dir / name).chmod(0o755)
        self.env = {
            **os.environ,
            "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
            "GITHUB_EVENT_PATH": str(event),
            "RUNNER_TEMP": str(self.temp),
            "GH_LOG": str(self.log),
            "GH_OPEN": str(tmp_path / "open-pr"),
            "GH_ALL": str(tmp_path / "all-prs"),
        }

    def run(self, job: str, name: str, **env: str) -> subprocess.CompletedProcess[str]:
        found = step(job, name)
        self.output.write_text("", encoding="utf-8")
        values = {**workflow()["jobs"][job].get("env", {}), **found.get("env", {}), **env}
        assert all("${{" not in v for v in env.values())
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", found["run"]],
            cwd=self.checkout,
            env={
                **self.env,
                **{k: str(v) for k, v in values.items()},
                "GITHUB_OUTPUT": str(self.output),
            },
            capture_output=True,
            text=True,
            check=False,
        )
        return result

    def outputs(self) -> dict[str, str]:
        lines = self.output.read_text(encoding="utf-8").splitlines()
        return dict(line.split("=", 1) for line in lines)

    def calls(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines() if self.log.is_file() else []


def checkout(path: Path) -> Path:
    contribution_repo(path)
    subprocess.run(["git", "init", "-q", "-b", "main", str(path)], check=True)
    subprocess.run([*GIT, "-C", str(path), "add", "-A"], check=True)
    subprocess.run([*GIT, "-C", str(path), "commit", "-qm", "start"], check=True)
    return path


def event_body(repo: Path, title: str = "Infoavond", start: str = "2027-05-20 19:30") -> str:
    form = template("activiteit.yml", repo / ".github" / "ISSUE_TEMPLATE")
    answers = {
        "campaign": option(form, "campaign", "zonnebeke"),
        "title": title,
        "start": start,
        "location_name": "Zaal",
        "openbaar": public(form),
    }
    return render(form, answers)


GITHUB = {
    "GH_TOKEN": "token",
    "GH_REPO": "gemeente/klimaat",
    "NUMBER": "7",
    "BASE": "main",
    "RUN_URL": "https://github.com/gemeente/klimaat/actions/runs/1",
}


@pytest.fixture
def origin(tmp_path: Path) -> Path:
    return checkout(tmp_path / "origin")


def test_an_issue_becomes_a_pushed_branch_and_a_pull_request(tmp_path: Path, origin: Path) -> None:
    event = event_payload(tmp_path / "event.json", event_body(origin), [FORMS[0].label])
    runner = Runner(tmp_path, origin, event)
    for name in ("taken", "read"):
        result = runner.run("check", name, **GITHUB)
        assert result.returncode == 0, result.stderr
    assert runner.outputs() == {"ok": "true"}
    # infoavond.yml is what the open pull request of issue 3 adds: this one is -2.
    out = runner.temp / "bijdrage"
    assert json.loads((out / "result.json").read_text())["file"] == (
        "campaigns/zonnebeke/events/infoavond-2.yml"
    )
    refresh = runner.run("check", "Refresh the forms' dropdowns and build the campaign's site")
    assert refresh.returncode == 0, refresh.stderr
    assert "campaignkit build --campaign zonnebeke" in runner.calls()
    comment = (out / "comment.md").read_text(encoding="utf-8")
    assert comment.startswith("Closes #7\n")
    assert "https://github.com/gemeente/klimaat/actions/runs/1" in comment
    assert "✓ De site van de campagne is gebouwd" in comment
    assert runner.run("check", "patch").returncode == 0

    # The propose job: a fresh checkout of main, the patch applied, the branch pushed.
    work = tmp_path / "propose"
    subprocess.run(["git", "clone", "-q", str(origin), str(work)], check=True)
    runner.checkout = work
    result = runner.run("propose", "apply", **GITHUB, OK="true")
    assert result.returncode == 0, result.stderr
    result = runner.run(
        "propose", "Push bijdrage/<issue> and open or update its pull request", **GITHUB
    )
    assert result.returncode == 0, result.stderr
    pushed = subprocess.run(
        ["git", "-C", str(origin), "show", "--stat", "--format=%s", "bijdrage/7"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert pushed.startswith("Nieuwe activiteit: Infoavond\n")
    assert "campaigns/zonnebeke/events/infoavond-2.yml" in pushed
    calls = runner.calls()
    create = "gh pr create --base main --head bijdrage/7 --title Nieuwe activiteit: Infoavond"
    assert any(c.startswith(f"{create} --body-file ") for c in calls)
    assert (
        "gh issue comment 7 --body Bedankt! Een coach kijkt je bijdrage na in https://github.com/gemeente/klimaat/pull/12."
        in calls
    )

    # An edit of the issue: the same branch is pushed again and its pull request edited.
    (tmp_path / "open-pr").write_text("12\n")
    subprocess.run([*GIT, "-C", str(work), "reset", "-q", "--hard", "origin/main"], check=True)
    assert runner.run("propose", "apply", **GITHUB, OK="true").returncode == 0
    result = runner.run(
        "propose", "Push bijdrage/<issue> and open or update its pull request", **GITHUB
    )
    assert result.returncode == 0, result.stderr
    assert any(
        c.startswith("gh pr edit 12 --title Nieuwe activiteit: Infoavond --body-file ")
        for c in runner.calls()
    )


def test_problems_become_a_comment_and_no_change(tmp_path: Path, origin: Path) -> None:
    event = event_payload(
        tmp_path / "event.json", event_body(origin, start="morgen"), [FORMS[0].label]
    )
    runner = Runner(tmp_path, origin, event)
    for name in ("taken", "read"):
        assert runner.run("check", name, **GITHUB).returncode == 0
    assert runner.outputs() == {"ok": "false"}
    assert runner.run("check", "patch").returncode == 0
    assert (runner.temp / "bijdrage" / "contribution.patch").read_text() == ""
    comment = (runner.temp / "bijdrage" / "comment.md").read_text(encoding="utf-8")
    assert "**Begin**:" in comment
    result = runner.run("propose", "Comment the problems on the issue", **GITHUB)
    assert result.returncode == 0
    [call] = [c for c in runner.calls() if c.startswith("gh issue comment")]
    assert call == f"gh issue comment 7 --body-file {runner.temp}/bijdrage/comment.md"
    assert not [c for c in runner.calls() if c.startswith("gh pr comment")]
    # Edited into problems after its pull request (#12) was made: the coach is warned there.
    (tmp_path / "open-pr").write_text("12\n")
    assert runner.run("propose", "Comment the problems on the issue", **GITHUB).returncode == 0
    [warning] = [c for c in runner.calls() if c.startswith("gh pr comment")]
    assert warning.startswith("gh pr comment 12 --body Let op: issue #7 is intussen aangepast")


@pytest.mark.parametrize(
    "path", ["scripts/check.sh", "campaigns/zonnebeke/campaign.yml", ".github/workflows/x.yml"]
)
def test_the_propose_job_refuses_any_other_change(tmp_path: Path, origin: Path, path: str) -> None:
    scratch = tmp_path / "scratch"
    subprocess.run(["git", "clone", "-q", str(origin), str(scratch)], check=True)
    target = scratch / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("echo hallo\n", encoding="utf-8")
    subprocess.run(["git", "-C", str(scratch), "add", "-A"], check=True)
    patch = subprocess.run(
        ["git", "-C", str(scratch), "diff", "--cached", "--binary"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    runner = Runner(tmp_path, origin, event_payload(tmp_path / "e.json", "", []))
    (runner.temp / "bijdrage").mkdir()
    (runner.temp / "bijdrage" / "contribution.patch").write_text(patch)
    result = runner.run("propose", "apply", **GITHUB, OK="true")
    assert result.returncode != 0
    assert "Refused" in result.stderr


def test_a_build_that_fails_says_so_on_the_issue(tmp_path: Path, origin: Path) -> None:
    event = event_payload(tmp_path / "event.json", event_body(origin), [FORMS[0].label])
    runner = Runner(tmp_path, origin, event)
    for name in ("taken", "read"):
        assert runner.run("check", name, **GITHUB).returncode == 0
    failing = tmp_path / "bin" / "campaignkit"
    failing.write_text(CAMPAIGNKIT.replace("exit 0; fi", "exit 1; fi"), encoding="utf-8")
    assert runner.run("check", "build").returncode == 0
    assert runner.outputs() == {"ok": "false"}
    comment = (runner.temp / "bijdrage" / "comment.md").read_text(encoding="utf-8")
    assert "kon er niet mee gebouwd worden" in comment


def _racing_branch(origin: Path, tmp_path: Path, branch: str, path: str) -> None:
    """Another contribution's branch on ``origin``: one commit adding ``path``."""
    other = tmp_path / "other"
    subprocess.run(["git", "clone", "-q", str(origin), str(other)], check=True)
    (other / path).write_text("title: Ook een infoavond\n", encoding="utf-8")
    subprocess.run([*GIT, "-C", str(other), "add", "-A"], check=True)
    subprocess.run([*GIT, "-C", str(other), "commit", "-qm", "race"], check=True)
    subprocess.run(["git", "-C", str(other), "push", "-q", "origin", f"HEAD:{branch}"], check=True)


def _propose(tmp_path: Path, origin: Path) -> Runner:
    """Issue 7's check and propose jobs up to the push, its file infoavond-2.yml."""
    event = event_payload(tmp_path / "event.json", event_body(origin), [FORMS[0].label])
    runner = Runner(tmp_path, origin, event)
    for name in ("taken", "read", "patch"):
        assert runner.run("check", name, **GITHUB).returncode == 0
    work = tmp_path / "propose"
    subprocess.run(["git", "clone", "-q", str(origin), str(work)], check=True)
    runner.checkout = work
    assert runner.run("propose", "apply", **GITHUB, OK="true").returncode == 0
    return runner


PUSH = "Push bijdrage/<issue> and open or update its pull request"
RACED = "campaigns/zonnebeke/events/infoavond-2.yml"


def test_two_issues_racing_for_one_file_name_make_no_two_pull_requests(
    tmp_path: Path, origin: Path
) -> None:
    runner = _propose(tmp_path, origin)
    # Issue 9 was sent at the same moment: its branch is pushed, its pull request not yet made.
    _racing_branch(origin, tmp_path, "bijdrage/9", RACED)
    result = runner.run("propose", PUSH, **GITHUB)
    assert result.returncode == 0, result.stderr
    branches = subprocess.run(
        ["git", "-C", str(origin), "branch", "--list", "bijdrage/*"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert branches == ["bijdrage/9"]  # this issue's branch is withdrawn
    calls = runner.calls()
    assert not [c for c in calls if c.startswith("gh pr create")]
    [comment] = [c for c in calls if c.startswith("gh issue comment 7")]
    assert "dezelfde bestandsnaam (bijdrage/9)" in comment and "Pas je issue aan" in comment


def test_a_branch_whose_pull_request_ended_takes_no_name(tmp_path: Path, origin: Path) -> None:
    runner = _propose(tmp_path, origin)
    _racing_branch(origin, tmp_path, "bijdrage/9", RACED)
    (tmp_path / "all-prs").write_text(
        json.dumps([{"headRefName": "bijdrage/9", "state": "CLOSED"}])
    )
    result = runner.run("propose", PUSH, **GITHUB)
    assert result.returncode == 0, result.stderr
    assert any(c.startswith("gh pr create --base main --head bijdrage/7") for c in runner.calls())
