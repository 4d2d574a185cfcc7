"""A built-in text filled in for a campaign can outgrow its channel (long names, a long
summary): it is shortened by whole sentences and list items, never mid-sentence.

The filled-in Markdown is cut into units: headings and list items whole, paragraphs by
sentence (:func:`campaignkit.blocks.sentences`). Units are dropped from the end, except
headings, the first sentence and the units that hold a web or e-mail address (how a reader
acts: a post still ends with its link); a sentence left announcing what was dropped (ending
on a colon) goes with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from campaignkit.blocks import sentences

_HEADING = re.compile(r"#{1,6}\s")
_ITEM = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)])\s")
_ADDRESS = re.compile(r"https?://|www\.|\S@\S")


@dataclass(frozen=True)
class _Unit:
    text: str
    chunk: int  # the paragraph (blank-line separated part) it is in
    line: bool  # a line of its own (heading, list item), not a sentence of a paragraph

    @property
    def kept(self) -> bool:
        return bool(_HEADING.match(self.text) or _ADDRESS.search(self.text))


def _units(markdown: str) -> list[_Unit]:
    found: list[_Unit] = []
    for chunk, part in enumerate(re.split(r"\n[ \t]*\n", markdown.strip())):
        paragraph: list[str] = []
        for line in [*part.split("\n"), None]:
            own = line is None or bool(_HEADING.match(line) or _ITEM.match(line))
            if own and paragraph:
                text = "\n".join(paragraph)
                found.extend(_Unit(s, chunk, False) for s in sentences(text))
                paragraph = []
            if line is None:
                continue
            if own:
                found.append(_Unit(line, chunk, True))
            else:
                paragraph.append(line)
    return found


def _joined(units: list[_Unit]) -> str:
    chunks: list[str] = []
    last = -1
    for unit in units:
        if unit.chunk != last:
            chunks.append(unit.text)
        elif unit.line or chunks[-1].endswith("\n"):
            chunks[-1] = chunks[-1].rstrip(" ") + "\n" + unit.text
        else:
            chunks[-1] += unit.text
        last = unit.chunk
    return "\n\n".join(chunk.rstrip() for chunk in chunks) + "\n"


def shortened(markdown: str, fits: Callable[[str], bool]) -> str | None:
    """``markdown`` without as few of its last units as ``fits`` needs; ``None`` when even
    the units that must stay do not fit."""
    units = _units(markdown)
    # A text keeps at least its first sentence: a post of a link alone says nothing.
    first = next((unit for unit in units if not _HEADING.match(unit.text)), None)
    while not fits(_joined(units)):
        droppable = [i for i, unit in enumerate(units) if not unit.kept and unit is not first]
        if not droppable:
            return None
        del units[droppable[-1]]
        # A sentence that announced what went ("Je kan meedoen met:") goes too.
        while True:
            left = [i for i, unit in enumerate(units) if not unit.kept and unit is not first]
            if not left or not units[left[-1]].text.rstrip().endswith(":"):
                break
            following = units[left[-1] + 1] if left[-1] + 1 < len(units) else None
            if following is not None and _ITEM.match(following.text):
                break  # its list is still there
            del units[left[-1]]
    return _joined(units)
