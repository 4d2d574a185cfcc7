"""The ZIP of every other file of the kit, made last."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from campaignkit.cache import Stored
from campaignkit.kit.archive import KitFiles, zip_bytes
from campaignkit.kit.records import Made, Output


def output(name: str, entries: Mapping[str, Made], source: str) -> Output:
    """The archive ``name`` of ``entries`` (name in the ZIP -> file)."""
    # A stored entry is described by its cache key, which determines its bytes: the ZIP's
    # key needs none of the megabytes read.
    key = {
        "entries": sorted(
            (entry, f"key:{data.key}")
            if isinstance(data, Stored)
            else (entry, hashlib.sha256(data).hexdigest())
            for entry, data in entries.items()
        )
    }
    files = dict(entries)
    return Output(name, source, lambda: zip_bytes(KitFiles(files)), "zip", key)
