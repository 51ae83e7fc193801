"""`pre-commit run --all-files` for real, offline, in a throwaway git repository.

Every hook is `repo: local` with the tools of the project's virtualenv, so
nothing is fetched; the test proves the hooks pass on the repository as it is
and that a broken data file stops the commit with the located French message.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

VENV = Path(sys.prefix)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path) -> Path:
    """The working tree's files (tracked and new, not ignored), committed in a fresh repository."""
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            check=True, capture_output=True, text=True).stdout.split("\0")
    dest = tmp_path / "depot"
    for rel in filter(None, listed):
        source = ROOT / rel
        if source.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / rel)
    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    _git(dest, "-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "copie")
    (dest / ".venv").symlink_to(VENV)  # the hooks call .venv/bin/… like in a developer's checkout
    return dest


def _pre_commit(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_MKDOCS_2_WARNING": "1",
           # no network: a hook that tried to fetch anything would fail
           "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9", "no_proxy": ""}
    return subprocess.run([str(VENV / "bin" / "pre-commit"), "run", "--all-files", "--color", "never"], cwd=repo,
                          env=env, capture_output=True, text=True)


def test_pre_commit_hooks_pass_offline_on_the_repository(repo, tmp_path):
    result = _pre_commit(repo, tmp_path / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    for hook in ("coopdec validate", "coopdec schemas --check", "yamllint", "ruff"):
        assert any(hook in line and "Passed" in line for line in result.stdout.splitlines()), result.stdout


def test_pre_commit_stops_a_broken_data_file_with_the_located_message(repo, tmp_path):
    path = repo / "data" / "programmes.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  genre: ", "  genre:  ", 1).replace("  titre: ", "  titr: ", 1), encoding="utf-8")
    _git(repo, "add", "data/programmes.yaml")
    result = _pre_commit(repo, tmp_path / "cache")
    assert result.returncode == 1
    assert "data/programmes.yaml:" in result.stdout and "erreur" in result.stdout, result.stdout
    assert "titr" in result.stdout
