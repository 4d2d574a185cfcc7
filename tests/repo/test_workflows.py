"""The GitHub workflows and pre-commit files, checked by the tools GitHub and pre-commit trust.

actionlint (with ShellCheck for `run:` scripts and pyflakes for `shell: python` steps),
check-jsonschema's offline copy of the workflow schema and zizmor's offline security audits must
all accept every workflow; the pre-commit files must pass pre-commit's own validation. The
Python checks below pin down what publishing relies on, so a later edit cannot quietly drop it.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PAGES = ROOT / ".github" / "workflows" / "pages.yml"
STANDALONE = ROOT / ".github" / "workflows" / "standalone.yml"


def tool(name: str) -> str:
    """A command installed with the test extra (next to this Python, else on PATH)."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.is_file() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is missing: install the test extra (pip install -e '.[test]').")
    return found


def run(command: list[str]) -> None:
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, (
        f"{' '.join(command)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    )


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # YAML 1.1 (PyYAML) reads the key `on` as the boolean True.
    value = workflow.get(True, workflow.get("on"))
    assert isinstance(value, dict)
    return value


def steps_using(job: dict[str, Any], action: str) -> list[dict[str, Any]]:
    return [s for s in job["steps"] if str(s.get("uses", "")).startswith(f"{action}@")]


def scripts(job: dict[str, Any]) -> str:
    return "\n".join(str(s.get("run", "")) for s in job["steps"])


def test_there_are_workflows() -> None:
    assert PAGES in WORKFLOWS
    assert STANDALONE in WORKFLOWS


def test_actionlint_accepts_every_workflow() -> None:
    run(
        [
            tool("actionlint"),
            "-no-color",
            "-shellcheck",
            tool("shellcheck"),
            "-pyflakes",
            tool("pyflakes"),
            *map(str, WORKFLOWS),
        ]
    )


def test_github_workflow_schema_accepts_every_workflow() -> None:
    run(
        [
            tool("check-jsonschema"),
            "--builtin-schema",
            "vendor.github-workflows",
            *map(str, WORKFLOWS),
        ]
    )


def test_pre_commit_files_are_valid() -> None:
    # check-jsonschema has no vendored pre-commit schema; pre-commit validates its own files.
    run([tool("pre-commit"), "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")])
    run([tool("pre-commit"), "validate-config", str(ROOT / ".pre-commit-config.yaml")])


def test_zizmor_finds_nothing_in_any_workflow() -> None:
    # Offline: the audits that ask GitHub (known-vulnerable actions, impostor commits) need the
    # network and a token; every other audit runs.
    run([tool("zizmor"), "--offline", "--no-progress", str(ROOT / ".github" / "workflows")])


def test_every_action_is_pinned_to_a_commit() -> None:
    # A tag can be moved to other code; a commit cannot. The comment names the release it is.
    commits: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for line in re.findall(r"uses:.*", path.read_text(encoding="utf-8")):
            pinned = re.fullmatch(
                r"uses: (actions/[a-z-]+)(/[a-z-]+)?@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)", line
            )
            assert pinned, f"{path.name}: {line}"
            commits.setdefault(pinned[1], set()).add(f"{pinned[3]} {pinned[4]}")
    # One release of each action in every job and workflow.
    assert {action: len(pins) for action, pins in commits.items()} == dict.fromkeys(commits, 1)


def test_every_workflow_installs_the_locked_dependencies() -> None:
    # Hash-checked installs of requirements/base.txt, then the project alone, built by the
    # locked setuptools: the same files next year, and a tampered package is refused.
    installing = 0
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            lines = [line.strip() for line in scripts(job).splitlines()]
            installs = [line for line in lines if re.search(r"\bpip3? install\b", line)]
            for setup in steps_using(job, "actions/setup-python"):
                assert setup["with"]["cache-dependency-path"] == "requirements/base.txt"
                assert installs == [
                    "pip install --require-hashes -r requirements/base.txt",
                    "pip install --no-deps --no-build-isolation -e .",
                ], f"{path.name} {name}"
                installing += 1
            if not steps_using(job, "actions/setup-python"):
                assert not installs, f"{path.name} {name}"
    assert installing == 5  # validate, build, kits, standalone, contribute


def test_pull_requests_validate_with_annotations() -> None:
    workflow = load(PAGES)
    on = triggers(workflow)
    assert set(on["pull_request"]["paths"]) == {
        "campaigns/**",
        "plugins/**",
        "mkdocs.yml",
        "theme_overrides/**",
        "pyproject.toml",
        "requirements/**",
    }
    job = workflow["jobs"]["validate"]
    assert "pull_request" in job["if"]
    [setup] = steps_using(job, "actions/setup-python")
    assert setup["with"]["python-version"] == "3.11"
    assert "pip install --require-hashes -r requirements/base.txt" in scripts(job)
    assert re.search(r"campaignkit validate campaigns --format github\b", scripts(job))


