"""What a portal worker keeps from one microsite build to the next gives the same sites.

A worker builds many campaigns in one process; it keeps Material's search defaults and
lists theme files through a view without the icon folders. These tests build microsites
one after another in this process, as a worker does, and compare what they wrote.
"""

from __future__ import annotations

import json
from pathlib import Path

import jinja2
import pytest
from support.campaigns import MINIMAL, write_campaign
from support.projects import make_project

from campaignkit.mkdocs.member import build_member
from campaignkit.mkdocs.speedups import theme_view
from campaignkit.portal.pool import Task
from campaignkit.request import CAMPAIGN_ENV, MEMBER_ENV, PORTAL_URL_ENV

EPOCH = "1798761600"  # 2027-01-01
PORTAL = "https://portaal.example.org/klimaat"


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_microsites_built_one_after_another_keep_their_own_search_language(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in (CAMPAIGN_ENV, MEMBER_ENV, PORTAL_URL_ENV):
        monkeypatch.delenv(name, raising=False)  # build_member sets them: undone after the test
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    languages = {"ath": "fr", "zemst": "nl"}
    for slug, language in languages.items():
        write_campaign(
            project / "campaigns",
            slug,
            base=MINIMAL,
            campaign={"municipality": {"name": slug.capitalize()}, "language": language},
        )

    sites = []
    for number, slug in enumerate(("ath", "zemst", "ath", "zemst")):
        site = tmp_path / f"{number}-{slug}"
        task = Task(slug, str(project / "mkdocs.yml"), "mkdocs", False, str(site), None)
        result = build_member(task)
        assert result.ok, result.messages
        index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
        assert index["config"]["lang"] == [languages[slug]]
        sites.append(_files(site))

    # The second build of each campaign had the kept defaults: nothing differs.
    assert sites[2] == sites[0]
    assert sites[3] == sites[1]
    assert sites[0] != sites[1]


@pytest.fixture(scope="module")
def member(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The microsite of a campaign without ``site_url`` in a portal that has one."""
    tmp_path = tmp_path_factory.mktemp("member")
    with pytest.MonkeyPatch.context() as monkeypatch:
        for name in (CAMPAIGN_ENV, MEMBER_ENV, PORTAL_URL_ENV):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
        project = make_project(tmp_path / "project")
        write_campaign(
            project / "campaigns",
            "zemst",
            base=MINIMAL,
            campaign={"municipality": {"name": "Zemst"}},
        )
        site = tmp_path / "site"
        task = Task("zemst", str(project / "mkdocs.yml"), "mkdocs", True, str(site), PORTAL)
        result = build_member(task)
    assert result.ok, result.messages
    return site


def test_a_member_without_site_url_links_to_its_place_in_the_portal(member: Path) -> None:
    home = (member / "index.html").read_text("utf-8")
    assert f'<link rel="canonical" href="{PORTAL}/zemst/">' in home
    actions = (member / "acties" / "index.html").read_text("utf-8")
    assert f'<link rel="canonical" href="{PORTAL}/zemst/acties/">' in actions
    assert not (member / "404.html").exists()  # the portal's serves every missing address


def test_a_member_without_site_url_has_qr_codes_to_its_place_in_the_portal(
    member: Path,
) -> None:
    assert (member / "kit" / "qr" / "campagne.svg").is_file()
    assert f"{PORTAL}/zemst/" in (member / "kit" / "index.html").read_text("utf-8")


def test_theme_view_loads_the_same_templates_and_lists_none_in_dot_folders(
    tmp_path: Path,
) -> None:
    theme = tmp_path / "theme"
    for name, text in {
        "base.html": "{% include '.icons/leaf.svg' %}|{% include 'partials/nav.html' %}",
        "partials/nav.html": "nav",
        "assets/stylesheets/main.css": "body{}",
        ".icons/leaf.svg": "<svg></svg>",
        "assets/.cache/skip.txt": "x",
    }.items():
        (theme / name).parent.mkdir(parents=True, exist_ok=True)
        (theme / name).write_text(text, "utf-8")

    view = Path(theme_view(str(theme), tmp_path / "cache"))
    assert view != theme and view.is_relative_to(tmp_path / "cache")
    listed = jinja2.Environment(loader=jinja2.FileSystemLoader(view)).list_templates()
    assert listed == ["assets/stylesheets/main.css", "base.html", "partials/nav.html"]
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(view))
    assert environment.get_template("base.html").render() == "<svg></svg>|nav"
    assert (view / "assets" / "stylesheets" / "main.css").read_text("utf-8") == "body{}"

    # A theme changed in place (a new file) gets a view of its own.
    (theme / "partials" / "footer.html").write_text("footer", "utf-8")
    from campaignkit.mkdocs import speedups as module

    module._VIEWS.clear()
    again = Path(theme_view(str(theme), tmp_path / "cache"))
    assert again != view
    assert (again / "partials" / "footer.html").read_text("utf-8") == "footer"

    # A folder without dot-folders is used as it is.
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "main.html").write_text("x", "utf-8")
    assert theme_view(str(plain), tmp_path / "cache") == str(plain)
