"""A portal whose campaigns take most of their actions from one shared library, one run.

Generates a library of ``--library-actions`` actions (Dutch text with placeholders) and
``--campaigns`` campaigns of ``--actions`` actions each, ``--from`` of them taken from the
library (the first library action by exactly ``--users`` campaigns), and measures, so the
ratios mean something on a busy machine:

1. the cold portal build (empty cache);
2. the rebuild after editing the library action that ``--users`` campaigns use, against
3. the rebuild after editing an own action in each of those campaigns (rebuilding those
   campaigns alone): target 2 <= 1.2 x 3;
4. ``campaignkit validate`` of the whole portal, against the same campaigns with every
   library action written out in full (no library): target no slower (within 15 %).

    .venv/bin/python benchmarks/library.py [--campaigns 40] [--actions 50] [--from 30]
        [--library-actions 50] [--users 10] [--keep DIR]

A small run: ``--campaigns 6 --actions 8 --from 5 --library-actions 10 --users 2``.
Exits with 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"
CAMPAIGNKIT = ROOT / ".venv" / "bin" / "campaignkit"
SOURCE_DATE_EPOCH = int(datetime(2027, 1, 15, 12, tzinfo=UTC).timestamp())
THEMES = ("energie", "mobiliteit", "vergroening", "water", "voeding", "consumptie", "afval")
BODY = (
    "Samen met je buren maak je {{ municipality.name }} klimaatvriendelijker. Deze actie "
    "is eenvoudig te starten: een trekker, een paar buren en wat hulp van de gemeente.\n\n"
    "- kies samen een datum;\n- vraag het startpakket aan;\n- deel wat jullie leerden.\n\n"
    "Vragen? Mail naar {{ contact.email }}.\n"
)


def dump(data: dict[str, object]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def library_action(index: int) -> dict[str, object]:
    return {
        "title": f"Bibliotheekactie {index + 1} in {{{{ municipality.name }}}}",
        "summary": f"Een beproefde actie nummer {index + 1}, klaar om over te nemen.",
        "theme": THEMES[index % len(THEMES)],
        "audience": ["inwoners", "gezinnen"],
        "effort": ("low", "medium", "high")[index % 3],
        "body": BODY,
    }


def chosen(campaign: int, taken: int, available: int, users: int) -> list[int]:
    """The library actions a campaign takes: action 0 by the first ``users`` campaigns only."""
    picks = [0] if campaign < users else []
    step = 0
    while len(picks) < taken:
        candidate = (campaign * 7 + step) % (available - 1) + 1
        if candidate not in picks:
            picks.append(candidate)
        step += 1
    return picks


def campaign_file(index: int, name: str) -> dict[str, object]:
    slug = name.lower()
    return {
        "title": f"Klimaat in {name}",
        "intro": f"Doe mee met je straat in {name}.",
        "municipality": {"name": name},
        "period": {"start": "2027-03-01", "end": "2027-10-31"},
        "contact": {"email": f"klimaat@{slug}.be"},
        "branding": {"primary": "#1b5e20"},
    }


def make_project(project: Path, args: argparse.Namespace, *, expanded: bool) -> list[str]:
    """The portal project; with ``expanded``, every library action written out in full."""
    project.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("theme_overrides", "docs"):
        shutil.copytree(ROOT / folder, project / folder, dirs_exist_ok=True)
    library = project / "library" / "bench"
    (library / "actions").mkdir(parents=True, exist_ok=True)
    (library / "library.yml").write_text("name: Benchmarkbibliotheek\n", "utf-8")
    for number in range(args.library_actions):
        text = dump(library_action(number))
        (library / "actions" / f"actie-{number + 1}.yml").write_text(text, "utf-8")
    slugs = []
    for index in range(args.campaigns):
        name = f"Gemeente{index + 1:03d}"
        folder = project / "campaigns" / name.lower()
        (folder / "actions").mkdir(parents=True, exist_ok=True)
        settings = campaign_file(index, name)
        (folder / "campaign.yml").write_text(dump(settings), "utf-8")
        picks = chosen(index, args.from_library, args.library_actions, args.users)
        for number in picks:
            path = folder / "actions" / f"actie-{number + 1}.yml"
            if expanded:
                data = library_action(number)
                data["title"] = str(data["title"]).replace("{{ municipality.name }}", name)
                data["body"] = BODY.replace("{{ municipality.name }}", name).replace(
                    "{{ contact.email }}", f"klimaat@{name.lower()}.be"
                )
                path.write_text(dump(data), "utf-8")
            else:
                path.write_text(f"from: bench/actie-{number + 1}\nstatus: running\n", "utf-8")
        for own in range(args.actions - len(picks)):
            data = library_action(1000 + own)
            data["title"] = f"Eigen actie {own + 1}"
            data["body"] = "Een actie van deze gemeente alleen."
            (folder / "actions" / f"eigen-{own + 1}.yml").write_text(dump(data), "utf-8")
        slugs.append(folder.name)
    return slugs


def timed(command: list[str], project: Path, label: str) -> tuple[float, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CAMPAIGN", "CAMPAIGNKIT_SHARD")}
    env.update(SOURCE_DATE_EPOCH=str(SOURCE_DATE_EPOCH), NO_MKDOCS_2_WARNING="1")
    print(f"  {label} ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode:
        sys.exit(f"{label} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    print(f"  {label}: {seconds:.1f} s", file=sys.stderr, flush=True)
    return seconds, result.stderr


def built(log: str) -> int:
    return len(re.findall(r"\] \S+: gebouwd in", log))


def append(path: Path, line: str) -> None:
    path.write_text(path.read_text("utf-8") + line, "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--campaigns", type=int, default=40)
    parser.add_argument("--actions", type=int, default=50)
    parser.add_argument("--from", dest="from_library", type=int, default=30)
    parser.add_argument("--library-actions", type=int, default=50)
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    assert args.users <= args.campaigns and args.from_library < args.library_actions
    work = args.keep or Path(tempfile.mkdtemp(prefix="campaignkit-library-"))
    project, plain = work / "project", work / "without-library"
    slugs = make_project(project, args, expanded=False)
    make_project(plain, args, expanded=True)
    build = [str(MKDOCS), "build", "--strict"]
    cold, _ = timed(build, project, "1 cold portal build")
    edit = project / "library" / "bench" / "actions" / "actie-1.yml"
    append(edit, "status: running\n")
    library_edit, log_library = timed(build, project, "2 rebuild after a library edit")
    for slug in slugs[: args.users]:
        own = project / "campaigns" / slug / "actions" / "eigen-1.yml"
        append(own, "status: done\n")
    own_edit, log_own = timed(build, project, "3 rebuild after editing those campaigns")
    validate = [str(CAMPAIGNKIT), "validate", "campaigns"]
    with_library = min(timed(validate, project, "4 validate with library")[0] for _ in range(3))
    without = min(timed(validate, plain, "4 validate without library")[0] for _ in range(3))
    ratio, check = library_edit / own_edit, with_library / without
    print(
        f"campaigns {args.campaigns}, actions {args.actions} ({args.from_library} from the "
        f"library of {args.library_actions}); the edited action is used by {args.users}"
    )
    print(f"1 cold portal build:                 {cold:8.1f} s")
    print(
        f"2 rebuild after a library edit:      {library_edit:8.1f} s "
        f"({built(log_library)} campaigns built)"
    )
    print(
        f"3 rebuild of those campaigns alone:  {own_edit:8.1f} s ({built(log_own)} campaigns built)"
    )
    print(f"  ratio 2/3: {ratio:.2f} (target <= 1.2)")
    print(
        f"4 validate with / without library:   {with_library:.2f} s / {without:.2f} s, "
        f"ratio {check:.2f} (target <= 1.15)"
    )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    ok = ratio <= 1.2 and check <= 1.15 and built(log_library) == args.users
    print("OK" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
