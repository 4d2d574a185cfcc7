"""Campaign to microsite: every page and file as plain data. Nothing here imports MkDocs.

:func:`build_site` turns a validated :class:`~campaignkit.model.Campaign` into page specs
(body HTML rendered from the Jinja templates in ``templates/``, autoescaped) and assets
(calendar files, stylesheets, script, re-encoded images). The MkDocs plugin only hands
them over; printed QR codes point at the URLs of :mod:`campaignkit.urls`, so they must
stay stable. Every link in a body is relative to the page's own URL, so a site works at a
domain root and under a prefix alike.

- :mod:`.site`: the data types (:class:`Site`, :class:`PageSpec`, :class:`Asset`, ...).
- :mod:`.context`: what the pages are made from; templates see it as ``context``.
- :mod:`.render`: the template environment, Markdown, outlines, formatting.
- :mod:`.pictures`: web images in the widths each place needs.
- :mod:`.static`: the bundled stylesheets and scripts, the brand colours.
- one module per kind of page (:mod:`.home`, :mod:`.actions`, :mod:`.agenda`,
  :mod:`.partners`, :mod:`.statements`, :mod:`.kit_page`) and :mod:`.calendars`;
  :mod:`.build` puts them together.
"""

from __future__ import annotations

from campaignkit.pages.build import build_site
from campaignkit.pages.site import Asset, Heading, Link, PageSpec, Site

__all__ = ["Asset", "Heading", "Link", "PageSpec", "Site", "build_site"]
