"""The communication kit: texts, images, QR codes, posters and calendars, in one ZIP.

Pure: nothing here imports MkDocs. :func:`build_kit` turns a validated campaign into files
and the ``/kit/`` page body; :func:`load_texts` reads and checks the texts alone, so their
problems can be reported together with the campaign's.
"""

from __future__ import annotations

from campaignkit.kit.build import Kit, build_kit, social_card_path
from campaignkit.kit.texts import Text, load_texts

__all__ = ["Kit", "Text", "build_kit", "load_texts", "social_card_path"]
