"""The communication kit: texts, images, QR codes, posters and calendars, in one ZIP.

Pure: nothing here imports MkDocs. :func:`build_kit` turns a validated campaign into files
and the ``/kit/`` page body. Each kind of output is declared in :mod:`campaignkit.kit.outputs`.

The names below are imported on first use: a portal build, which only reads the kit's
cache and URLs, does not load the image, PDF and Word libraries.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from campaignkit.kit.build import Kit, build_kit
    from campaignkit.kit.outputs.cards import social_card_path

_WHERE = {
    "Kit": "build",
    "build_kit": "build",
    "social_card_path": "outputs.cards",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = ["Kit", "build_kit", "social_card_path"]
