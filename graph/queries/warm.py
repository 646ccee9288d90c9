"""Warming the answer cache after a write, in the background.

A write makes every kept answer void (:mod:`graph.queries.cache`). The first
whole-store ask after it would pay the whole query (seconds on a national
store), so a command that wrote starts this module in a detached, lower
priority process as it ends: it opens the snapshot the write published and
computes the whole-store answer of every shipped named query that needs no
parameter, the same answers ``sgkg query NAME`` asks for, the slowest first.

The command that wrote does not wait for it. A user who asks while it runs
either finds the answer kept already, or waits for the one being computed
(never longer than the query itself would take: :func:`cache.computing`), or
computes an answer the warmer has not reached yet (the warmer then finds it
kept and moves on). The warmer stops as soon as a newer write is published,
and never reports an error: the cache is derived data, and a failure here only
costs speed.

``SGKG_WARM=0`` (or ``sgkg --no-warm``) turns it off.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

WARM_ENV = "SGKG_WARM"
#: seconds each whole-store answer took when last computed here (beside the
#: generations' folders in the cache, so it outlives them): the warming order
COSTS = "warm-costs.json"


def enabled() -> bool:
    """False when ``SGKG_WARM`` is ``0``, ``no``, ``false`` or ``off``."""
    return os.environ.get(WARM_ENV, "1").strip().lower() not in {"0", "no", "false", "off"}


def start(store_path: Path) -> subprocess.Popen[bytes] | None:
    """Start warming the store at ``store_path`` in a detached process (unless
    turned off); returns the process, or None."""
    if not enabled():
        return None
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "graph.queries.warm", str(store_path)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # not stopped by the terminal's Ctrl-C; outlives the command
            close_fds=True,
        )
    except OSError:
        return None


def warm(store_path: Path) -> int:
    """Compute and keep the whole-store answers of the store's current snapshot,
    the slowest first (as last measured here: the answers that would cost an
    ask most are kept soonest, and the quick ones cost little if asked before
    they are kept); stop early when a newer write is published. Returns how many
    answers were computed or found kept."""
    from graph.queries import cache
    from graph.queries.catalog import load_query, run_named_query, whole_store_queries
    from graph.store.embedded import open_store
    from graph.store.layout import current_snapshot

    store = open_store(store_path, read_only=True)
    costs_file = store.cache_dir / COSTS
    costs = _read_costs(costs_file)
    names = [q.name for q in whole_store_queries()]
    names.sort(key=lambda name: -costs.get(name, 0.0))  # stable: catalog order otherwise
    done = 0
    try:
        for name in names:
            if current_snapshot(store.path) != store.opened:
                break  # a newer write: its own warmer takes over
            query = load_query(name)
            kept = cache.get(store, cache.answer_key(query.text, {})) is not None
            t0 = time.perf_counter()
            run_named_query(store, name)
            if not kept:
                costs[name] = round(time.perf_counter() - t0, 3)
            done += 1
    finally:
        store.close()
        _write_costs(costs_file, costs)
    return done


def _read_costs(path: Path) -> dict[str, float]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): float(v) for k, v in data.items()}
    except (OSError, ValueError, AttributeError, TypeError):
        return {}


def _write_costs(path: Path, costs: dict[str, float]) -> None:
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(costs, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)


def main(argv: list[str]) -> int:
    with contextlib.suppress(OSError, AttributeError):
        os.nice(10)  # the user's own asks come first
    try:
        warm(Path(argv[0]))
    except Exception:  # derived data: a failure only costs speed
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
