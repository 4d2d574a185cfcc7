"""A small Language Server Protocol client for the tests: JSON-RPC over a server's stdin and
stdout, each message after a ``Content-Length`` header, as an editor speaks it.

The server's own requests are answered as VS Code answers them: ``workspace/configuration``
with the settings given, everything else (capability registration, progress) with ``null``.
Every wait has a timeout, and :meth:`LanguageServer.close` ends the process in any case.
"""

from __future__ import annotations

import json
import subprocess
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

#: Seconds a request or a notification is waited for before the test fails.
TIMEOUT = 30.0


class ServerError(AssertionError):
    """The server answered with an error, stopped, or did not answer in time."""


class LanguageServer:
    """A language server process, started with ``command`` in ``cwd``.

    ``settings`` are the client's settings by section (``{"yaml": {...}, "editor": {...}}``),
    handed out when the server asks for them.
    """

    def __init__(
        self, command: Sequence[str], cwd: Path, settings: Mapping[str, Any] | None = None
    ) -> None:
        self.settings = dict(settings or {})
        self._process = subprocess.Popen(
            list(command),
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self._write_lock = threading.Lock()
        self._changed = threading.Condition()
        self._responses: dict[int, dict[str, Any]] = {}
        self._notifications: list[dict[str, Any]] = []
        self._stderr: list[bytes] = []
        self._next_id = 0
        self._ended = False
        assert self._process.stdout and self._process.stderr
        self._threads = [
            threading.Thread(target=self._read, args=(self._process.stdout,), daemon=True),
            threading.Thread(target=self._drain, args=(self._process.stderr,), daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    # -- sending ---------------------------------------------------------------------------

    def request(self, method: str, params: Any, timeout: float = TIMEOUT) -> Any:
        """Send a request and wait for its result."""
        with self._changed:
            self._next_id += 1
            ident = self._next_id
        self._send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        response = self._wait(lambda: self._responses.pop(ident, None), f"{method}", timeout)
        if "error" in response:
            raise ServerError(f"{method}: {response['error']}")
        return response.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for(
        self,
        method: str,
        where: Callable[[Any], bool] = lambda params: True,
        timeout: float = TIMEOUT,
    ) -> Any:
        """The params of the first notification ``method`` (matching ``where``) not yet
        taken; it is taken."""

        def taken() -> dict[str, Any] | None:
            for index, message in enumerate(self._notifications):
                if message["method"] == method and where(message.get("params")):
                    return self._notifications.pop(index)
            return None

        return self._wait(taken, method, timeout).get("params")

    def close(self) -> None:
        """Shut the server down politely, then for certain."""
        try:
            if self._process.poll() is None and not self._ended:
                self.request("shutdown", None, timeout=5)
                self.notify("exit", None)
                self._process.wait(timeout=5)
        except (ServerError, OSError, subprocess.TimeoutExpired):
            pass
        finally:
            if self._process.poll() is None:
                self._process.kill()
                self._process.wait(timeout=5)
            for thread in self._threads:
                thread.join(timeout=5)
            for stream in (self._process.stdin, self._process.stdout, self._process.stderr):
                if stream:
                    stream.close()

    @property
    def stderr(self) -> str:
        return b"".join(self._stderr).decode("utf-8", "replace")

    def _send(self, message: Mapping[str, Any]) -> None:
        body = json.dumps(message).encode("utf-8")
        stdin = self._process.stdin
        assert stdin is not None
        with self._write_lock:
            try:
                stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
                stdin.flush()
            except OSError as error:
                raise ServerError(f"the server stopped: {self.stderr[-2000:]}") from error

    def _wait(self, found: Callable[[], Any], what: str, timeout: float) -> Any:
        """What ``found`` returns once it is not None (called with the lock held)."""
        result: list[Any] = []

        def ready() -> bool:
            value = found()
            if value is not None:
                result.append(value)
            return bool(result) or self._ended

        with self._changed:
            arrived = self._changed.wait_for(ready, timeout)
        if not result:
            why = "the server stopped" if arrived else f"nothing within {timeout:.0f} s"
            raise ServerError(f"{what}: {why}; it said: {self.stderr[-2000:]}")
        return result[0]

    # -- receiving -------------------------------------------------------------------------

    def _read(self, stdout: IO[bytes]) -> None:
        try:
            while (message := _read_message(stdout)) is not None:
                if "method" in message and "id" in message:
                    self._answer(message)
                    continue
                with self._changed:
                    if "method" in message:
                        self._notifications.append(message)
                    else:
                        self._responses[message["id"]] = message
                    self._changed.notify_all()
        finally:
            with self._changed:
                self._ended = True
                self._changed.notify_all()

    def _answer(self, request: Mapping[str, Any]) -> None:
        result: Any = None
        if request["method"] == "workspace/configuration":
            items = request["params"]["items"]
            result = [self.settings.get(item.get("section", "")) for item in items]
        self._send({"jsonrpc": "2.0", "id": request["id"], "result": result})

    def _drain(self, stderr: IO[bytes]) -> None:
        for line in stderr:
            self._stderr.append(line)


def _read_message(stream: IO[bytes]) -> dict[str, Any] | None:
    """One JSON-RPC message from ``stream``, or None at its end."""
    length = None
    while True:
        line = stream.readline()
        if not line:
            return None
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    if length is None:
        raise ServerError("a message without Content-Length")
    body = stream.read(length)
    if len(body) < length:
        return None
    message: dict[str, Any] = json.loads(body)
    return message


class YamlEditor:
    """yaml-language-server spoken to as VS Code's YAML extension speaks to it, in the
    workspace ``root`` with the workspace settings ``workspace_settings`` (the flat keys of
    ``.vscode/settings.json``: ``"yaml.schemas"``, ``"[yaml]"``, …).

    The server pulls the settings once, after ``initialized``; the documents are opened
    after it said the settings are in use (``yaml/schema/store/initialized``), so their first
    diagnostics are final. The schema store stays off: it would be fetched from the network.
    The editor's language is English, so whatever Dutch it shows comes from the schemas.
    """

    def __init__(self, command: Sequence[str], root: Path, workspace_settings: Mapping[str, Any]):
        yaml: dict[str, Any] = {"hover": True, "completion": True, "validate": True}
        for key, value in workspace_settings.items():
            if key.startswith("yaml."):
                yaml[key.removeprefix("yaml.")] = value
        yaml["schemaStore"] = {"enable": False}
        sections = {
            "yaml": yaml,
            "http": {},
            "[yaml]": workspace_settings.get("[yaml]", {}),
            "editor": {"detectIndentation": True},
        }
        self.root = root
        self.server = LanguageServer(command, root, sections)
        try:
            self._start()
        except BaseException:
            self.server.close()
            raise

    def _start(self) -> None:
        self.info = self.server.request("initialize", _initialize_params(self.root))
        self.server.notify("yaml/supportSchemaSelection", {})
        self.server.notify("initialized", {})
        self.server.wait_for("yaml/schema/store/initialized")

    def open(self, path: str, text: str) -> str:
        """Open ``text`` as the unsaved document ``path`` (relative to the workspace) and
        return its URI; nothing is written to disk."""
        uri = (self.root / path).as_uri()
        self.server.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
        )
        return uri

    def diagnostics(self, uri: str) -> list[dict[str, Any]]:
        """The diagnostics the server published for the open document ``uri``."""
        published = self.server.wait_for("textDocument/publishDiagnostics", _about(uri))
        diagnostics: list[dict[str, Any]] = published["diagnostics"]
        return diagnostics

    def schemas(self, uri: str) -> list[str]:
        """The URIs of the schemas the server uses for ``uri`` (VS Code's status bar)."""
        return [schema["uri"] for schema in self.server.request("yaml/get/jsonSchema", uri)]

    def hover(self, uri: str, line: int, character: int) -> str:
        """The hover text at a position ("" when there is none)."""
        result = self.server.request("textDocument/hover", _at(uri, line, character))
        if not result:
            return ""
        contents = result["contents"]
        return str(contents["value"] if isinstance(contents, dict) else contents)

    def completion(self, uri: str, line: int, character: int) -> list[dict[str, Any]]:
        """The completion items offered at a position."""
        result = self.server.request("textDocument/completion", _at(uri, line, character))
        items: list[dict[str, Any]] = result["items"] if isinstance(result, dict) else result
        return items

    def close(self) -> None:
        self.server.close()


def _initialize_params(root: Path) -> dict[str, Any]:
    """What VS Code tells a language server about itself and the workspace ``root``."""
    markup = ["markdown", "plaintext"]
    return {
        "processId": None,
        "clientInfo": {"name": "Visual Studio Code"},
        "locale": "en",
        "rootUri": root.as_uri(),
        "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
        "capabilities": {
            "workspace": {
                "configuration": True,
                "workspaceFolders": True,
                "didChangeConfiguration": {"dynamicRegistration": True},
            },
            "textDocument": {
                "synchronization": {"dynamicRegistration": True},
                "hover": {"contentFormat": markup},
                "completion": {
                    "completionItem": {"snippetSupport": True, "documentationFormat": markup}
                },
                "publishDiagnostics": {"relatedInformation": True},
            },
        },
    }


def _about(uri: str) -> Callable[[Any], bool]:
    return lambda params: bool(params) and params.get("uri") == uri


def _at(uri: str, line: int, character: int) -> dict[str, Any]:
    return {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}
