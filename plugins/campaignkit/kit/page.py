"""The body of the ``/kit/`` page: every text, image, poster, QR code and calendar.

All links are relative to the kit page, so the site can live under any prefix. Copy
buttons are hidden until ``assets/kit.js`` shows them; everything else works without
JavaScript.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from campaignkit import i18n
from campaignkit.kit.planning import POST_TIME
from campaignkit.kit.records import KitPage
from campaignkit.model import Campaign

TEMPLATE = "kit.html"
_BUNDLED = Path(__file__).resolve().parent.parent / "templates"


@lru_cache(maxsize=8)
def _environment(template_dirs: tuple[str, ...]) -> jinja2.Environment:
    """One environment per set of template folders: a portal worker compiles kit.html
    once, not once per campaign (Jinja reloads a template whose file changed)."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*template_dirs, str(_BUNDLED)]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.globals["fill"] = fill
    return environment


def fill(label: str, **values: object) -> Markup:
    """``label`` with its ``{placeholders}`` filled, all escaped except values that are
    already markup: a translated sentence can hold a link the template built."""
    return escape(label).format(**values)


def render_page(
    campaign: Campaign,
    page: KitPage,
    *,
    zip_href: str,
    zip_size: int,
    template_dirs: Sequence[Path] = (),
) -> str:
    """HTML for the kit page body; a ``kit.html`` in ``template_dirs`` overrides ours."""
    environment = _environment(tuple(map(str, template_dirs)))
    language = campaign.language
    words = i18n.kit_labels(language)
    return environment.get_template(TEMPLATE).render(
        campaign=campaign,
        t=words,
        texts=page.texts,
        photos=page.photos,
        logos=page.logos,
        cards=page.cards,
        posters=page.posters,
        qr_codes=page.qr_codes,
        calendars=page.calendars,
        teams=page.teams,
        plan=page.plan,
        plan_files=page.plan_files,
        plan_time=i18n.format_time(POST_TIME, language),
        has_site_url=page.root is not None,
        zip_href=zip_href,
        zip_size=words["megabytes"].format(
            size=i18n.format_decimal(zip_size / 1_000_000, language)
        ),
        warnings=page.notes,
    )
