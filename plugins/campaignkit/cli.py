"""The ``campaignkit`` command: new, validate, schema, build, kit, teams import, library,
forms, from-issue."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from campaignkit.library import Libraries, default_dirs, find_libraries
from campaignkit.library.records import DEFAULT_DIR
from campaignkit.library.report import listing, report
from campaignkit.library.usage import campaign_usage
from campaignkit.portal.shards import parse_shard
from campaignkit.problems import CampaignError, Problem, display_name
from campaignkit.request import CAMPAIGN_ENV, SHARD_ENV, BuildRequest
from campaignkit.scaffold import ScaffoldError, new_campaign
from campaignkit.schema import write_schemas
from campaignkit.validation import (
    CAMPAIGN_FILE,
    find_campaigns,
    load_campaign_and_texts,
    load_campaigns,
)


def _campaign_folders(path: Path) -> list[Path]:
    """A campaign folder itself, or every campaign inside a folder of campaigns; says so
    when there are none."""
    if (path / CAMPAIGN_FILE).is_file():
        return [path]
    folders = find_campaigns(path)
    if not folders:
        print(
            f"Geen campagnes gevonden in {path}: een campagne is een map met een {CAMPAIGN_FILE}.",
            file=sys.stderr,
        )
    return folders


def _print_problems(problems: Sequence[Problem], style: str) -> None:
    for problem in problems:
        if style == "github":
            # GitHub turns these lines into annotations on the changed file.
            text = problem.message + (f" Oplossing: {problem.hint}" if problem.hint else "")
            text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            print(f"::error file={problem.file},line={problem.line},col={problem.column}::{text}")
        else:
            print(problem, file=sys.stderr)


def cmd_validate(args: argparse.Namespace) -> int:
    folders = _campaign_folders(Path(args.path))
    if not folders:
        return 2
    try:
        campaigns = load_campaigns(folders, libraries=_library_dirs(folders, args))
    except CampaignError as error:
        _print_problems(error.problems, args.format)
        count = len(error.problems)
        print(
            f"{count} {'probleem' if count == 1 else 'problemen'} gevonden.",
            file=sys.stderr,
        )
        return 1
    for campaign in campaigns:
        teams = f", {len(campaign.teams)} ploegen" if campaign.teams else ""
        news = f", {len(campaign.news)} berichten" if campaign.news else ""
        print(
            f"✓ {campaign.slug}: {len(campaign.actions)} acties, "
            f"{len(campaign.events)} activiteiten{teams}{news} — in orde"
        )
    return 0


def _library_dirs(folders: Sequence[Path], args: argparse.Namespace) -> list[Path] | None:
    """``library/`` beside the campaigns and the folders of ``--library-dir`` (``None``:
    only the default)."""
    extra = getattr(args, "library_dir", None)
    return [*default_dirs(folders[0]), *(Path(d) for d in extra)] if extra else None


def _libraries(campaigns_dir: Path, extra: Sequence[str] | None) -> Libraries:
    """The libraries beside ``campaigns_dir`` (``library/``) and in ``--library-dir``."""
    dirs = [campaigns_dir.parent / DEFAULT_DIR, *(Path(d) for d in extra or [])]
    return find_libraries(dirs, None)


def cmd_new(args: argparse.Namespace) -> int:
    actions = [a.strip() for a in (args.actions or "").split(",") if a.strip()]
    if actions and not args.library:
        print("--actions hoort bij --library: zeg uit welke bibliotheek ze komen.", file=sys.stderr)
        return 2
    try:
        folder = new_campaign(
            Path(args.dir),
            args.slug,
            args.municipality,
            date.today(),
            library=args.library,
            actions=actions,
            libraries=_libraries(Path(args.dir), args.library_dir) if args.library else None,
        )
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Nieuwe campagne in {folder}/")
    print(f"Pas {folder}/{CAMPAIGN_FILE} aan en bekijk het resultaat met:")
    print(f"  CAMPAIGN={args.slug} mkdocs serve")
    return 0


def cmd_library_list(args: argparse.Namespace) -> int:
    libraries = _libraries(Path(args.path), args.library_dir)
    print(listing(libraries))
    _print_problems(libraries.problems, "text")
    return 1 if libraries.problems else 0


def cmd_library_report(args: argparse.Namespace) -> int:
    libraries = _libraries(Path(args.path), args.library_dir)
    usages = [campaign_usage(folder) for folder in find_campaigns(Path(args.path))]
    sys.stdout.write(report(libraries, usages, args.format).rstrip("\n") + "\n")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    dirs = [Path(DEFAULT_DIR), *(Path(d) for d in args.library_dir or [])]
    for path in write_schemas(Path(args.out), dirs):
        print(f"geschreven: {path}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    env = dict(os.environ)
    if args.campaign:
        env[CAMPAIGN_ENV] = args.campaign
    if args.shard is not None:
        try:
            shard = parse_shard(args.shard)
        except ValueError as error:
            print(error, file=sys.stderr)
            return 2
        if args.campaign:
            print(
                "--shard verdeelt het portaal over meerdere builds; met --campaign wordt maar "
                "één campagne gebouwd. Gebruik één van beide.",
                file=sys.stderr,
            )
            return 2
        env[SHARD_ENV] = str(shard)
    # `campaignkit build -- -f other.yml`: the options after "--" are for mkdocs build.
    rest = args.rest[1:] if args.rest[:1] == ["--"] else args.rest
    command = [sys.executable, "-m", args.tool, "build", "--strict", *rest]
    return subprocess.call(command, env=env)


def cmd_kit(args: argparse.Namespace) -> int:
    """Write each campaign's kit ZIP into a folder, e.g. to publish them as release assets."""
    from campaignkit.cache import KIT_CACHE
    from campaignkit.clock import build_date
    from campaignkit.kit import build_kit  # images, fonts, PDF: only this command needs them

    folders = _campaign_folders(Path(args.path))
    if not folders:
        return 2
    try:
        dirs = _library_dirs(folders, args)
        loaded = [load_campaign_and_texts(folder, libraries=dirs) for folder in folders]
    except CampaignError:
        # Report every problem of every campaign, as `validate` does.
        return cmd_validate(
            argparse.Namespace(path=args.path, format="text", library_dir=args.library_dir)
        )
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stamp = build_date(BuildRequest.read().epoch)
    for campaign, texts in loaded:
        try:
            kit = build_kit(
                campaign, cache_dir=Path(args.cache or KIT_CACHE), stamp=stamp, texts=texts
            )
        except CampaignError as error:
            _print_problems(error.problems, "text")
            return 1
        target = out / kit.archive_name
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_bytes(kit.archive)
        os.replace(temporary, target)
        size = f"{len(kit.archive) / 1_000_000:.1f}".replace(".", ",")
        print(f"✓ {campaign.slug}: {target} ({size} MB)")
    return 0


