"""A temporary MkDocs project for whole builds: the repository's ``mkdocs.yml``,
``theme_overrides/`` and shared libraries (``library/``, which the examples use), an empty
``docs/``; the tests write campaigns into ``campaigns/``."""

from __future__ import annotations

import shutil
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
