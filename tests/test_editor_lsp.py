"""The autocompletion the README promises, proven with the engine of VS Code's YAML extension.

yaml-language-server (npm devDependency) is driven over LSP stdio on the real
`data/programmes.yaml`: completions come from the committed schemas, and
mistakes an editor makes (unknown key, bad value) come back as diagnostics on
their line — with the file's modeline, and without it through the schema
associations of `.vscode/settings.json`.
"""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import ROOT
from lsp_client import LspClient

SERVER = ROOT / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
DATA = ROOT / "data" / "programmes.yaml"

pytestmark = pytest.mark.skipif(not SERVER.exists() or not shutil.which("node"),
                                reason="yaml-language-server absent : `make install` l'installe (npm)")


def _settings(schemas: dict | None = None) -> dict:
    yaml = {"validate": True, "completion": True, "hover": True, "schemaStore": {"enable": False}}
    if schemas is not None:
        yaml["schemas"] = schemas
    return {"yaml": yaml}


@pytest.fixture
def server_for():
    clients = []

    def start(settings: dict) -> LspClient:
        client = LspClient(["node", str(SERVER), "--stdio"], settings)
        clients.append(client)
        client.request("initialize", {
            "processId": None, "rootUri": ROOT.as_uri(), "workspaceFolders": [{"uri": ROOT.as_uri(), "name": "guide"}],
            "capabilities": {"workspace": {"configuration": True},
                             "textDocument": {"completion": {"completionItem": {"snippetSupport": False}},
                                              "publishDiagnostics": {}}},
        })
        client.notify("initialized", {})
        client.notify("workspace/didChangeConfiguration", {"settings": settings})
        return client

    yield start
    for client in clients:
        client.close()


def _edited(text: str) -> tuple[str, int, int]:
    """The real file with an editor's two mistakes; returns (text, line of the unknown key, line of the bad genre), 0-based."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("- id: "))
    genre = next(i for i in range(first, len(lines)) if lines[i].startswith("  genre: "))
    lines[genre] = "  genre: cle-en-main-amif"
    lines.insert(first + 1, "  telephon: 01 02 03 04 05")
    return "\n".join(lines), first + 1, genre + 1


def _labels(result) -> set[str]:
    return {item["label"] for item in (result["items"] if isinstance(result, dict) else result)}


def _check(client: LspClient, uri: str, text: str) -> None:
    edited, unknown_line, genre_line = _edited(text)
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": edited}})
    message = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"]["uri"] == uri and m["params"]["diagnostics"], timeout=90)
    diagnostics = message["params"]["diagnostics"]
    by_line = {d["range"]["start"]["line"]: d["message"] for d in diagnostics}
    assert "telephon" in by_line.get(unknown_line, ""), diagnostics
    assert "cle-en-main-aimf" in by_line.get(genre_line, ""), diagnostics  # the allowed values are listed
    assert set(by_line) == {unknown_line, genre_line}, diagnostics  # the rest of the real file is clean

    # The editor starts typing a new key in the first programme: the schema proposes the missing ones.
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("- id: "))
    lines.insert(first + 1, "  zo")
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": "\n".join(lines)}]})
    keys = _labels(client.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                              "position": {"line": first + 1, "character": 4}}))
    assert {"zones", "pays", "villes", "calendrier"} <= keys, sorted(keys)
    present = {"id", "genre", "source", "budget"}
    assert not present & keys, sorted(present & keys)  # keys already present are not proposed again

    genre = next(i for i in range(first, len(lines)) if lines[i].startswith("  genre: "))
    values = _labels(client.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                                "position": {"line": genre, "character": len(lines[genre])}}))
    assert {"cle-en-main-aimf", "cle-en-main-daect", "mutualisable"} <= values, sorted(values)


def test_modeline_gives_completions_and_diagnostics(server_for):
    client = server_for(_settings())
    _check(client, DATA.as_uri(), DATA.read_text(encoding="utf-8"))


def test_vscode_settings_associate_schemas_without_the_modeline(server_for):
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert "data/programmes.yaml" in settings["yaml.schemas"]["./schemas/programmes.schema.json"]
    # VS Code resolves the settings' relative paths against the workspace folder; so do we.
    schemas = {(ROOT / path).resolve().as_uri(): globs for path, globs in settings["yaml.schemas"].items()}
    client = server_for(_settings(schemas))
    text = DATA.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    _check(client, DATA.as_uri(), text.split("\n", 1)[1])
