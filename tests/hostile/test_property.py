"""Random and mutated campaign files never escape as anything but CampaignError."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaignkit.problems import CampaignError
from campaignkit.validation import load_campaign

BASE = Path(__file__).parents[1] / "golden" / "base"
SLOTS = ["campaign.yml", "actions/geveltuin.yml", "events/markt.yml"]
PIECES = st.sampled_from(
    [*list(":-[]{}&*!|>'\"#%@`,?\n\t "), "  ", "\n  ", "- ", ": ", "\u202e", "\x00", "é", "0", "a"]
)
YAML_TEXT = st.lists(PIECES, max_size=40).map("".join)


def _mutate(original: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    data = bytearray(original)
    for position, delete, insert in edits:
        at = position % (len(data) + 1)
        data[at : at + delete] = insert
    return bytes(data)


def _check(slot: str, content: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "campaigns" / "demo"
        shutil.copytree(BASE, folder)
        (folder / slot).write_bytes(content)
        try:
            load_campaign(folder, base=Path(tmp))
        except CampaignError as error:
            assert error.problems
            for problem in error.problems:
                assert problem.file.startswith("campaigns/demo/")
                assert problem.line >= 1 and problem.column >= 1 and problem.message


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(
    slot=st.sampled_from(SLOTS),
    edits=st.lists(
        st.tuples(
            st.integers(0, 400),
            st.integers(0, 5),
            st.lists(PIECES, max_size=4).map(lambda s: "".join(s).encode()),
        ),
        min_size=1,
        max_size=6,
    ),
)
def test_mutated_files(slot: str, edits: list[tuple[int, int, bytes]]) -> None:
    _check(slot, _mutate((BASE / slot).read_bytes(), edits))


@settings(max_examples=100, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(slot=st.sampled_from(SLOTS), content=st.binary(max_size=300))
def test_random_bytes(slot: str, content: bytes) -> None:
    _check(slot, content)


@settings(max_examples=100, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(slot=st.sampled_from(SLOTS), content=YAML_TEXT)
def test_random_yaml_like_text(slot: str, content: str) -> None:
    _check(slot, content.encode())
