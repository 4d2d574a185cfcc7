"""The editor speaks the coach's language: the real yaml-language-server (the server VS Code's
YAML extension runs, pinned in package.json) with the workspace settings of
``.vscode/settings.json``, given campaign files as a coach types them. Its diagnostics, hover
texts and completions are the Dutch of the committed schemas, and the example campaigns give
no diagnostics at all.

Documents are opened unsaved under ``campaigns/`` of the repository, so the file globs of
the settings pick their schema; the examples are opened as they are, with their first line
naming their schema.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from itertools import count
from typing import Any

import pytest
from support.campaigns import ACTION, DEFAULT, EVENT, Sample
from support.lsp import YamlEditor
from support.projects import REPO

SERVER = REPO / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
SCHEMAS = {
    name: json.loads((REPO / "schema" / name).read_text(encoding="utf-8"))
    for name in ("campaign.schema.json", "action.schema.json", "event.schema.json")
}
_folders = count(1)


@pytest.fixture(scope="module")
def editor() -> Iterator[YamlEditor]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the editor's language server cannot run")
    assert SERVER.is_file(), (
        "node_modules/ lacks yaml-language-server: run scripts/setup.sh --test (npm ci)"
    )
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    session = YamlEditor([node, str(SERVER), "--stdio"], REPO, settings)
    try:
        yield session
    finally:
        session.close()


def _open(editor: YamlEditor, sample: Sample, name: str) -> tuple[str, str]:
    """Open the factory's file ``name`` (``campaign.yml``, ``actions/<slug>.yml``, …) of
    ``sample`` unsaved in a campaign folder of its own; its URI and text."""
    text = sample.contents()[name]
    assert isinstance(text, str)
    return editor.open(f"campaigns/editor-{next(_folders)}/{name}", text), text


def _position(text: str, pattern: str) -> tuple[int, int]:
    """Line and column (from 0) of the first match of ``pattern``, a regex with one group."""
    match = re.search(pattern, text, re.MULTILINE)
    assert match, pattern
    before = text[: match.start(1)]
    return before.count("\n"), len(before) - (before.rfind("\n") + 1)


def _messages(diagnostics: list[dict[str, Any]]) -> list[tuple[int, str]]:
    return [(d["range"]["start"]["line"], d["message"]) for d in diagnostics]


def test_the_server_is_the_one_package_json_pins(editor: YamlEditor) -> None:
    package = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    pinned = package["devDependencies"]["yaml-language-server"]
    assert editor.info["serverInfo"] == {"name": "yaml-language-server", "version": pinned}


def test_the_settings_give_each_kind_of_file_its_schema(editor: YamlEditor) -> None:
    files = {
        "campaign.yml": "campaign",
        f"actions/{ACTION}.yml": "action",
        f"events/{EVENT}.yml": "event",
    }
    for name, kind in files.items():
        uri, _ = _open(editor, DEFAULT, name)
        assert editor.diagnostics(uri) == [], name
        assert editor.schemas(uri) == [(REPO / "schema" / f"{kind}.schema.json").as_uri()]


def test_a_colour_written_as_a_word_is_answered_in_dutch(editor: YamlEditor) -> None:
    sample = DEFAULT.changed(campaign={"branding": {"primary": "green"}})
    uri, text = _open(editor, sample, "campaign.yml")
    message = (
        "Een kleur schrijf je als # en zes hexadecimale cijfers (0-9, A-F), tussen "
        'aanhalingstekens, bv. "#2E7D32".'
    )
    line, column = _position(text, r"^  primary: (green)$")
    diagnostics = editor.diagnostics(uri)
    assert _messages(diagnostics) == [(line, message)]
    assert diagnostics[0]["range"]["start"]["character"] == column
    assert "^#" not in diagnostics[0]["message"]


@pytest.mark.parametrize("start", ["2027-13-45 25:00", "2027-05-32 10:00", "2027-05-15 24:00"])
def test_a_moment_that_cannot_exist_is_marked_in_dutch(editor: YamlEditor, start: str) -> None:
    sample = DEFAULT.changed(events={EVENT: {"start": start}})
    uri, text = _open(editor, sample, f"events/{EVENT}.yml")
    message = SCHEMAS["event.schema.json"]["properties"]["start"]["patternErrorMessage"]
    assert message.startswith("Schrijf JJJJ-MM-DD UU:MM, bv. 2027-05-15 14:00 (maand 01 tot 12")
    line, _ = _position(text, r"^(start):")
    assert _messages(editor.diagnostics(uri)) == [(line, message)]


def test_a_wrong_choice_names_the_choices_in_dutch(editor: YamlEditor) -> None:
    sample = DEFAULT.changed(actions={ACTION: {"status": "klaar"}})
    uri, text = _open(editor, sample, f"actions/{ACTION}.yml")
    line, _ = _position(text, r"^(status): klaar$")
    expected = "Kies planned (gepland), running (bezig) of done (afgerond)."
    assert _messages(editor.diagnostics(uri)) == [(line, expected)]


def test_hovering_a_key_shows_its_dutch_description(editor: YamlEditor) -> None:
    action = DEFAULT.changed(actions={ACTION: {"signup_url": "https://www.zonnebeke.be/gevel"}})
    uri, text = _open(editor, action, f"actions/{ACTION}.yml")
    hover = editor.hover(uri, *_position(text, r"^sign(up_url):"))
    described = SCHEMAS["action.schema.json"]["properties"]["signup_url"]["markdownDescription"]
    assert described.startswith("Waar inwoners zich inschrijven voor deze actie")
    assert hover.startswith(described)

    uri, text = _open(editor, DEFAULT, "campaign.yml")
    hover = editor.hover(uri, *_position(text, r"^  (email): "))
    contact = SCHEMAS["campaign.schema.json"]["$defs"]["Contact"]["properties"]
    assert contact["email"]["markdownDescription"].startswith("Het e-mailadres voor vragen")
    assert hover.startswith(contact["email"]["markdownDescription"])


def test_completing_a_choice_offers_each_value_with_its_dutch_meaning(
    editor: YamlEditor,
) -> None:
    written = DEFAULT.contents()[f"actions/{ACTION}.yml"]
    assert isinstance(written, str) and "status" not in written
    text = written + "status: "  # as typed, the cursor after the space
    uri = editor.open(f"campaigns/editor-{next(_folders)}/actions/{ACTION}.yml", text)
    items = editor.completion(uri, text.count("\n"), len("status: "))
    offered = {item["label"]: item.get("documentation") for item in items}
    assert offered == {
        "planned": {"kind": "markdown", "value": "gepland"},
        "running": {"kind": "markdown", "value": "bezig"},
        "done": {"kind": "markdown", "value": "afgerond"},
    }


EXAMPLES = sorted(
    path.relative_to(REPO).as_posix()
    for name in ("asse", "lier")
    for kind in ("campaign.yml", "actions/*.yml", "events/*.yml", "teams/*.yml")
    for path in (REPO / "campaigns" / name).glob(kind)
)


def test_the_example_campaigns_give_no_diagnostics(editor: YamlEditor) -> None:
    assert len(EXAMPLES) > 20 and any("/teams/" in name for name in EXAMPLES)
    uris = {name: editor.open(name, (REPO / name).read_text(encoding="utf-8")) for name in EXAMPLES}
    found = {name: _messages(editor.diagnostics(uri)) for name, uri in uris.items()}
    assert {name: problems for name, problems in found.items() if problems} == {}
    for name, uri in uris.items():
        kind = "campaign" if name.endswith("campaign.yml") else name.split("/")[2][:-1]
        assert editor.schemas(uri) == [(REPO / "schema" / f"{kind}.schema.json").as_uri()], name
