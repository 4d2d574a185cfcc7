"""A portal whose campaigns take actions from a shared library: the pages show the
overrides, the placeholders filled in per municipality and the provenance line;
``/bibliotheek/`` lists who runs what; editing a library action rebuilds only the campaigns
that use it, and adding one that no campaign uses rebuilds none."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support.campaigns import OMIT, write_campaign
from support.libraries import write_library
from support.projects import make_project

EPOCH = "1798761600"  # 2027-01-01
PORTAL = "https://klimaat.example.be/"


def _build(project: Path, campaign: str | None = None) -> str:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("CAMPAIGN", None)
    if campaign:
        env["CAMPAIGN"] = campaign
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return result.stderr


def _links(html: str) -> str:
    """The page with its links' ``rel`` left out."""
    return html.replace(' rel="nofollow noopener"', "")


def _rebuilt(log: str) -> list[str]:
    return sorted(re.findall(r"\] ([a-z-]+): gebouwd", log))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("library") / "project")
    config = root / "mkdocs.yml"
    config.write_text(f"site_url: {PORTAL}\n" + config.read_text(encoding="utf-8"), "utf-8")
    body = (
        "Mail {{ contact.email }} voor een gratis dakscan.\n\n"
        "[Schrijf je in]({{ signup_url }}) of [lees meer]({{ campaign.url }}).\n"
    )
    write_library(root / "library", "proef", actions={"dakisolatie": {"body": body}})
    campaigns = root / "campaigns"
    for slug, name in (("aalst", "Aalst"), ("boom", "Boom")):
        write_campaign(
            campaigns,
            slug,
            campaign={
                "municipality": {"name": name},
                "site_url": OMIT,
                # boom has no sign-up address of its own: {{ signup_url }} is its site.
                "signup_url": "https://www.aalst.be/inschrijven" if slug == "aalst" else OMIT,
                "partners": [{"from": "proef/natuurpunt"}],
            },
            actions={"dak": {"from": "proef/dakisolatie", "summary": f"Alleen in {name}."}},
        )
    write_campaign(campaigns, "dilbeek", campaign={"site_url": OMIT})
    _build(root)
    return root


def test_pages_show_the_overrides_and_the_text_filled_in_per_municipality(project: Path) -> None:
    for slug, name in (("aalst", "Aalst"), ("boom", "Boom")):
        html = (project / "site" / slug / "acties" / "dak" / "index.html").read_text()
        assert f"Samen je dak isoleren in {name}</h1>" in html
        assert f"Alleen in {name}." in html
        assert 'Actiefiche: <a href="https://www.bondbeterleefmilieu.be">' in html
        assert list((project / "site" / slug / "images" / "bibliotheek-proef").rglob("dak-*"))


def test_library_text_links_to_the_campaign_in_the_portal(project: Path) -> None:
    """A member without a site_url of its own lives at <portal>/<slug>/: the library's
    placeholders link there, as the rest of its pages and kit do."""
    aalst = (project / "site" / "aalst" / "acties" / "dak" / "index.html").read_text()
    assert '<a href="https://www.aalst.be/inschrijven">Schrijf je in</a>' in _links(aalst)
    assert f'<a href="{PORTAL}aalst/">lees meer</a>' in _links(aalst)
    boom = (project / "site" / "boom" / "acties" / "dak" / "index.html").read_text()
    assert f'<a href="{PORTAL}boom/">Schrijf je in</a>' in _links(boom)
    assert f'<a href="{PORTAL}boom/">lees meer</a>' in _links(boom)
    partners = (project / "site" / "boom" / "partners" / "index.html").read_text()
    assert "Geeft advies over groen in Boom." in partners


def test_the_library_page_lists_who_runs_what(project: Path) -> None:
    html = (project / "site" / "bibliotheek" / "index.html").read_text()
    block = html.split('id="proef"')[1]
    dak = block.split("Samen je dak isoleren in [gemeente]")[1].split("</li>")[0]
    assert '<a href="../aalst/acties/dak/">Aalst</a>' in dak
    assert '<a href="../boom/acties/dak/">Boom</a>' in dak
    assert "dilbeek" not in dak
    repair = block.split("Een repair café")[1].split("</li>")[0]
    assert "nog door geen campagne gebruikt" in repair
    partners = block.split('id="proef-partners"')[1]
    assert '<a href="../aalst/partners/">Aalst</a>' in partners
    index = (project / "site" / "index.html").read_text()
    assert 'href="bibliotheek/"' in index


def test_editing_a_library_action_rebuilds_only_the_campaigns_that_use_it(project: Path) -> None:
    assert _rebuilt(_build(project)) == []
    action = project / "library" / "proef" / "actions" / "dakisolatie.yml"
    action.write_text(action.read_text() + "status: running\n", encoding="utf-8")
    assert _rebuilt(_build(project)) == ["aalst", "boom"]
    write_library(
        project / "library",
        "proef",
        actions={
            "dakisolatie": action.read_text(),
            "nieuw": {"title": "Nieuw", "summary": "Door niemand gebruikt.", "theme": "water"},
        },
    )
    assert _rebuilt(_build(project)) == []


def test_a_library_in_library_dirs_builds_and_provenance_can_be_turned_off(
    tmp_path: Path,
) -> None:
    root = make_project(tmp_path / "project")
    shutil.rmtree(root / "library")
    write_library(root / "vendor" / "bibliotheken", "proef")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config, found = re.subn(
        r"(?m)^  - campaignkit$",
        "  - campaignkit:\n      library_dirs: [vendor/bibliotheken]\n"
        "      library_provenance: false",
        config,
    )
    assert found == 1
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    write_campaign(
        root / "campaigns",
        "aalst",
        campaign={"municipality": {"name": "Aalst"}},
        actions={"dak": {"from": "proef/dakisolatie"}},
    )
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    env["CAMPAIGN"] = "aalst"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    html = (root / "site" / "acties" / "dak" / "index.html").read_text()
    assert "Samen je dak isoleren in Aalst</h1>" in html
    assert "ck-provenance" not in html


def test_a_problem_in_a_library_item_no_campaign_uses_is_told_and_blocks_no_build(
    tmp_path: Path,
) -> None:
    """``campaignkit validate`` reports it as an error; a build, which would otherwise stop
    every campaign for one broken library file, tells it in its log and goes on."""
    root = make_project(tmp_path / "project")
    broken = {"title": "Kapot", "summary": "Door niemand gebruikt.", "theme": "water"}
    write_library(root / "library", "proef", actions={"kapot": {**broken, "efort": "veel"}})
    for slug in ("aalst", "boom"):
        write_campaign(root / "campaigns", slug, actions={"dak": {"from": "proef/dakisolatie"}})
    where = "library/proef/actions/kapot.yml:4:1: 'efort'"
    for log in (_build(root), _build(root, "aalst")):
        assert "Bibliotheek: 1 probleem in bestanden die geen campagne van deze build" in log
        assert where in log
        assert log.count(where) == 1  # the portal tells it, not each microsite
    assert (root / "site" / "acties" / "dak" / "index.html").is_file()
    validate = subprocess.run(
        [sys.executable, "-m", "campaignkit.cli", "validate", "campaigns"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert validate.returncode == 1
    assert where in validate.stderr
