"""The indicators teams' amounts count towards: the built-in ones of the Flemish Lokaal
Energie- en Klimaatpact (LEKP), and a campaign's own.

A LEKP target is a factor times the municipality's number of inhabitants or housing units,
rounded to a whole number; it is known only when campaign.yml gives that number.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from campaignkit.model import Campaign

Basis = Literal["inhabitants", "housing_units"]


@dataclass(frozen=True)
class IndicatorDefinition:
    """What an indicator counts, in the campaign's language, and its target if known."""

    id: str
    title: str
    unit: str
    target: int | float | None
    #: "lekp" for the pact's indicators, "campaign" for a campaign's own.
    source: str


@dataclass(frozen=True)
class _Builtin:
    id: str
    factor: Decimal
    basis: Basis
    title: dict[str, str]
    unit: dict[str, str]


def _builtin(
    id_: str,
    factor: str,
    basis: Basis,
    nl: tuple[str, str],
    fr: tuple[str, str],
    en: tuple[str, str],
) -> _Builtin:
    return _Builtin(
        id_,
        Decimal(factor),
        basis,
        {"nl": nl[0], "fr": fr[0], "en": en[0]},
        {"nl": nl[1], "fr": fr[1], "en": en[1]},
    )


_I: Basis = "inhabitants"
_H: Basis = "housing_units"
#: The LEKP indicators: (id, factor, basis, (title, unit) in nl, fr and en).
BUILTIN: tuple[_Builtin, ...] = (
    _builtin("bomen", "1", _I, ("Bomen", "bomen"), ("Arbres", "arbres"), ("Trees", "trees")),
    _builtin(
        "m_haag",
        "0.5",
        _I,
        ("Haag en geveltuin", "m"),
        ("Haies et jardins de façade", "m"),
        ("Hedges and facade planting", "m"),
    ),
    _builtin(
        "natuurgroenperken",
        "0.001",
        _I,
        ("Natuurgroenperken", "perken"),
        ("Parterres naturels", "parterres"),
        ("Natural green plots", "plots"),
    ),
    _builtin(
        "m2_ontharding",
        "1",
        _I,
        ("Ontharding", "m²"),
        ("Désimperméabilisation", "m²"),
        ("Depaving", "m²"),
    ),
    _builtin(
        "m3_hemelwater",
        "1",
        _I,
        ("Hemelwateropvang", "m³"),
        ("Récupération d'eau de pluie", "m³"),
        ("Rainwater storage", "m³"),
    ),
    _builtin(
        "m_fietspad",
        "1",
        _I,
        ("Fietspad", "m"),
        ("Pistes cyclables", "m"),
        ("Cycle paths", "m"),
    ),
    _builtin(
        "laadequivalenten",
        "0.015",
        _I,
        ("Laadpunten", "laadequivalenten"),
        ("Points de recharge", "équivalents de recharge"),
        ("Charging points", "charging equivalents"),
    ),
    _builtin(
        "deelpunten",
        "0.001",
        _I,
        ("Deelmobiliteit", "toegangspunten"),
        ("Mobilité partagée", "points d'accès"),
        ("Shared mobility", "access points"),
    ),
    _builtin(
        "renovaties_collectief",
        "0.05",
        _H,
        ("Collectieve renovaties", "renovaties"),
        ("Rénovations collectives", "rénovations"),
        ("Collective renovations", "renovations"),
    ),
    _builtin(
        "renovaties_fossielvrij",
        "0.025",
        _H,
        ("Fossielvrije renovaties", "renovaties"),
        ("Rénovations sans fossiles", "rénovations"),
        ("Fossil-free renovations", "renovations"),
    ),
    _builtin(
        "kw_participatief",
        "0.072",
        _I,
        ("Participatieve hernieuwbare energie", "kW"),
        ("Énergie renouvelable participative", "kW"),
        ("Community renewable energy", "kW"),
    ),
    _builtin(
        "klimaattafel_uitnodigingen",
        "0.05",
        _H,
        ("Uitnodigingen voor een klimaattafel", "uitnodigingen"),
        ("Invitations à une table climat", "invitations"),
        ("Climate table invitations", "invitations"),
    ),
)
BUILTIN_IDS: tuple[str, ...] = tuple(b.id for b in BUILTIN)
_BY_ID = {b.id: b for b in BUILTIN}


def known_ids(campaign_ids: tuple[str, ...] | list[str] = ()) -> list[str]:
    """Every indicator id an action may name: the built-in ones and the campaign's own."""
    return [*BUILTIN_IDS, *campaign_ids]


def lekp_target(
    indicator_id: str, inhabitants: int | None, housing_units: int | None
) -> int | None:
    """The LEKP target of a built-in indicator for these numbers, rounded half up to a whole
    number; None when the number it needs is not known."""
    builtin = _BY_ID[indicator_id]
    number = inhabitants if builtin.basis == "inhabitants" else housing_units
    if number is None:
        return None
    return int((builtin.factor * number).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def definition(campaign: Campaign, indicator_id: str) -> IndicatorDefinition:
    """An indicator of ``campaign`` (its own first, then the built-in ones), in its language."""
    for own in campaign.indicators:
        if own.id == indicator_id:
            return IndicatorDefinition(own.id, own.title, own.unit, own.goal, "campaign")
    builtin = _BY_ID[indicator_id]
    town = campaign.municipality
    return IndicatorDefinition(
        builtin.id,
        builtin.title[campaign.language],
        builtin.unit[campaign.language],
        lekp_target(builtin.id, town.inhabitants, town.housing_units),
        "lekp",
    )
