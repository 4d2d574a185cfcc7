"""What a build is asked to do, as the environment says it.

A caller chooses a campaign (``CAMPAIGN``), a part of the portal (``campaignkit build
--shard``) and the build date (``SOURCE_DATE_EPOCH``); a portal tells its workers that the
campaign they build is one of its microsites, and where the portal is published. Every
variable is named here, and :meth:`BuildRequest.read` is the one place that reads them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

#: The slug of the one campaign to build.
CAMPAIGN_ENV = "CAMPAIGN"
#: Set to ``1`` in a worker: the campaign being built is one microsite of a portal.
MEMBER_ENV = "CAMPAIGNKIT_MEMBER"
#: The portal's public address, for members' canonical URLs and QR codes.
PORTAL_URL_ENV = "CAMPAIGNKIT_PORTAL_URL"
#: ``k/N``: build only every N-th campaign, starting at the k-th (a CI matrix job).
SHARD_ENV = "CAMPAIGNKIT_SHARD"
#: Seconds since 1970 (UTC): the build's date, so that a build can be repeated exactly.
DATE_ENV = "SOURCE_DATE_EPOCH"


@dataclass(frozen=True)
class BuildRequest:
    """The environment's part in a build; empty values count as not set."""

    campaign: str | None = None
    member: bool = False
    portal_url: str | None = None
    #: As written (``k/N``); :func:`campaignkit.portal.shards.parse_shard` reads it.
    shard: str | None = None
    #: As written; :func:`campaignkit.clock.build_date` turns it into the build's moment.
    epoch: str | None = None

    @classmethod
    def read(cls, environ: Mapping[str, str] | None = None) -> BuildRequest:
        """The request of this process (``os.environ``), or of ``environ``."""
        env = os.environ if environ is None else environ
        return cls(
            campaign=env.get(CAMPAIGN_ENV) or None,
            member=env.get(MEMBER_ENV) == "1",
            portal_url=env.get(PORTAL_URL_ENV) or None,
            shard=env.get(SHARD_ENV) or None,
            epoch=env.get(DATE_ENV) or None,
        )


def member_environment(slug: str, portal_url: str | None) -> dict[str, str]:
    """What a portal sets for the worker that builds the microsite of ``slug``."""
    env = {CAMPAIGN_ENV: slug, MEMBER_ENV: "1"}
    if portal_url:
        env[PORTAL_URL_ENV] = portal_url
    return env
