"""A temporary MkDocs project for whole builds: the repository's ``mkdocs.yml`` and
``theme_overrides/``, and an empty ``docs/``; the tests add the campaigns."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def make_project(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "theme_overrides", root / "theme_overrides")
    (root / "docs").mkdir()
    return root
