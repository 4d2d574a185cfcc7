"""The campaign's phases: each starts after the one before it ends (the model checks each
phase on its own, start before end)."""

from __future__ import annotations

from collections.abc import Sequence

from campaignkit.loading import Document
from campaignkit.model import Phase
from campaignkit.problems import Problem


def phase_problems(doc: Document, phases: Sequence[Phase]) -> list[Problem]:
    """Phases follow each other: each starts after the one before it ends."""
    problems: list[Problem] = []
    for index in range(1, len(phases)):
        before, phase = phases[index - 1], phases[index]
        if phase.start > before.end:
            continue
        if phase.start < before.start:
            message = (
                f"De fase '{phase.title}' begint voor de fase erboven ('{before.title}', "
                f"vanaf {before.start.isoformat()})."
            )
            hint = "Zet de fasen in de volgorde waarin ze gebeuren, de eerste bovenaan."
        else:
            message = (
                f"De fase '{phase.title}' begint op {phase.start.isoformat()}, maar de fase "
                f"erboven ('{before.title}') loopt nog tot {before.end.isoformat()}."
            )
            hint = (
                f"Laat deze fase pas na {before.end.isoformat()} beginnen, of laat de fase "
                "erboven vroeger eindigen: fasen overlappen niet."
            )
        problems.append(doc.problem(("phases", index, "start"), message, hint))
    return problems
