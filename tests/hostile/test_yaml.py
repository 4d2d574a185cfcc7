"""Hostile YAML: each file in yaml/ says on its first line what must happen to it.

``# expect: <text>[ @line:col]``: loading fails with a located problem containing the text.
``# value: <key> = <text>``: loading succeeds and the key holds exactly that text
(``<absent>``: the key counts as not given). A file without such a line must fail cleanly.
Every case must finish within 2 s and raise nothing but CampaignError.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from campaignkit.loading import parse_document
from campaignkit.problems import CampaignError, Problem

CASES = sorted((Path(__file__).parent / "yaml").iterdir())


def _header(raw: bytes) -> str:
    first = raw.lstrip(b"\xef\xbb\xbf\xff\xfe").split(b"\n", 1)[0]
    return first.decode("utf-8", "replace").strip()


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_hostile_yaml(path: Path) -> None:
    raw = path.read_bytes()
    header = _header(raw)
    started = time.perf_counter()
    try:
        document = parse_document(raw, path.name)
        problems = None
    except CampaignError as error:
        document, problems = None, error.problems
    assert time.perf_counter() - started < 2.0
    if header.startswith("# value:"):
        assert problems is None, problems
        key, wanted = (part.strip() for part in header[len("# value:") :].split("=", 1))
        if wanted == "<absent>":
            assert key not in document.data
        else:
            assert document.data[key] == wanted
        return
    assert problems, "hostile input must be refused"
    for problem in problems:
        assert problem.file == path.name and problem.line >= 1 and problem.column >= 1
    if header.startswith("# expect:"):
        spec = header[len("# expect:") :].strip()
        where = re.search(r"@(\d+):(\d+)$", spec)
        text = spec[: where.start()].strip() if where else spec
        assert any(text in p.message for p in problems), [p.message for p in problems]
        if where:
            assert (problems[0].line, problems[0].column) == tuple(map(int, where.groups()))


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_keep_going_returns_only_keys_given_twice(path: Path) -> None:
    """A reader that keeps going gets a key given twice with the data (its first value);
    everything else is still raised, the same as for a reader that stops."""
    raw = path.read_bytes()
    strict: tuple[Problem, ...] = ()
    try:
        parse_document(raw, path.name)
    except CampaignError as error:
        strict = error.problems
    try:
        document = parse_document(raw, path.name, keep_going=True)
    except CampaignError as error:
        assert error.problems == strict
        assert not all("twee keer" in p.message for p in error.problems)
        return
    assert tuple(sorted(document.problems)) == strict
    assert all("twee keer" in p.message for p in document.problems)
