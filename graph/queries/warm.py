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
kept and moves on). The warmer goes on to a newer write as soon as one is
published, one warmer per store at a time (:func:`warm`), and never reports an
error: the cache is derived data, and a failure here only costs speed.

``SGKG_WARM=0`` (or ``sgkg --no-warm``) turns it off.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

WARM_ENV = "SGKG_WARM"
#: seconds each whole-store answer took when last computed here (beside the
#: generations' folders in the cache, so it outlives them): the warming order
COSTS = "warm-costs.json"
#: held by the store's one running warmer
WARM_LOCK = ".warm.lock"


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
    """Keep the whole-store answers of the store's newest snapshot, in one
    warmer per store: a warmer started while another runs leaves at once (the
    running one notices the newer write and warms it next), so a loop of
    writes never piles warmers up. Returns how many answers were computed or
    found kept."""
    from graph.store.layout import current_snapshot

    lock_path = store_path / "sgkg-cache" / WARM_LOCK
    done = 0
    while True:
        with _only_warmer(lock_path) as alone:
            if not alone:
                return done  # the running warmer takes this write over
            while True:
                warmed, stopped = warm_once(store_path)
                done += warmed
                if not stopped:
                    break
        # a write published between the last look and the release finds no warmer
        # to take it over if its own warmer met the lock: look once more
        if not _newer_than_warmed(store_path, current_snapshot(store_path)):
            return done


_last_warmed: dict[Path, Path | None] = {}


def _newer_than_warmed(store_path: Path, snapshot: Path | None) -> bool:
    return _last_warmed.get(store_path) != snapshot


@contextlib.contextmanager
def _only_warmer(lock_path: Path) -> Iterator[bool]:
    """True while this process is the store's one warmer (a lock file)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no guard
        yield True
        return
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock_path, "a+b")  # noqa: SIM115 - held across the yield
    except OSError:
        yield True
        return
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        yield True
    finally:
        handle.close()


def warm_once(store_path: Path) -> tuple[int, bool]:
    """Compute and keep the whole-store answers of the store's current snapshot,
    the slowest first (as last measured here: the answers that would cost an
    ask most are kept soonest, and the quick ones cost little if asked before
    they are kept). Returns how many answers were computed or found kept, and
    whether it stopped early because a newer write was published."""
    from graph.queries import cache
    from graph.queries.catalog import load_query, run_named_query, whole_store_queries
    from graph.store.embedded import open_store
    from graph.store.layout import current_snapshot

    store = open_store(store_path, read_only=True)
    # the snapshot this reader opened (None: a store no writer has published yet)
    opened = store.opened if store.opened != store.path else None
    costs_file = store.cache_dir / COSTS
    costs = _read_costs(costs_file)
    names = [q.name for q in whole_store_queries()]
    names.sort(key=lambda name: -costs.get(name, 0.0))  # stable: catalog order otherwise
    done = 0
    stopped = False
    try:
        for name in names:
            if current_snapshot(store.path) != opened:
                stopped = True  # a newer write: warm that one instead
                break
            query = load_query(name)
            kept = cache.get(store, cache.answer_key(query.text, {})) is not None
            t0 = time.perf_counter()
            run_named_query(store, name)
            if not kept:
                costs[name] = round(time.perf_counter() - t0, 3)
            done += 1
        _last_warmed[store_path] = opened
    finally:
        store.close()
        _write_costs(costs_file, costs)
    return done, stopped


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