def _campaign_folder(given: str) -> Path | None:
    """A campaign named by its folder, or by its slug under campaigns/."""
    for folder in (Path(given), Path("campaigns") / given):
        if (folder / CAMPAIGN_FILE).is_file():
            return folder
    print(
        f"Geen campagne '{given}': geef de map van een campagne (met een {CAMPAIGN_FILE}), "
        "bv. campaigns/asse, of haar naam.",
        file=sys.stderr,
    )
    return None


def _chosen_columns(pairs: Sequence[str]) -> dict[str, str | None] | None:
    chosen: dict[str, str | None] = {}
    for pair in pairs:
        field, sep, header = pair.partition("=")
        if not sep or not field.strip():
            print(
                f'--column {pair}: schrijf veld=kop, bv. --column name="Straatnaam" '
                "(of name= voor geen kolom).",
                file=sys.stderr,
            )
            return None
        chosen[field.strip()] = header.strip() or None
    return chosen


def cmd_teams_import(args: argparse.Namespace) -> int:
    """Turn a sign-up export into team files (never overwriting one)."""
    from campaignkit.signups import plan_import, write_plan
    from campaignkit.spreadsheets import read_table

    folder = _campaign_folder(args.campaign)
    chosen = _chosen_columns(args.column or [])
    if folder is None or chosen is None:
        return 2
    source = Path(args.file)
    try:
        table = read_table(source, display_name(source), encoding=args.encoding)
    except CampaignError as error:
        return _import_problems(error.problems)
    plan = plan_import(folder, table, chosen, date.today())
    print(f"{table.name}: {table.describe()}, {len(table.rows)} rijen")
    headers = table.headers
    for field, index in plan.columns.fields.items():
        print(f"  {field} ← '{headers[index]}'")
    if plan.columns.personal:
        listed = ", ".join(f"'{headers[i]}'" for i in plan.columns.personal)
        print(f"  niet overgenomen, over personen: {listed}")
    if plan.columns.unused:
        listed = ", ".join(f"'{headers[i]}'" for i in plan.columns.unused)
        print(f'  niet gebruikt: {listed} (wijs een kolom toe met --column veld="kop")')
    if plan.problems:
        return _import_problems(plan.problems)
    teams = folder / "teams"
    if args.dry_run:
        written, skipped = list(plan.teams), list(plan.existing)
    else:
        written, skipped = write_plan(folder, plan)
    verb = "zou schrijven" if args.dry_run else "geschreven"
    for item in written:
        print(f"✓ {display_name(teams / (item.slug + '.yml'))} ({verb}; rij {item.row})")
    for item in skipped:
        path = display_name(teams / (item.slug + ".yml"))
        print(f"= {path} bestaat al: rij {item.row} overgeslagen")
    end = " Proefdraai: er is niets geschreven." if args.dry_run else ""
    print(f"{len(written)} ploegen {verb}, {len(skipped)} overgeslagen.{end}")
    return 0


