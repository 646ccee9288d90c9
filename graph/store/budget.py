"""Running one query under a time and memory budget, in a process that can
be killed.

pyoxigraph cannot cancel a query, and a query can run for hours or take
gigabytes (a cross join with ORDER BY). So the query runs in a forked child
that inherits the open, read-only store handle (about 3 ms to start): the
child sends its answer back through a pipe; the parent waits at most
``seconds`` and kills the child when the time is up or Ctrl-C is pressed.
The child's address space is capped, so a query that needs more memory than
its budget dies in the child, not in the session. One budget serves the
command line and the server (``SGKG_QUERY_SECONDS`` / ``SGKG_QUERY_MEMORY_MB``
or the ``--timeout`` option).
"""

from __future__ import annotations

import json
import os
import select
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graph.errors import QueryBudgetError

#: default time budget of one query, seconds
DEFAULT_SECONDS = 30.0
#: default memory budget of one query, MB above what the process already maps
DEFAULT_MEMORY_MB = 2048


@dataclass(frozen=True)
class Budget:
    seconds: float = DEFAULT_SECONDS
    memory_mb: int = DEFAULT_MEMORY_MB

    @classmethod
    def from_environment(cls) -> Budget:
        """The budget ``SGKG_QUERY_SECONDS`` and ``SGKG_QUERY_MEMORY_MB`` set."""
        seconds = _number("SGKG_QUERY_SECONDS", DEFAULT_SECONDS)
        memory = int(_number("SGKG_QUERY_MEMORY_MB", DEFAULT_MEMORY_MB))
        return cls(seconds=seconds, memory_mb=memory)


def _number(name: str, default: float) -> float:
    raw = os.environ.get(name, "")
    try:
        value = float(raw)
    except ValueError:
        return default
    return value if value > 0 else default


def run_within(work: Callable[[], Any], budget: Budget, what: str = "the query") -> Any:
    """Run ``work()`` (returning JSON-able data) in a forked child within
    ``budget``; return its value. Raises :class:`QueryBudgetError` when the
    time or memory runs out, and re-raises the child's :class:`SgkgError`."""
    if not hasattr(os, "fork"):  # pragma: no cover - not on Linux/macOS
        return work()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_end)
        _child(work, write_end, budget)
    os.close(write_end)
    chunks: list[bytes] = []
    deadline = time.monotonic() + budget.seconds
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise QueryBudgetError(
                    f"{what} was stopped after {budget.seconds:g} s, its time budget; "
                    "narrow it (LIMIT, a bound parameter) or raise the budget with --timeout "
                    "or SGKG_QUERY_SECONDS"
                )
            ready, _, _ = select.select([read_end], [], [], min(left, 0.5))
            if ready:
                chunk = os.read(read_end, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
    except BaseException:
        _kill(pid)
        raise
    finally:
        os.close(read_end)
    _, status = os.waitpid(pid, 0)
    data = b"".join(chunks)
    if not data:
        raise QueryBudgetError(
            f"{what} stopped before it answered (it used more than its memory budget of "
            f"{budget.memory_mb} MB, or failed: exit status {status}); narrow it or raise "
            "SGKG_QUERY_MEMORY_MB"
        )
    message = json.loads(data)
    if "error" in message:
        from graph import errors

        cls = getattr(errors, message["error"], errors.QueryError)
        raise cls(message["message"])
    return message["value"]


def _child(work: Callable[[], Any], fd: int, budget: Budget) -> None:
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        _cap_memory(budget.memory_mb)
        try:
            payload = {"value": work()}
        except Exception as err:  # sent to the parent, which raises it there
            from graph.errors import SgkgError

            name = type(err).__name__ if isinstance(err, SgkgError) else "QueryError"
            payload = {"error": name, "message": str(err) or type(err).__name__}
        data = json.dumps(payload, separators=(",", ":")).encode("utf-8")
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except BaseException:
        code = 70
    finally:
        os._exit(code)


def _cap_memory(memory_mb: int) -> None:
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as fh:
            mapped = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = mapped + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (OSError, ValueError, ImportError):  # no /proc: run without a cap
        return


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        return
