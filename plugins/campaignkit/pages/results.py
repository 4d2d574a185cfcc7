"""The results page, and the same numbers as open data: ``resultaten.csv`` and
``resultaten.json``.

Both files have stable columns (documented on the page and in the README): one row per
team's contribution to an indicator, with the indicator's total and target repeated so
that each row stands on its own. Numbers are written with a decimal point, for machines.
The CSV is UTF-8 with a byte order mark (so spreadsheets read accents) and every text cell
that a spreadsheet would read as a formula is neutralised (OWASP CSV injection).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from campaignkit import i18n
from campaignkit.pages.context import SiteContext
from campaignkit.pages.participation import IndicatorResult
from campaignkit.pages.render import page_spec
from campaignkit.pages.site import Asset, PageSpec
from campaignkit.spreadsheets import neutralise_cell
from campaignkit.urls import RESULTS, RESULTS_CSV, RESULTS_JSON

#: The columns of resultaten.csv, in order: a contract, like the page addresses.
COLUMNS = (
    "indicator",
    "indicator_title",
    "unit",
    "source",
    "target",
    "total",
    "share",
    "team",
    "team_name",
    "team_kind",
    "households",
    "amount",
)


def has_results(context: SiteContext) -> bool:
    """Whether the site has a results page: teams, and actions that count towards an indicator."""
    return bool(context.campaign.teams and context.participation.results)


def results(context: SiteContext) -> PageSpec:
    words = i18n.TEAM_LABELS[context.language]
    html = context.render(
        "results.html",
        RESULTS,
        csv=RESULTS_CSV,
        json=RESULTS_JSON,
        columns=[(name, words[f"column_{name}"]) for name in COLUMNS],
    )
    return page_spec(
        RESULTS,
        words["results"],
        i18n.phrase(words["results_description"], context.language, title=context.campaign.title),
        html,
        in_nav=True,
        nav_title=words["results"],
        hide=("navigation",),
        preview=context.preview(None),
    )


def _number(value: float | None) -> int | float | None:
    """Whole numbers as integers (35, not 35.0); None stays."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(float(value), 6)


def _rows(result: IndicatorResult) -> list[dict[str, Any]]:
    d = result.definition
    head = {
        "indicator": d.id,
        "indicator_title": d.title,
        "unit": d.unit,
        "source": d.source,
        "target": _number(d.target),
        "total": _number(result.total),
        "share": None if result.share is None else round(float(result.share), 6),
    }
    return [
        {
            **head,
            "team": c.team.slug,
            "team_name": c.team.name,
            "team_kind": c.team.kind,
            "households": c.team.households,
            "amount": _number(c.amount),
        }
        for c in result.contributions
    ]


def results_csv(context: SiteContext) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for result in context.participation.results:
        for row in _rows(result):
            writer.writerow(
                [
                    neutralise_cell(value)
                    if isinstance(value, str)
                    else ""
                    if value is None
                    else value
                    for value in (row[name] for name in COLUMNS)
                ]
            )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def results_json(context: SiteContext) -> bytes:
    campaign = context.campaign
    town = campaign.municipality
    data = {
        "campaign": campaign.slug,
        "title": campaign.title,
        "language": campaign.language,
        "date": context.today.isoformat(),
        "municipality": {
            "name": town.name,
            "inhabitants": town.inhabitants,
            "housing_units": town.housing_units,
        },
        "columns": list(COLUMNS),
        "indicators": [
            {
                "id": r.definition.id,
                "title": r.definition.title,
                "unit": r.definition.unit,
                "source": r.definition.source,
                "target": _number(r.definition.target),
                "total": _number(r.total),
                "share": None if r.share is None else round(float(r.share), 6),
                "contributions": [
                    {k: row[k] for k in ("team", "team_name", "team_kind", "households", "amount")}
                    for row in _rows(r)
                ],
            }
            for r in context.participation.results
        ],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def results_files(context: SiteContext) -> list[Asset]:
    return [
        Asset(RESULTS_CSV, results_csv(context)),
        Asset(RESULTS_JSON, results_json(context)),
    ]
