"""``LEESMIJ.txt``: made after every other file, since it says which folders they fill."""

from __future__ import annotations

from collections.abc import Iterable

from campaignkit.kit.inputs import KitInputs
from campaignkit.kit.readme import readme
from campaignkit.kit.records import KitPage, Output

README = "LEESMIJ.txt"


def output(inputs: KitInputs, page: KitPage, paths: Iterable[str]) -> Output:
    text = readme(inputs.campaign, page, paths)
    return Output(README, inputs.source_name(), lambda: text.encode("utf-8"))
