"""Random and mutated campaign files never escape as anything but CampaignError."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.campaigns import read_sample, write_campaign

from campaignkit import loading
from campaignkit.loading import Document
from campaignkit.problems import CampaignError, Problem
from campaignkit.validation import load_campaign

#: The golden cases' small valid campaign, whose files the tests change one at a time.
NEWS_FILE = "news/markt.md"
BASE = read_sample(Path(__file__).parents[1] / "golden" / "base").changed(
    files={
        NEWS_FILE: "---\ntitle: Foto's van de markt\ndate: 2027-05-16\nsummary: Een succes.\n"
        "actions: [geveltuin]\nevents: [markt]\n---\nDe **markt** was een succes.\n"
    }
)
#: The YAML files; the news file (front matter and Markdown) is mutated too, below.
SLOTS = ["campaign.yml", "actions/geveltuin.yml", "events/markt.yml"]
FILE_SLOTS = [*SLOTS, NEWS_FILE]
PIECES = st.sampled_from(
    [*list(":-[]{}&*!|>'\"#%@`,?\n\t "), "  ", "\n  ", "- ", ": ", "\u202e", "\x00", "é", "0", "a"]
)
YAML_TEXT = st.lists(PIECES, max_size=40).map("".join)
#: Up to six edits of a file: (position, characters deleted, text inserted).
EDITS = st.lists(
    st.tuples(
        st.integers(0, 400),
        st.integers(0, 5),
        st.lists(PIECES, max_size=4).map(lambda s: "".join(s).encode()),
    ),
    min_size=1,
    max_size=6,
)


def _mutate(original: str | bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    data = bytearray(original.encode() if isinstance(original, str) else original)
    for position, delete, insert in edits:
        at = position % (len(data) + 1)
        data[at : at + delete] = insert
    return bytes(data)


def _check(slot: str, content: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_campaign(Path(tmp) / "campaigns", "demo", base=BASE, files={slot: content})
        try:
            load_campaign(folder, base=Path(tmp))
        except CampaignError as error:
            assert error.problems
            for problem in error.problems:
                assert problem.file.startswith("campaigns/demo/")
                assert problem.line >= 1 and problem.column >= 1 and problem.message


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(
    slot=st.sampled_from(FILE_SLOTS),
    edits=EDITS,
)
def test_mutated_files(slot: str, edits: list[tuple[int, int, bytes]]) -> None:
    _check(slot, _mutate(BASE.contents()[slot], edits))


@settings(max_examples=100, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(slot=st.sampled_from(FILE_SLOTS), content=st.binary(max_size=300))
def test_random_bytes(slot: str, content: bytes) -> None:
    _check(slot, content)


@settings(max_examples=100, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(slot=st.sampled_from(FILE_SLOTS), content=YAML_TEXT)
def test_random_yaml_like_text(slot: str, content: str) -> None:
    _check(slot, content.encode())


def _read_with(fast: bool, raw: bytes, *, keep_going: bool = False) -> Document | list[Problem]:
    """parse_document with LibYAML's events first (as campaignkit reads) or PyYAML alone."""
    saved = loading._FastLoader
    if not fast:
        loading._FastLoader = None
    try:
        return loading.parse_document(raw, "f.yml", keep_going=keep_going)
    except CampaignError as error:
        return error.problems
    finally:
        loading._FastLoader = saved


REPO = Path(__file__).parents[2]
YAML_FILES = sorted(
    path
    for folder in (
        "campaigns",
        "tests/golden",
        "tests/hostile/yaml",
        "plugins/campaignkit/scaffold",
    )
    for path in (REPO / folder).rglob("*.y*ml")
)


def test_both_readers_agree_on_every_file_of_the_repository() -> None:
    """Values and the positions problems point at are the same whichever reader ran."""
    assert loading._FastLoader is not None, "PyYAML is installed without LibYAML"
    assert len(YAML_FILES) > 100
    for path in YAML_FILES:
        raw = path.read_bytes()
        assert _read_with(True, raw) == _read_with(False, raw), path
        keep_going = _read_with(True, raw, keep_going=True)
        assert keep_going == _read_with(False, raw, keep_going=True), path


@settings(max_examples=int(os.environ.get("CAMPAIGNKIT_EXAMPLES", "300")), deadline=2000)
@given(
    slot=st.sampled_from(SLOTS),
    edits=EDITS,
)
def test_both_readers_agree_on_mutated_files(
    slot: str, edits: list[tuple[int, int, bytes]]
) -> None:
    """Whatever PyYAML reads, LibYAML reads the same, with the same positions. (LibYAML also
    reads a few things PyYAML refuses, such as ``[g?eveltuin]``: those then go on to
    validation like any other text.)"""
    raw = _mutate(BASE.contents()[slot], edits)
    slow = _read_with(False, raw)
    fast = _read_with(True, raw)
    if isinstance(slow, Document) or not isinstance(fast, Document):
        assert fast == slow
