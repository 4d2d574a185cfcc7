"""Golden validation cases: one YAML file per case in cases/, input files and expected outcome.

A case overlays files on the small valid campaign in base/ (a file set to null is removed)
and expects either the exact list of problems (``file:line:column: message``) or values of
the loaded model (``expect.values``: dotted path -> the value's str()). A case with
``library`` overlays its files (paths under ``library/``; ``{symlink: target}`` makes a link)
on the small library in library-base/; ``others`` are more campaigns from base/ (slug ->
files), all checked together.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.campaigns import OMIT, Omit, read_sample, write_campaign

from campaignkit.problems import CampaignError
from campaignkit.validation import load_campaign, load_campaigns

HERE = Path(__file__).parent
CASES = sorted((HERE / "cases").glob("*.yml"))
#: The files of base/ as they are, so the positions the cases expect stay where they are.
BASE = read_sample(HERE / "base")
LIBRARY_BASE = HERE / "library-base"


def _file(content: str | dict[str, str] | None) -> str | bytes | Omit:
    """A case's file: its text, ``{bytes: hex}`` for bytes, or null to remove it."""
    if content is None:
        return OMIT
    if isinstance(content, dict):
        return bytes.fromhex(content["bytes"])
    return content


def _write_campaign(case: dict[str, Any], root: Path) -> Path:
    files = {name: _file(content) for name, content in (case.get("files") or {}).items()}
    return write_campaign(root / "campaigns", case.get("slug", "demo"), base=BASE, files=files)


def _write_library(case: dict[str, Any], root: Path) -> None:
    if "library" not in case:
        return
    shutil.copytree(LIBRARY_BASE, root / "library")
    for name, content in (case["library"] or {}).items():
        path = root / "library" / name
        if content is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        if isinstance(content, dict) and "symlink" in content:
            path.symlink_to(content["symlink"])
        elif isinstance(content, dict):
            path.write_bytes(bytes.fromhex(content["bytes"]))
        else:
            path.write_text(content, encoding="utf-8")


def _load(case: dict[str, Any], folder: Path, root: Path) -> Any:
    if not case.get("others"):
        return load_campaign(folder, base=root)
    others = [
        write_campaign(root / "campaigns", slug, base=BASE, files=dict(files or {}))
        for slug, files in case["others"].items()
    ]
    return load_campaigns(sorted([folder, *others]), base=root)[0]


def _lookup(campaign: Any, dotted: str) -> Any:
    value = campaign
    for part in dotted.split("."):
        if part.startswith("@"):  # an action or event by slug
            value = next(item for item in value if item.slug == part[1:])
        elif part.isdigit():
            value = value[int(part)]
        else:
            value = getattr(value, part)
    return value


@pytest.mark.parametrize("case_path", CASES, ids=[p.stem for p in CASES])
def test_case(case_path: Path, tmp_path: Path) -> None:
    case = yaml.safe_load(case_path.read_text(encoding="utf-8"))
    folder = _write_campaign(case, tmp_path)
    _write_library(case, tmp_path)
    expect = case["expect"]
    if "problems" in expect:
        with pytest.raises(CampaignError) as caught:
            _load(case, folder, tmp_path)
        found = [f"{p.file}:{p.line}:{p.column}: {p.message}" for p in caught.value.problems]
        assert found == expect["problems"]
        for fragment in expect.get("hints", []):
            assert any(fragment in p.hint for p in caught.value.problems), fragment
    else:
        campaign = _load(case, folder, tmp_path)
        for dotted, wanted in expect["values"].items():
            assert str(_lookup(campaign, dotted)) == str(wanted), dotted
