"""Sign-up spreadsheets to team files: ``campaignkit teams import``."""

from __future__ import annotations

from campaignkit.signups.columns import FIELDS, Columns, find_columns
from campaignkit.signups.importer import Plan, Planned, plan_import, team_text, write_plan

__all__ = [
    "FIELDS",
    "Columns",
    "Plan",
    "Planned",
    "find_columns",
    "plan_import",
    "team_text",
    "write_plan",
]