def _import_problems(problems: Sequence[Problem]) -> int:
    _print_problems(problems, "text")
    count = len(problems)
    noun = "probleem" if count == 1 else "problemen"
    print(f"{count} {noun} gevonden; er is niets geschreven.", file=sys.stderr)
    return 1


def cmd_forms(args: argparse.Namespace) -> int:
    from campaignkit.forms.run import write_templates

    return write_templates(Path(args.campaigns), Path(args.out))


def cmd_from_issue(args: argparse.Namespace) -> int:
    from campaignkit.forms.run import from_issue

    taken = Path(args.taken) if args.taken else None
    files = (Path(args.comment), Path(args.result))
    return from_issue(Path(args.event), Path(args.root), *files, taken, args.run_url)


def _contribution_commands(commands: Any) -> None:
    forms = commands.add_parser(
        "forms", help="schrijf de formulieren voor bijdragen (.github/ISSUE_TEMPLATE/)"
    )
    forms.add_argument("--campaigns", default="campaigns", help="map met campagnes")
    forms.add_argument("--out", default=".github/ISSUE_TEMPLATE")
    forms.set_defaults(run=cmd_forms)

    issue = commands.add_parser(
        "from-issue",
        help="maak het bestand van een issue dat met een formulier is gemaakt (overschrijft nooit)",
    )
    issue.add_argument("--event", required=True, help="de event payload van GitHub (JSON)")
    issue.add_argument("--root", default=".", help="de repository (met campaigns/)")
    issue.add_argument("--comment", required=True, help="hier komt de Markdown voor GitHub")
    issue.add_argument("--result", required=True, help="hier komt het resultaat als JSON")
    issue.add_argument("--taken", help="bestand met paden die andere open bijdragen maken")
    issue.add_argument("--run-url", default="", help="adres van de run, voor het voorbeeld")
    issue.set_defaults(run=cmd_from_issue)


def _new_parser(commands: Any) -> None:
    """``campaignkit new``, with or without actions from a library."""
    new = commands.add_parser("new", help="maak een nieuwe campagne (overschrijft nooit iets)")
    new.add_argument("slug", help="korte naam in kleine letters, bv. asse")
    new.add_argument("--municipality", required=True, help='naam van de gemeente, bv. "Asse"')
    new.add_argument("--dir", default="campaigns", help="map met campagnes (standaard: campaigns)")
    new.add_argument("--library", help="neem acties over uit deze bibliotheek, bv. bbl")
    new.add_argument(
        "--actions", help="acties van de bibliotheek, met komma's, bv. geveltuinen,autodelen"
    )
    new.add_argument("--library-dir", action="append", help="nog een map met bibliotheken")
    new.set_defaults(run=cmd_new)


