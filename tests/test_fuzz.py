"""Property: no input crashes the validator or blows its memory (Hypothesis).

The real data files are mutated — characters inserted or deleted, lines
duplicated or moved, values replaced by YAML fragments editors (or attackers)
could write: aliases, tags, nested lists, NUL bytes, non-UTF-8 bytes… Every
run of `coopdec validate`'s phase one must end either in success or in
`CatalogueError` with located French problems, never in another exception.
The examples run in a child process whose address space is capped
(`MEMORY_BUDGET`): an alias bomb or a runaway expansion would fail the test.
"""

from __future__ import annotations

import multiprocessing
import resource
import shutil
import tempfile
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT

MEMORY_BUDGET = 3 * 2**30  # bytes of address space for the whole child (Python, pydantic, Markdown included)
FILES = sorted(p.name for p in (ROOT / "data").glob("*.yaml"))
FRAGMENTS = [b"[1, [2, [3]]]", b"{a: b}", b"&a x", b"*a", b"&b [*b]", b"!!binary aGk=", b"!truc x", b"yes", b"~", b"NO",
             b"2020-02-30", b"2999", b"\"\\x00\"", b"\x00", b"\xff\xfe", b"\xe9t\xe9", b"'", b"\"", b"- - -", b": :", b"|",
             b">-\n", b"\t", b"{: onclick=alert(1) }", b"<script>alert(1)</script>", b"[x](javascript:alert(1))",
             b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", b"true", b"[true]", b"1e3", b"0x1F", b"-1", b"\"a@b.fr\\n\""]


def _mutate(data: bytes, draw) -> bytes:
    lines = data.split(b"\n")
    kind = draw(st.sampled_from(["insert", "delete", "duplicate", "move", "replace_value", "truncate"]))
    at = draw(st.integers(0, len(lines) - 1))
    if kind == "insert":
        line = lines[at]
        pos = draw(st.integers(0, len(line)))
        lines[at] = line[:pos] + draw(st.sampled_from(FRAGMENTS)) + line[pos:]
    elif kind == "delete":
        end = draw(st.integers(at, min(len(lines), at + 5)))
        del lines[at:end]
    elif kind == "duplicate":
        lines.insert(at, lines[at])
    elif kind == "move":
        line = lines.pop(at)
        lines.insert(draw(st.integers(0, len(lines))), line)
    elif kind == "replace_value":
        key, sep, _ = lines[at].partition(b": ")
        if sep:
            lines[at] = key + sep + draw(st.sampled_from(FRAGMENTS))
    else:
        return data[:draw(st.integers(0, len(data)))]
    return b"\n".join(lines)


def _check_once(name: str, mutated: bytes) -> None:
    from coopdec import CatalogueError
    from coopdec.build import validate_project

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(ROOT / "data", root / "data")
        (root / "data" / name).write_bytes(mutated)
        try:
            validate_project(root, ROOT / "content", root / "data", ROOT / "mkdocs.yml")
        except CatalogueError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert problem.path and problem.message, problem
                assert "Traceback" not in problem.message
                if problem.path == f"data/{name}" and problem.code not in ("fichier", "vide"):
                    assert problem.line >= 1, problem.format()


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def _property(data):
    name = data.draw(st.sampled_from(FILES))
    original = (ROOT / "data" / name).read_bytes()
    mutated = original
    for _ in range(data.draw(st.integers(1, 3))):
        mutated = _mutate(mutated, data.draw)
    _check_once(name, mutated)


def _child(queue) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BUDGET, MEMORY_BUDGET))
    try:
        _property()
        queue.put("")
    except BaseException:  # noqa: BLE001 - the whole report goes to the parent
        queue.put(traceback.format_exc())


def test_mutated_data_never_crashes_and_stays_within_budget():
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_child, args=(queue,))
    child.start()
    child.join(timeout=900)
    report = queue.get(timeout=5) if child.exitcode == 0 or not queue.empty() else f"child ended with {child.exitcode}"
    assert child.exitcode == 0 and report == "", report


def test_an_alias_bomb_stays_within_budget():
    """The 515-byte bomb of the trust issue, in every data file position that matters."""
    bomb = b"a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n" + b"".join(
        b"%c: &%c [%s]\n" % (c, c, b",".join([b"*%c" % (c - 1)] * 9)) for c in range(ord("b"), ord("j")))
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()

    def run(q):
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BUDGET, MEMORY_BUDGET))
        try:
            _check_once("programmes.yaml", bomb + (ROOT / "data" / "programmes.yaml").read_bytes())
            q.put("")
        except BaseException:  # noqa: BLE001
            q.put(traceback.format_exc())

    child = ctx.Process(target=run, args=(queue,))
    child.start()
    child.join(timeout=120)
    assert child.exitcode == 0 and queue.get(timeout=5) == ""
