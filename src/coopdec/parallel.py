"""Work beside the engine: a second process for what needs only the catalogue.

Why: MkDocs renders pages one after another on one core. Maps, the search
index, the open-data exports and the explorer's data depend only on the
checked catalogue, so a forked copy of the build process writes them while
MkDocs renders pages, on the other core. Each output file has one writer
(addresses.py keeps the paths apart), so the bytes are the same as in one
process; `join()` returns when the files are written, and re-raises the
child's error in the parent, so a failure still stops the build.

`COOPDEC_PROCESSUS=1` (or a system without `fork`) runs everything in the
calling process, at `join()`: same files, one core.
"""

from __future__ import annotations

import os
import pickle
import traceback
from collections.abc import Callable
from typing import Any


def processes() -> int:
    """How many processes the build may use: $COOPDEC_PROCESSUS, else the cores this process may run on (≤ 2)."""
    value = os.environ.get("COOPDEC_PROCESSUS", "").strip()
    if value:
        try:
            return max(1, int(value))
        except ValueError:
            raise SystemExit(f"COOPDEC_PROCESSUS={value!r} : un nombre entier de processus est attendu (1 = un seul)") from None
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(1, min(2, cores))


class ChildError(Exception):
    """An error raised in the child that could not travel back as itself."""


class Beside:
    """`work()` in a forked process, started now; `join()` waits for it and gives its result."""

    def __init__(self, work: Callable[[], Any]) -> None:
        self._work = work
        self._pid: int | None = None
        self._read: int | None = None
        if processes() > 1 and hasattr(os, "fork"):
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: do the work, send its outcome, leave without running the parent's cleanup
                os.close(read)
                code = 0
                try:
                    outcome = ("ok", work())
                except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
                    code = 1
                    outcome = ("error", exc, traceback.format_exc())
                try:
                    payload = pickle.dumps(outcome)
                except Exception:  # noqa: BLE001 - an exception that cannot be pickled travels as text
                    payload = pickle.dumps(("error", ChildError(str(outcome[1])), outcome[-1]))
                with os.fdopen(write, "wb") as out:
                    out.write(payload)
                os._exit(code)
            os.close(write)
            self._pid, self._read = pid, read

    def cancel(self) -> None:
        """Stop the child (the build failed elsewhere): it must not write into a folder being removed."""
        if self._pid is not None:
            import signal

            try:
                os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            os.close(self._read)
            self._pid = None

    def join(self) -> Any:
        if self._pid is None:
            return self._work()
        with os.fdopen(self._read, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        if not payload:
            raise ChildError(f"le processus de construction parallèle s'est arrêté sans résultat (état {status})")
        outcome = pickle.loads(payload)
        if outcome[0] == "ok":
            return outcome[1]
        raise outcome[1]
