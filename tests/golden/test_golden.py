"""Golden validation cases: one YAML file per case in cases/, input files and expected outcome.

A case overlays files on the small valid campaign in base/ (a file set to null is removed)
and expects either the exact list of problems (``file:line:column: message``) or values of
the loaded model (``expect.values``: dotted path -> the value's str()).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from support.campaigns import OMIT, Omit, read_sample, write_campaign

from campaignkit.problems import CampaignError
from campaignkit.validation import load_campaign

HERE = Path(__file__).parent
CASES = sorted((HERE / "cases").glob("*.yml"))
#: The files of base/ as they are, so the positions the cases expect stay where they are.
BASE = read_sample(HERE / "base")


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
    expect = case["expect"]
    if "problems" in expect:
        with pytest.raises(CampaignError) as caught:
            load_campaign(folder, base=tmp_path)
        found = [f"{p.file}:{p.line}:{p.column}: {p.message}" for p in caught.value.problems]
        assert found == expect["problems"]
        for fragment in expect.get("hints", []):
            assert any(fragment in p.hint for p in caught.value.problems), fragment
    else:
        campaign = load_campaign(folder, base=tmp_path)
        for dotted, wanted in expect["values"].items():
            assert str(_lookup(campaign, dotted)) == str(wanted), dotted
