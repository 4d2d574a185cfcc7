"""Options of the campaignkit plugin in ``mkdocs.yml``, and what they need of MkDocs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

from campaignkit.markup import safe_url

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


class CampaignkitConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off to build only what is in ``docs_dir``."""

    campaigns_dir = c.Type(str, default="campaigns")
    """Folder holding one folder per campaign, relative to ``mkdocs.yml``."""

    campaign = c.Optional(c.Type(str))
    """Slug of the campaign to build. The ``CAMPAIGN`` environment variable wins over it;
    with neither, the only campaign in ``campaigns_dir`` is built."""

    portal_title = c.Type(str, default="Klimaatcampagnes")
    """Title of the portal that lists every campaign (built when no campaign is chosen)."""

    portal_description = c.Type(
        str,
        default="Gemeenten en hun inwoners, verenigingen, scholen en handelaars werken samen "
        "aan hun klimaatplan. Kies een campagne.",
    )
    """One sentence under the portal's title."""

    kit_zip_url = c.Optional(c.Type(str))
    """Where each kit's ZIP is downloaded from instead of the site, with ``{name}`` for its
    file name (``asse-communicatiekit.zip``), e.g. a GitHub release:
    ``https://github.com/<owner>/<repo>/releases/download/kits/{name}``. The ZIPs are then
    left out of the site; ``campaignkit kit --out DIR`` writes them for the upload."""

    library_dirs = c.ListOfItems(c.Type(str), default=[])
    """More folders of shared libraries (each holding ``<slug>/library.yml``), relative to
    ``mkdocs.yml``, beside ``library/`` next to ``campaigns_dir``."""

    library_provenance = c.Type(bool, default=True)
    """An action page taken from a library says so: "Actiefiche: <library>"."""

    jobs = c.Optional(c.Type(int))
    """Worker processes for a portal build; all CPU cores when not set."""


def check_options(options: CampaignkitConfig, config: MkDocsConfig) -> None:
    """Refuse settings the sites cannot be built with, saying how to fix them."""
    if not config.use_directory_urls:
        raise PluginError(
            "campaignkit needs 'use_directory_urls: true': QR codes and links point to "
            "addresses such as /acties/<naam>/."
        )
    zip_url = options.kit_zip_url
    if zip_url is not None and (
        "{name}" not in zip_url or not safe_url(zip_url.replace("{name}", "x.zip"))
    ):
        raise PluginError(
            f"kit_zip_url '{zip_url}' is geen bruikbaar adres: het moet met https:// of "
            "http:// beginnen en {name} bevatten, bv. https://github.com/<eigenaar>/"
            "<repository>/releases/download/kits/{name}."
        )
