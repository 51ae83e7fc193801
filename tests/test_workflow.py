"""The editors' pull-request workflow as files: CI, Dependabot, the lock, editors' settings, licences.

The workflow is checked against GitHub's schema offline (check-jsonschema's
vendored copy); what it must do for the editors is asserted step by step.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
BIN = Path(sys.executable).parent


def _check_schema(schema: str, path: Path) -> None:
    result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_and_dependabot_pass_github_schemas():
    _check_schema("vendor.github-workflows", WORKFLOW)
    _check_schema("vendor.dependabot", ROOT / ".github" / "dependabot.yml")


def _steps() -> tuple[dict, list[dict]]:
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return flow, flow["jobs"]["verifier"]["steps"]


def test_workflow_runs_on_pull_requests_and_main_in_debian_with_chromium():
    flow, steps = _steps()
    triggers = flow[True] if True in flow else flow["on"]  # PyYAML reads `on:` as a boolean
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    job = flow["jobs"]["verifier"]
    assert "bookworm" in job["container"]["image"]  # Debian's Chromium, not Ubuntu's snap stub
    assert job["timeout-minutes"] <= 90
    assert "chromium" in steps[0]["run"] and "faketime" in steps[0]["run"]


def test_workflow_annotates_validates_tests_builds_and_uploads():
    _, steps = _steps()
    runs = [s.get("run", "") for s in steps]
    validate = next(i for i, r in enumerate(runs) if "coopdec validate --github" in r)
    build = runs.index("make site")
    tests = runs.index("make test")
    assert runs.index("make install") < validate < build < tests
    uploads = {s["with"]["name"]: s["with"]["path"] for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")}
    assert uploads == {"apercu-du-site": "site/", "edition-hors-ligne": "dist/guide-cooperation-decentralisee-hors-ligne.zip"}
    assert all(steps.index(s) < tests for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")), \
        "the preview is uploaded before the long tests, so editors get it even if a browser test fails"


def test_pages_are_deployed_from_main_only():
    flow, steps = _steps()
    main_only = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    pages = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert pages["if"] == main_only and pages["with"]["path"] == "site/"
    deploy = flow["jobs"]["publier"]
    assert deploy["if"] == main_only and deploy["needs"] == "verifier"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert flow["permissions"] == {"contents": "read"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_github_annotations_point_at_the_line(tmp_path):
    data = tmp_path / "data"
    subprocess.run(["cp", "-r", str(ROOT / "tests" / "data" / "valid" / "data"), str(data)], check=True)
    (tmp_path / "content").mkdir()
    path = data / "programmes.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("genre: ", "genre: inconnu-", 1), encoding="utf-8")
    result = subprocess.run([str(BIN / "coopdec"), "--root", str(tmp_path), "validate", "--github"],
                            capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert annotations and all(re.match(r"::error file=data/programmes\.yaml,line=\d+,col=\d+::", a) for a in annotations), \
        result.stdout
    assert "Traceback" not in result.stderr and "erreur" in result.stderr


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_python_dependencies_come_from_a_hashed_lock():
    lock = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+) \\$", lock, flags=re.M))
    entries = re.split(r"\n(?=[A-Za-z0-9])", lock.split("\n", 6)[-1])
    assert all("--hash=sha256:" in e for e in entries if "==" in e), "every pin carries its sha256 hashes"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["test"]
    missing = {_normalise(re.split(r"[<>=!~ ;\[]", d)[0]) for d in wanted} - {_normalise(n) for n in pins}
    assert not missing, f"absent du verrou : {missing} — lancez `make lock`"
    assert "setuptools" in pins  # the project itself is built without downloading anything
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet --require-hashes -r $(LOCK)" in makefile
    assert "--no-deps --no-build-isolation -e ." in makefile
    assert re.search(r"^lock:", makefile, flags=re.M) and "pip-compile" in makefile


def test_unused_python_dependencies_are_gone():
    deps = " ".join(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"])
    assert "xstatic" not in deps  # Leaflet comes from npm with its licence; folium's jQuery is never loaded


def test_editor_settings_cover_every_schema():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    associations = settings["yaml.schemas"]
    schemas = sorted(p.name for p in (ROOT / "schemas").glob("*.schema.json"))
    assert sorted(Path(k).name for k in associations) == schemas
    for schema, globs in associations.items():
        assert (ROOT / schema).exists() and all((ROOT / g).exists() for g in globs)
        assert globs == [f"data/{Path(schema).name.replace('.schema.json', '.yaml')}"]
    assert "redhat.vscode-yaml" in json.loads((ROOT / ".vscode" / "extensions.json").read_text())["recommendations"]
    editorconfig = (ROOT / ".editorconfig").read_text(encoding="utf-8")
    assert "root = true" in editorconfig and "charset = utf-8" in editorconfig


def test_licences_agree():
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Licence Ouverte" in (ROOT / "LICENCE-CONTENUS.md").read_text(encoding="utf-8")
    assert json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["license"] == "MIT"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
