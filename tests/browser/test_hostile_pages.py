"""A campaign full of script-shaped text runs no script: every built page, in Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sites import serve
from support.campaigns import ACTION, EVENT, write_campaign
from support.projects import make_project

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

LINES = {
    "title": '"><img src=x onerror=alert(1)>',
    "tagline": "<script>alert(2)</script>",
    "summary": "'><svg onload=alert(3)>",
    "location": "</title><script>alert(4)</script>",
    "alt": '" onload="alert(5)',
}
MARKDOWN = "\n\n".join(
    [
        "[klik](javascript:alert(6)) en [ook](jav&#x09;ascript:alert(7))",
        "<img src=x onerror=alert(8)> <iframe src=javascript:alert(9)></iframe>",
        "<![ <!--><script>alert(10)</script>-->",
        '![x" onerror="alert(11)](https://example.org/x.png)',
        "<svg><script>alert(12)</script></svg> <a href=data:text/html,x>data</a>",
    ]
)


def _write(root: Path) -> Path:
    """A project whose one campaign has script-shaped text in every field that can hold it."""
    project = make_project(root)
    write_campaign(
        project / "campaigns",
        "gevaar",
        campaign={
            "title": LINES["title"],
            "intro": MARKDOWN,
            "tagline": LINES["tagline"],
            "site_url": "https://klimaat.demo.be/",
        },
        actions={
            ACTION: {
                "title": LINES["title"],
                "summary": LINES["summary"],
                "body": MARKDOWN,
                "image": {"alt": LINES["alt"], "credit": LINES["tagline"]},
            }
        },
        events={
            EVENT: {
                "title": LINES["summary"],
                "start": "2027-05-14 18:00",
                "end": "21:00",
                "location": {"name": LINES["location"], "address": LINES["tagline"]},
                "description": MARKDOWN,
                "actions": [ACTION],
            }
        },
    )
    return project


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = _write(tmp_path_factory.mktemp("hostile"))
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1798761600", "NO_MKDOCS_2_WARNING": "1"}
    environment.pop("CAMPAIGN", None)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


def test_no_page_of_a_hostile_campaign_runs_script(hostile_site: Path, browser: Browser) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) >= 10
    dialogs: list[str] = []
    with serve(hostile_site) as base:
        context = browser.new_context()
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in pages:
            relative = path.relative_to(hostile_site).as_posix()
            page.goto(base + relative, wait_until="load")
            # Hover and focus everything, so handlers bound to those events would fire too.
            for element in page.query_selector_all("img, svg, a")[:60]:
                element.dispatch_event("mouseover")
            page.wait_for_timeout(50)
            assert not dialogs, f"{relative}: a dialog opened: {dialogs}"
        context.close()
    texts = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in texts  # shown as text, not dropped


def test_the_dialog_check_bites(hostile_site: Path, browser: Browser, tmp_path: Path) -> None:
    broken = tmp_path / "site"
    shutil.copytree(hostile_site, broken)
    index = broken / "index.html"
    index.write_text(
        index.read_text(encoding="utf-8").replace("</body>", "<script>alert(1)</script></body>"),
        encoding="utf-8",
    )
    dialogs: list[str] = []
    with serve(broken) as base:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(base, wait_until="load")
        page.wait_for_timeout(100)
        page.close()
    assert dialogs == ["1"]
