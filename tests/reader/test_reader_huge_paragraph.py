"""One huge paragraph in a text report (issue 18, point 7: a 5 MB paragraph
took 23-32 s) is read in bounded time or refused with a message naming the
file: exit 0 or 2, no traceback, the store as it was. A hang test, not a
benchmark: the bound is generous."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli

SYNTHETIC = Path(__file__).parents[1] / "fixtures" / "reports" / "exampleshire-synthetic.txt"
SENTENCE = "The partnership board does not challenge safeguarding practice enough. "
BOUND_S = 60


def with_huge_paragraph(folder: Path, chars: int, wrap: bool) -> Path:
    """The synthetic report with one numbered paragraph grown to ``chars``
    characters: one line, or wrapped at 90 characters as a PDF's text is."""
    lines = SYNTHETIC.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("10. "))
    text = (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]
    body = textwrap.wrap(text, 90) if wrap else [text]
    lines[at + 1 : at + 1] = body
    path = folder / f"huge-{chars}-{'wrapped' if wrap else 'line'}.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("chars", "wrap"),
    [(5_000_000, False), (5_000_000, True), (1_900_000, False), (1_900_000, True)],
    ids=["5 MB, one line", "5 MB, wrapped", "1.9 MB, one line", "1.9 MB, wrapped"],
)
def test_a_huge_paragraph_is_read_or_refused_in_bounded_time(
    tmp_path: Path, chars: int, wrap: bool
) -> None:
    report = with_huge_paragraph(tmp_path, chars, wrap)
    store = tmp_path / "store"
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["--store", str(store), "ingest", str(report)])
    took = time.monotonic() - started
    assert took < BOUND_S, took
    assert result.exit_code in (0, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert str(report) in result.output and "characters" in result.output
        from graph.store.embedded import open_store, store_exists

        if store_exists(store):  # nothing of the report was written
            with open_store(store, read_only=True) as s:
                assert s.select("SELECT ?r WHERE { ?r a sg:Report }") == []
