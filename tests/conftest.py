"""Fixtures for every test folder. ``tests/`` is on the import path (pyproject's pytest
``pythonpath``), so tests import the shared helpers as ``support.campaigns`` and
``support.projects``."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.campaigns import write_campaign
from support.projects import make_project


@pytest.fixture
def campaigns_dir(tmp_path: Path) -> Path:
    """``<tmp_path>/campaigns``: load a campaign in it with ``base=tmp_path`` and its files
    are named ``campaigns/<slug>/...`` as in a repository."""
    folder = tmp_path / "campaigns"
    folder.mkdir()
    return folder


@pytest.fixture
def campaign_folder(campaigns_dir: Path) -> Path:
    """The default campaign (:data:`support.campaigns.DEFAULT`), written."""
    return write_campaign(campaigns_dir)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An MkDocs project for a whole build (:func:`support.projects.make_project`)."""
    return make_project(tmp_path / "project")
