"""Minimum versions exclude the known advisories of the libraries that read untrusted input.

The advisory service cannot be reached from every build machine, so the advisories are kept
in security/advisories.toml and checked offline against pyproject.toml, the lock files and
what is installed.
"""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.version import Version

ROOT = Path(__file__).parents[2]
ADVISORIES = tomllib.loads((ROOT / "security" / "advisories.toml").read_text())["advisory"]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
LOCKS = sorted((ROOT / "requirements").glob("*.txt"))


def _minimum(package: str) -> Version:
    for requirement in PROJECT["dependencies"]:
        match = re.match(r"([A-Za-z0-9_.-]+)\s*>=\s*([0-9.]+)", requirement)
        if match and match.group(1).lower() == package.lower():
            return Version(match.group(2))
    raise AssertionError(f"{package} has no minimum version in pyproject.toml")


def _locked(package: str) -> list[Version]:
    name = re.escape(package).replace(r"\-", "[-_.]")
    pinned = rf"^{name}==([^\s;]+)"
    return [
        Version(found)
        for lock in LOCKS
        for found in re.findall(pinned, lock.read_text(), re.MULTILINE | re.IGNORECASE)
    ]


@pytest.mark.parametrize("advisory", ADVISORIES, ids=[a["id"] for a in ADVISORIES])
def test_minimum_and_installed_versions_exclude_advisory(advisory: dict[str, str]) -> None:
    fixed = Version(advisory["fixed"])
    assert _minimum(advisory["package"]) >= fixed
    assert Version(version(advisory["package"])) >= fixed
    locked = _locked(advisory["package"])
    assert len(locked) >= len(LOCKS) == 2
    assert min(locked) >= fixed
