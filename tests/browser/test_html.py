"""The Nu HTML Checker over every HTML file of every build, in one run of Java."""

from __future__ import annotations

import pytest
from checks import load_filters, unfiltered, vnu_messages
from sites import SITES, Build

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def vnu(builds: dict[str, Build]) -> dict[str, list[str]]:
    """Every message of the checker, per build."""
    files = [file for build in builds.values() for file in build.html_files()]
    root = next(iter(builds.values())).site_dir.parent
    messages = vnu_messages(files, root)
    return {name: [m for m in messages if m.startswith(f"site-{name}/")] for name in builds}


def _grouped(errors: list[str]) -> str:
    """The same message on many pages, said once with the pages it is on."""
    pages: dict[str, list[str]] = {}
    for error in errors:
        where, _, message = error.partition(": ")
        pages.setdefault(message, []).append(where)
    lines = []
    for message, places in pages.items():
        shown = ", ".join(places[:4]) + (f" and {len(places) - 4} more" if len(places) > 4 else "")
        lines.append(f"{message}\n    in {shown}")
    return "\n".join(lines)


@pytest.mark.parametrize("name", SITES)
def test_nu_html_checker_finds_no_errors(vnu: dict[str, list[str]], name: str) -> None:
    errors = unfiltered(vnu[name], load_filters())
    assert not errors, _grouped(errors)


def test_every_filter_is_still_needed(vnu: dict[str, list[str]]) -> None:
    messages = [m for found in vnu.values() for m in found]
    stale = [
        f"{f.pattern.pattern}  ({f.reason})"
        for f in load_filters()
        if not any(f.pattern.search(m) for m in messages)
    ]
    assert not stale, "vnu-filter.txt entries that match nothing any more:\n" + "\n".join(stale)
