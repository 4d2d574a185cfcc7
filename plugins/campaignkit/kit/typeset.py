"""Text set in lines for print: posters (and flyers) in the kit's typeface.

Words are measured in the embedded TrueType font and broken only where a reader expects:
between words, after a hyphen or a soft hyphen, and a web address only after a ``/`` (never
at the hyphen of ``workshop-insectenhotel``). A text of blocks (:mod:`campaignkit.blocks`)
is laid out in a type scale with a floor; when it does not fit at the floor, it is taken by
whole sentences and list items until the space is full (:func:`campaignkit.blocks.leading`),
never ending on a colon.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics

from campaignkit.blocks import Block, leading

_SOFT_HYPHEN = "\u00ad"
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
#: Line height, and the space after a paragraph or heading, in font sizes.
LEADING = 1.3
PARAGRAPH_GAP = 0.55
ITEM_GAP = 0.2
HEADING_SCALE = 1.15


@dataclass(frozen=True)
class Fonts:
    """Registered reportlab font names."""

    regular: str
    bold: str

    def of(self, bold: bool) -> str:
        return self.bold if bold else self.regular


@dataclass(frozen=True)
class Run:
    """Text in one font."""

    text: str
    bold: bool = False


#: A word: one or more runs with no space between them.
Word = tuple[Run, ...]


@dataclass(frozen=True)
class Line:
    """One line of set text: its runs, where it starts (from the text's left edge), its size,
    and its baseline (down from the top of the text)."""

    runs: tuple[Run, ...]
    x: float
    size: float
    baseline: float

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Setting:
    """A text set in lines: the lines, their height, the body size, and what was taken."""

    lines: tuple[Line, ...]
    height: float
    size: float
    blocks: tuple[Block, ...]
    complete: bool


def width_of(runs: Sequence[Run], fonts: Fonts, size: float) -> float:
    return sum(
        float(pdfmetrics.stringWidth(run.text, fonts.of(run.bold), size))
        for run in runs
        if run.text
    )


def _shown(runs: Sequence[Run]) -> tuple[Run, ...]:
    """Runs as drawn, one per font: soft hyphens vanish, except one that ends a line
    becomes a hyphen."""
    shown = [Run(run.text, run.bold) for run in runs]
    if shown and shown[-1].text.endswith(_SOFT_HYPHEN):
        shown[-1] = Run(shown[-1].text[:-1] + "-", shown[-1].bold)
    merged: list[Run] = []
    for run in shown:
        text = run.text.replace(_SOFT_HYPHEN, "")
        if merged and merged[-1].bold == run.bold:
            merged[-1] = Run(merged[-1].text + text, run.bold)
        elif text:
            merged.append(Run(text, run.bold))
    return tuple(merged)


def words(runs: Sequence[Run]) -> list[Word]:
    """The words of ``runs`` (a word may change font midway: ``klimaat**straat**``)."""
    found: list[list[Run]] = []
    glued = False  # the next piece continues the last word
    for run in runs:
        for index, part in enumerate(re.split(r"(\s+)", run.text)):
            if not part:
                continue
            if index % 2:  # whitespace
                glued = False
                continue
            if glued and found:
                found[-1].append(Run(part, run.bold))
            else:
                found.append([Run(part, run.bold)])
            glued = True
    return [tuple(word) for word in found]


def _breaks(text: str) -> list[int]:
    """Where a word may break (offsets after which a line may end)."""
    if _URL.fullmatch(text.strip("()[]<>.,;:!?")):
        scheme = text.find("://")
        skip = scheme + 3 if scheme >= 0 else 0
        return [i + 1 for i, char in enumerate(text) if char == "/" and i + 1 > skip]
    return [i + 1 for i, char in enumerate(text[:-1]) if char in ("-", _SOFT_HYPHEN)]


def _pieces(word: Word) -> list[Word]:
    """The word cut at every place it may break."""
    text = "".join(run.text for run in word)
    cuts = [0, *_breaks(text), len(text)]
    pieces = []
    for start, end in itertools.pairwise(cuts):
        if end > start:
            pieces.append(_slice(word, start, end))
    return pieces


def _slice(word: Word, start: int, end: int) -> Word:
    runs, position = [], 0
    for run in word:
        a, b = max(start, position), min(end, position + len(run.text))
        if a < b:
            runs.append(Run(run.text[a - position : b - position], run.bold))
        position += len(run.text)
    return tuple(runs)


def _chars(word: Word) -> list[Word]:
    text = "".join(run.text for run in word)
    return [_slice(word, i, i + 1) for i in range(len(text))]


def wrap(runs: Sequence[Run], fonts: Fonts, size: float, width: float) -> list[tuple[Run, ...]]:
    """Lines of at most ``width`` points (a piece too wide alone is cut between letters)."""
    lines: list[list[Run]] = []
    line: list[Run] = []

    def fits(candidate: Sequence[Run]) -> bool:
        return width_of(_shown(candidate), fonts, size) <= width

    for word in words(runs):
        space = [Run(" ", word[0].bold)] if line else []
        if fits([*line, *space, *word]):
            line += [*space, *word]
            continue
        pieces = _pieces(word)
        if len(pieces) == 1 and not fits(word):
            pieces = _chars(word)
        if line:
            # What fits of the word stays on this line; the rest goes on the next ones.
            used = 0
            while used < len(pieces) and fits([*line, *space, *_joined(pieces[: used + 1])]):
                used += 1
            if used and used < len(pieces):
                lines.append([*line, *space, *_joined(pieces[:used])])
                pieces = pieces[used:]
            else:
                lines.append(line)
            line = []
        while pieces:
            used = 0
            while used < len(pieces) and fits(_joined(pieces[: used + 1])):
                used += 1
            used = max(used, 1)
            if used == len(pieces):
                line = _joined(pieces)
                break
            lines.append(_joined(pieces[:used]))
            pieces = pieces[used:]
    if line:
        lines.append(line)
    return [_shown(found) for found in lines]


def _joined(pieces: Sequence[Word]) -> list[Run]:
    return [run for piece in pieces for run in piece]


def fit_line(
    text: str,
    fonts: Fonts,
    *,
    bold: bool,
    width: float,
    largest: float,
    smallest: float,
    max_lines: int,
) -> tuple[float, list[str]]:
    """One line of text (a title, a date, an address) as large as ``max_lines`` allow; at
    the smallest size, what does not fit ends in "…" (these are names, not sentences)."""
    size = largest
    runs = [Run(" ".join(text.split()), bold)]
    while True:
        lines = wrap(runs, fonts, size, width)
        if len(lines) <= max_lines or size <= smallest:
            break
        size = max(smallest, size - 1)
    found = ["".join(run.text for run in line) for line in lines]
    if len(found) > max_lines:
        found = found[:max_lines]
        last = found[-1]
        while last and width_of([Run(last + "…", bold)], fonts, size) > width:
            last = last[:-1]
        found[-1] = last.rstrip() + "…"
    return size, found


def set_blocks(
    blocks: Sequence[Block], fonts: Fonts, size: float, width: float
) -> tuple[tuple[Line, ...], float]:
    """``blocks`` laid out at body ``size``: headings larger and bold, paragraphs, list items
    with a bullet (or their number) and a hanging indent. Returns the lines and the height."""
    lines: list[Line] = []
    y = 0.0
    previous: Block | None = None
    for block in blocks:
        if previous is not None:
            same_list = previous.kind == block.kind == "item"
            y += (ITEM_GAP if same_list else PARAGRAPH_GAP) * size
        block_size = size * HEADING_SCALE if block.kind == "heading" else size
        runs = [Run(span.text, span.bold or block.kind == "heading") for span in block.spans]
        indent = 0.0
        if block.kind == "item":
            marker = f"{block.number}." if block.number is not None else "•"
            indent = size * 1.2 * max(0, block.level - 1)
            step = max(size * 1.1, width_of([Run(marker + " ")], fonts, size))
            lines.append(Line((Run(marker),), indent, size, y + size))
            indent += step
        for index, found in enumerate(wrap(runs, fonts, block_size, width - indent)):
            if index:
                y += block_size * LEADING
            lines.append(Line(found, indent, block_size, y + block_size))
        y += block_size * LEADING
        previous = block
    return tuple(lines), y


def fit_blocks(
    blocks: Sequence[Block],
    fonts: Fonts,
    *,
    width: float,
    height: float,
    sizes: Sequence[float],
) -> Setting:
    """``blocks`` at the largest of ``sizes`` at which all of them fit in the box; at the
    smallest (the floor), the whole sentences and list items that fit."""
    for size in sizes:
        lines, used = set_blocks(blocks, fonts, size, width)
        if used <= height:
            return Setting(lines, used, size, tuple(blocks), True)
    floor = sizes[-1]
    taken = leading(
        tuple(blocks), lambda chosen: set_blocks(chosen, fonts, floor, width)[1] <= height
    )
    lines, used = set_blocks(taken, fonts, floor, width)
    return Setting(lines, used, floor, taken, False)