def test_push_to_main_builds_shards_and_deploys_them() -> None:
    workflow = load(PAGES)
    on = triggers(workflow)
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    jobs = workflow["jobs"]
    assert "pull_request" in jobs["plan"]["if"]  # not on pull requests

    plan = jobs["plan"]
    assert set(plan["outputs"]) >= {"total", "shards"}

    build = jobs["build"]
    assert build["needs"] == "plan"
    assert build["strategy"]["matrix"]["shard"] == "${{ fromJSON(needs.plan.outputs.shards) }}"
    step_env = {k: v for s in build["steps"] for k, v in s.get("env", {}).items()}
    assert step_env["SHARD"] == "${{ matrix.shard }}"
    assert step_env["TOTAL"] == "${{ needs.plan.outputs.total }}"
    assert 'campaignkit build --shard "$SHARD/$TOTAL"' in scripts(build)
    # Every shard builds as of the one date plan chose (see test_the_build_date_...).
    assert build["env"]["SOURCE_DATE_EPOCH"] == "${{ needs.plan.outputs.epoch }}"
    assert plan["outputs"]["epoch"] == "${{ steps.date.outputs.epoch }}"
    [cache] = steps_using(build, "actions/cache")
    assert cache["with"]["path"] == ".cache/campaignkit"
    assert "hashFiles('campaigns/**', 'plugins/**'" in cache["with"]["key"]
    assert cache["with"]["restore-keys"].strip()
    [upload] = steps_using(build, "actions/upload-artifact")
    assert upload["with"]["path"] == "site/"
    assert upload["with"]["name"] == "site-shard-${{ matrix.shard }}"

    deploy = jobs["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write", "contents": "read"}
    assert deploy["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }
    [download] = steps_using(deploy, "actions/download-artifact")
    assert download["with"]["pattern"] == "site-shard-*"
    assert download["with"]["merge-multiple"] is True
    [pages_artifact] = steps_using(deploy, "actions/upload-pages-artifact")
    assert pages_artifact["with"]["path"] == download["with"]["path"]
    [deployment] = steps_using(deploy, "actions/deploy-pages")
    assert deployment["id"] == "deployment"
    # Only the deploy job may write to Pages or ask for an identity token.
    assert workflow["permissions"] == {"contents": "read"}


def shard_plan(tmp_path: Path, campaigns: int, config: str | None = None) -> dict[str, str]:
    """Run the plan job's own script on a folder with this many campaigns (and this
    mkdocs.yml, else the repository's), in the repository bbl/campagnes."""
    [step] = [s for s in load(PAGES)["jobs"]["plan"]["steps"] if s.get("id") == "shards"]
    assert step["shell"] == "python"
    work = tmp_path / str(campaigns)
    for number in range(campaigns):
        (work / "campaigns" / f"c{number}").mkdir(parents=True)
        (work / "campaigns" / f"c{number}" / "campaign.yml").write_text("title: x\n")
    (work / "campaigns" / "no-campaign").mkdir(parents=True)
    (work / "mkdocs.yml").write_text(
        config if config is not None else (ROOT / "mkdocs.yml").read_text("utf-8"), "utf-8"
    )
    output = work / "output.txt"
    env = {**os.environ, "GITHUB_OUTPUT": str(output), "GITHUB_REPOSITORY": "bbl/campagnes"}
    subprocess.run([sys.executable, "-c", step["run"]], cwd=work, env=env, check=True)
    return dict(line.split("=", 1) for line in output.read_text().splitlines())


@pytest.mark.parametrize("campaigns", [0, 1, 40, 41, 80, 81, 319, 320, 321, 1000])
def test_one_shard_per_forty_campaigns_at_most_eight(tmp_path: Path, campaigns: int) -> None:
    outputs = shard_plan(tmp_path, campaigns)
    total = min(8, max(1, math.ceil(campaigns / 40)))
    assert outputs["total"] == str(total)
    assert yaml.safe_load(outputs["shards"]) == list(range(1, total + 1))
    assert outputs["kit_release"] == ""  # the repository's mkdocs.yml: ZIPs on the site


@pytest.mark.parametrize(
    ("url", "release"),
    [
        ("https://github.com/bbl/campagnes/releases/download/kits/{name}", "kits"),
        ("'https://github.com/BBL/Campagnes/releases/download/kits-2027/{name}'", "kits-2027"),
        ("https://github.com/someone/else/releases/download/kits/{name}", ""),
        ("https://downloads.example.org/kits/{name}", ""),
    ],
)
def test_kits_job_uploads_to_a_release_of_this_repository_only(
    tmp_path: Path, url: str, release: str
) -> None:
    config = (
        (ROOT / "mkdocs.yml")
        .read_text("utf-8")
        .replace("  - campaignkit\n", f"  - campaignkit:\n      kit_zip_url: {url}\n")
    )
    assert shard_plan(tmp_path, 3, config)["kit_release"] == release
    kits = load(PAGES)["jobs"]["kits"]
    assert kits["if"] == "needs.plan.outputs.kit_release != ''"
    assert kits["permissions"] == {"contents": "write"}
    # The ZIPs are made as of the site's date: each is the one its kit page announces.
    assert kits["env"]["SOURCE_DATE_EPOCH"] == "${{ needs.plan.outputs.epoch }}"
    assert "campaignkit kit campaigns --out kits" in scripts(kits)
    assert 'gh release upload "$RELEASE" kits/*.zip --clobber' in scripts(kits)


def test_a_daily_build_follows_the_calendar_and_can_be_switched_off() -> None:
    workflow = load(PAGES)
    [schedule] = triggers(workflow)["schedule"]
    minute, hour, *every = schedule["cron"].split()
    assert every == ["*", "*", "*"]
    brussels = ZoneInfo("Europe/Brussels")
    for day in (date(2027, 1, 15), date(2027, 7, 15), date(2027, 3, 27), date(2027, 10, 30)):
        # Winter, summer and the evenings before both clock changes: the run starts on the
        # next day in Brussels, before the morning.
        run = datetime.combine(day, time(int(hour), int(minute)), tzinfo=UTC).astimezone(brussels)
        assert run.date() == day + timedelta(days=1)
        assert run.hour < 3
    plan = workflow["jobs"]["plan"]["if"]
    assert "github.event_name != 'schedule' || vars.DAILY_BUILD != 'off'" in plan
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "DAILY_BUILD" in readme


def date_step() -> dict[str, Any]:
    [step] = [s for s in load(PAGES)["jobs"]["plan"]["steps"] if s.get("id") == "date"]
    return step


def build_date(tmp_path: Path, event: str, commit_time: int) -> int:
    """Run plan's date step as GitHub would, with ``git`` answering ``commit_time``."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    git = bin_dir / "git"
    git.write_text(f"#!/bin/sh\necho {commit_time}\n", encoding="utf-8")
    git.chmod(0o755)
    output = tmp_path / "output.txt"
    output.write_text("", encoding="utf-8")
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_OUTPUT": str(output),
        "EVENT": event,
    }
    step = date_step()
    assert step["env"] == {"EVENT": "${{ github.event_name }}"}
    subprocess.run(["bash", "-e", "-c", step["run"]], env=env, check=True, capture_output=True)
    [line] = output.read_text(encoding="utf-8").splitlines()
    key, value = line.split("=")
    assert key == "epoch"
    return int(value)


def midnights() -> set[int]:
    """00:00 today in Brussels (and tomorrow's, should the test run across midnight)."""
    today = datetime.now(ZoneInfo("Europe/Brussels")).date()
    return {
        int(datetime.combine(day, time(0), tzinfo=ZoneInfo("Europe/Brussels")).timestamp())
        for day in (today, today + timedelta(days=1))
    }


@pytest.mark.parametrize("event", ["schedule", "workflow_dispatch"])
def test_the_build_date_of_a_daily_build_is_midnight_in_brussels(
    tmp_path: Path, event: str
) -> None:
    assert build_date(tmp_path, event, int(datetime.now(UTC).timestamp()) - 60) in midnights()


def test_the_build_date_of_a_push_is_its_commits_time_but_never_before_today(
    tmp_path: Path,
) -> None:
    now = int(datetime.now(UTC).timestamp())
    midnight = min(midnights())
    if now - 60 > midnight:
        assert build_date(tmp_path, "push", now - 60) == now - 60
    old_commit = now - 3 * 24 * 3600
    assert build_date(tmp_path, "push", old_commit) in midnights()


def test_standalone_builds_one_campaign_at_the_root() -> None:
    workflow = load(STANDALONE)
    on = triggers(workflow)
    assert list(on) == ["workflow_dispatch"]
    assert on["workflow_dispatch"]["inputs"]["campaign"]["required"] is True
    [job] = workflow["jobs"].values()
    assert job["env"]["CAMPAIGN"] == "${{ inputs.campaign }}"
    assert 'campaignkit build --campaign "$CAMPAIGN"' in scripts(job)
    assert 'SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)" >> "$GITHUB_ENV"' in scripts(job)
    [upload] = steps_using(job, "actions/upload-artifact")
    assert upload["with"]["path"] == "site/"
    # The input only reaches scripts through the environment, never spliced into them.
    assert "inputs." not in scripts(job)
