"""A MkDocs build published only when it succeeded: staged, and with ``--strict`` refused
on the first warning, as MkDocs refuses it (see :mod:`campaignkit.publish`)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from campaignkit.publish import Staging

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def tool(config: MkDocsConfig) -> str:
    """``properdocs`` when ProperDocs runs this build, else ``mkdocs``."""
    return "properdocs" if type(config).__module__.startswith("properdocs") else "mkdocs"


class WarningCount(logging.Handler):
    """Counts warnings like MkDocs' --strict does, so a refused build is never published."""

    def __init__(self, tool: str) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0
        self.logger = logging.getLogger(tool)
        self.logger.addHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def close(self) -> None:
        self.logger.removeHandler(self)
        super().close()


class Publication:
    """Points MkDocs at a staging folder; the site folder is replaced only by
    :meth:`publish`, and stays as it was when the build is abandoned."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.site_dir = config.site_dir
        self.staging: Staging | None = Staging(Path(config.site_dir))
        config.site_dir = str(self.staging.path)
        self.warnings = WarningCount(tool(config)) if config.strict else None

    def publish(self) -> bool:
        """Make the staged build the site, unless a warning refuses a --strict build (MkDocs
        aborts it after the last hook). Returns whether it was published."""
        warned = self.warnings is not None and self.warnings.count > 0
        self.close()
        if warned or self.staging is None:
            self.abandon()
            return False
        self.staging.publish()
        self.staging = None
        self.config.site_dir = self.site_dir  # gh-deploy pushes the published folder
        return True

    def abandon(self) -> None:
        """Drop the staged build and point MkDocs back at the (untouched) site folder."""
        if self.staging is not None:
            self.staging.discard()
            self.staging = None
        self.config.site_dir = self.site_dir

    def close(self) -> None:
        if self.warnings is not None:
            self.warnings.close()
            self.warnings = None