def _library_parser(commands: Any) -> None:
    """``campaignkit library list`` and ``library report``."""
    library = commands.add_parser("library", help="de gedeelde bibliotheken (library/)")
    library_commands = library.add_subparsers(dest="library_command", required=True)
    for name, run, what in (
        ("list", cmd_library_list, "toon de acties, partners en teksten van elke bibliotheek"),
        (
            "report",
            cmd_library_report,
            "welke campagne gebruikt wat, wat ze overschrijft en wat ze nog niet gebruikt",
        ),
    ):
        command = library_commands.add_parser(name, help=what)
        command.add_argument("path", nargs="?", default="campaigns", help="map met campagnes")
        command.add_argument("--library-dir", action="append", help="nog een map met bibliotheken")
        if name == "report":
            command.add_argument("--format", choices=["text", "csv", "json"], default="text")
        command.set_defaults(run=run)


def _teams_parser(commands: Any) -> None:
    """``campaignkit teams import``."""
    teams = commands.add_parser("teams", help="ploegen van een campagne")
    team_commands = teams.add_subparsers(dest="teams_command", required=True)
    imports = team_commands.add_parser(
        "import",
        help="maak ploegbestanden uit een export van inschrijvingen (CSV); overschrijft nooit",
        description="Maakt teams/<naam>.yml voor elke rij van een CSV-export (een "
        "formulier, Excel). Kolommen met namen, e-mailadressen of telefoonnummers van "
        "personen worden nergens geschreven.",
    )
    imports.add_argument("campaign", help="de map van de campagne, bv. campaigns/asse, of asse")
    imports.add_argument("file", help="het CSV-bestand, bv. inschrijvingen.csv")
    imports.add_argument(
        "--column",
        action="append",
        metavar="VELD=KOP",
        help='welke kolom een veld vult, bv. --column name="Straatnaam" (herhaalbaar; '
        "velden: name, kind, streets, households, households_total, joined, story, actions)",
    )
    imports.add_argument("--dry-run", action="store_true", help="toon wat er zou gebeuren")
    imports.add_argument(
        "--encoding", help="de tekenset, als de gok niet klopt (bv. cp1252, utf-8, utf-16)"
    )
    imports.set_defaults(run=cmd_teams_import)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="campaignkit",
        description="Klimaatcampagnes uit YAML: microsite en communicatiekit.",
    )
    commands = main.add_subparsers(dest="command", required=True)

    _new_parser(commands)

    validate = commands.add_parser("validate", help="controleer campagnes zonder te bouwen")
    validate.add_argument("path", nargs="?", default="campaigns")
    validate.add_argument(
        "--format", choices=["text", "github"], default="text", help="github: annotaties in CI"
    )
    validate.add_argument(
        "--library-dir", action="append", help="nog een map met bibliotheken (naast library/)"
    )
    validate.set_defaults(run=cmd_validate)

    schema = commands.add_parser("schema", help="schrijf de JSON Schema's voor editors")
    schema.add_argument("--out", default="schema")
    schema.add_argument(
        "--library-dir",
        action="append",
        help="nog een map met bibliotheken (library/ doet altijd mee): hun acties en "
        "partners worden de keuzes voor 'from:'",
    )
    schema.set_defaults(run=cmd_schema)

    build = commands.add_parser("build", help="bouw de site (mkdocs build --strict)")
    build.add_argument("--campaign", help="bouw alleen deze campagne")
    build.add_argument(
        "--shard",
        metavar="k/N",
        help="bouw alleen deel k van N van het portaal (elke N-de campagne), bv. 2/8 in CI",
    )
    build.add_argument("--tool", choices=["mkdocs", "properdocs"], default="mkdocs")
    build.add_argument(
        "rest", nargs=argparse.REMAINDER, help="extra opties voor mkdocs build, na --"
    )
    build.set_defaults(run=cmd_build)

    kit = commands.add_parser(
        "kit", help="schrijf de ZIP van elke communicatiekit in een map (voor een release)"
    )
    kit.add_argument("path", nargs="?", default="campaigns")
    kit.add_argument("--out", required=True, help="map voor de ZIP-bestanden, bv. kits")
    kit.add_argument(
        "--cache",
        help="de cache van de kit (standaard dezelfde als die van mkdocs build: "
        ".cache/campaignkit/kit)",
    )
    kit.add_argument(
        "--library-dir", action="append", help="nog een map met bibliotheken (naast library/)"
    )
    kit.set_defaults(run=cmd_kit)

    _library_parser(commands)

    _teams_parser(commands)
    _contribution_commands(commands)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
