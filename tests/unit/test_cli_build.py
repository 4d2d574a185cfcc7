"""`campaignkit build`: what reaches the mkdocs (or properdocs) process."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from campaignkit.cli import main
from campaignkit.request import SHARD_ENV


class Calls:
    """Stands in for subprocess.call and remembers each command and environment."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], dict[str, str]]] = []

    def __call__(self, command: list[str], *, env: dict[str, str], **_: Any) -> int:
        self.calls.append((list(command), dict(env)))
        return 0


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Calls:
    recorder = Calls()
    monkeypatch.setattr(subprocess, "call", recorder)
    monkeypatch.delenv(SHARD_ENV, raising=False)
    monkeypatch.delenv("CAMPAIGN", raising=False)
    return recorder


def test_shard_reaches_the_build_as_environment(calls: Calls) -> None:
    assert main(["build", "--shard", "2/8"]) == 0
    [(command, env)] = calls.calls
    assert command == [sys.executable, "-m", "mkdocs", "build", "--strict"]
    assert env[SHARD_ENV] == "2/8"
    assert "CAMPAIGN" not in env


@pytest.mark.parametrize("spec", ["1/1", "3/3", " 1/4 "])
def test_every_valid_shard_is_passed_on(calls: Calls, spec: str) -> None:
    assert main(["build", "--shard", spec, "--tool", "properdocs"]) == 0
    [(command, env)] = calls.calls
    assert command[:3] == [sys.executable, "-m", "properdocs"]
    assert env[SHARD_ENV] == spec.strip()


def test_without_shard_the_environment_is_left_alone(
    calls: Calls, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["build"]) == 0
    assert SHARD_ENV not in calls.calls[0][1]
    monkeypatch.setenv(SHARD_ENV, "1/2")  # set by the caller: kept
    assert main(["build"]) == 0
    assert calls.calls[1][1][SHARD_ENV] == "1/2"


@pytest.mark.parametrize(
    ("spec", "said"),
    [
        ("0/4", "tussen 1 en 4"),
        ("5/4", "tussen 1 en 4"),
        ("1/0", "minstens 1"),
        ("2", "bv. 2/8"),
        ("a/b", "bv. 2/8"),
        ("-1/4", "bv. 2/8"),
        ("1/2/3", "bv. 2/8"),
        ("", "bv. 2/8"),
    ],
)
def test_invalid_shard_is_refused_in_dutch_without_building(
    calls: Calls, capsys: pytest.CaptureFixture[str], spec: str, said: str
) -> None:
    assert main(["build", f"--shard={spec}"]) == 2
    err = capsys.readouterr().err
    assert "is geen shard" in err
    assert said in err
    assert calls.calls == []


def test_shard_and_single_campaign_exclude_each_other(
    calls: Calls, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "--campaign", "asse", "--shard", "1/2"]) == 2
    assert "Gebruik één van beide" in capsys.readouterr().err
    assert calls.calls == []


def test_campaign_and_mkdocs_options_after_double_dash(calls: Calls) -> None:
    assert main(["build", "--campaign", "asse", "--", "-f", "other.yml"]) == 0
    [(command, env)] = calls.calls
    assert command[-2:] == ["-f", "other.yml"]
    assert "--" not in command
    assert env["CAMPAIGN"] == "asse"
    assert SHARD_ENV not in env


def test_exit_status_of_the_build_is_returned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(subprocess, "call", lambda *a, **k: 1)
    assert main(["build", "--shard", "1/2"]) == 1


def test_publish_swaps_at_once_and_removes_the_old_site_in_the_background(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from campaignkit.publish import RETIRED_PREFIX, Staging

    site = tmp_path / "site"
    for round_number in range(3):
        staging = Staging(site)
        (staging.path / "index.html").write_text(f"build {round_number}", "utf-8")
        for number in range(200):
            (staging.path / f"page-{number}.html").write_text("x", "utf-8")
        if round_number == 2:  # no process can be started: removed here and now

            def refuse(*args: object, **kwargs: object) -> None:
                raise OSError("no processes")

            monkeypatch.setattr(subprocess, "Popen", refuse)
        staging.publish()
        assert (site / "index.html").read_text("utf-8") == f"build {round_number}"
        assert not staging.path.exists()
        if round_number == 2:
            assert not list(tmp_path.glob(f"{RETIRED_PREFIX}*"))
    deadline = time.monotonic() + 30
    while list(tmp_path.glob(f"{RETIRED_PREFIX}*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
