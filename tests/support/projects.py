"""A temporary MkDocs project for whole builds: the repository's ``mkdocs.yml``,
``theme_overrides/`` and shared libraries (``library/``, which the examples use), an empty
``docs/``; the tests write campaigns into ``campaigns/``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

#: The repository: its example campaigns, configuration and schemas.
REPO = Path(__file__).resolve().parents[2]


def make_project(root: Path) -> Path:
    """A project in ``root`` that builds like the repository; returns ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "theme_overrides", root / "theme_overrides")
    shutil.copytree(REPO / "library", root / "library")
    (root / "docs").mkdir()
    return root


def build_site(project: Path, site: Path, *, campaign: str, epoch: str) -> Path:
    """``mkdocs build --strict`` of ``campaign`` in ``project`` on the day of ``epoch``
    (SOURCE_DATE_EPOCH) into ``site``; fails the test with MkDocs' output if it fails."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1"}
    env["CAMPAIGN"] = campaign
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site
