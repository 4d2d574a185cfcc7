"""Problems found in campaign files: where, what, and how to fix it, in plain Dutch."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place. Sorting orders problems by file, then position."""

    file: str
    line: int
    column: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.message}"
        return f"{text}\n    Oplossing: {self.hint}" if self.hint else text


class CampaignError(Exception):
    """Raised with every problem of a run at once; the only error campaign input can cause."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(set(problems)))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "probleem" if count == 1 else "problemen"
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} {noun} gevonden; er is niets gebouwd.")
        return "\n".join(lines)


def display_name(path: Path, base: Path | None = None) -> str:
    """A path as the coach sees it in the repository: relative, with forward slashes."""
    try:
        name = os.path.relpath(path, base or Path.cwd())
    except ValueError:  # another drive on Windows
        name = str(path)
    if name.startswith(".."):
        name = str(path)
    return name.replace(os.sep, "/")
