"""Time `campaignkit teams import` on a large sign-up export.

Makes a Windows-1252, semicolon-separated export as Excel writes it (a timestamp, the
resident's name, e-mail address and phone number, the team's name, kind, households,
actions and a story with line breaks) and imports it into a copy of the Asse example:

- 5,000 rows read and checked, every row as the build checks a team file (target: under
  2 s). A campaign holds at most 500 teams, so this import is refused as a whole, with
  the row where the limit is passed; the check is the work.
- 500 rows imported: read, checked and written as team files.

Each is printed against the time the standard library's CSV reader takes to read the
same file alone, measured in the same run.

    .venv/bin/python benchmarks/teams_import.py [--rows 5000]
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from campaignkit.signups import plan_import, write_plan
from campaignkit.spreadsheets import read_table

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 2.0
HEADERS = [
    "Tijdstempel",
    "Naam",
    "E-mailadres",
    "Telefoon",
    "Naam van jullie ploeg",
    "Soort ploeg",
    "Aantal gezinnen dat meedoet",
    "Hoeveel gezinnen wonen er in de straat?",
    "Welke acties kiezen jullie?",
    "Vertel iets over jullie ploeg",
]
ACTIONS = ["Tegels eruit", "Een geveltuin langs je gevel", "tegels-eruit, regenwaterton"]


def _export(rows: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    for n in range(rows):
        writer.writerow(
            [
                f"{n % 28 + 1:02d}/03/2027 14:05:33",
                f"Bewoner {n}",
                f"bewoner{n}@example.be",
                f"0471 {n % 100:02d} 34 56",
                f"Straat {n} – Éénhoorn",
                ("Straat", "wijk", "Een school")[n % 3],
                str(n % 40 + 1),
                str(n % 40 + 41),
                ACTIONS[n % len(ACTIONS)],
                "We doen mee.\nMet de hele straat." if n % 2 else "",
            ]
        )
    return out.getvalue().encode("cp1252")


def _campaign(work: Path) -> Path:
    folder = work / "campaigns" / "asse"
    shutil.copytree(ROOT / "campaigns" / "asse", folder)
    shutil.rmtree(folder / "teams", ignore_errors=True)
    return folder


def _reading(path: Path) -> float:
    start = time.perf_counter()
    text = path.read_bytes().decode("cp1252")
    sum(1 for _ in csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="import-bench-") as work:
        folder = _campaign(Path(work))
        big = Path(work) / "groot.csv"
        big.write_bytes(_export(args.rows))
        baseline = min(_reading(big) for _ in range(3))

        start = time.perf_counter()
        plan = plan_import(folder, read_table(big, big.name), {}, date(2027, 4, 1))
        checked = time.perf_counter() - start
        refused = [p for p in plan.problems if "hooguit" in p.message]
        print(
            f"{args.rows} rows read and checked: {checked:.2f} s "
            f"(target < {TARGET_SECONDS:.0f} s; {checked / baseline:.0f}x the CSV reading "
            f"alone, {baseline * 1000:.0f} ms); {len(plan.teams)} teams planned"
            + (f", refused: {refused[0]}" if refused else "")
        )

        small = Path(work) / "klein.csv"
        small.write_bytes(_export(500))
        baseline_small = min(_reading(small) for _ in range(3))
        start = time.perf_counter()
        plan = plan_import(folder, read_table(small, small.name), {}, date(2027, 4, 1))
        written, _ = write_plan(folder, plan)
        imported = time.perf_counter() - start
        print(
            f"500 rows imported (files written): {imported:.2f} s "
            f"({imported / baseline_small:.0f}x the CSV reading alone); {len(written)} files"
        )
    return 0 if checked < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
