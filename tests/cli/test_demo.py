"""The README's main job, `sgkg demo`: the shipped report and curated layer,
validated, the register printed and the explorer written; idempotent."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cli import cli


def _data_lines(store: Path) -> list[str]:
    from graph.store.embedded import open_store

    with open_store(store) as s:
        return [
            line
            for line in s.canonical_dump().splitlines()
            if not line.endswith("/graph/catalog> .")
        ]


def test_demo_runs_the_main_job_and_can_run_again(tmp_path: Path) -> None:
    store, page = tmp_path / "store", tmp_path / "b.html"
    r = CliRunner().invoke(cli, ["--store", str(store), "demo", "-o", str(page)])
    assert r.exit_code == 0, r.output
    assert "123 numbered paragraphs" in r.output
    assert "the store conforms" in r.output
    # the register leads with the inspectors' absent finding on housing (para 112)
    rows = [line for line in r.output.splitlines() if line[:3].strip().isdigit()]
    assert rows[0].split()[1:3] == ["absent", "inspectors"]
    assert "Housing" in rows[0] and "112" in rows[0]
    html = page.read_text(encoding="utf-8")
    assert "<script src=" not in html and "https://cdn" not in html
    first = _data_lines(store)
    r = CliRunner().invoke(cli, ["--store", str(store), "demo", "-o", str(page)])
    assert r.exit_code == 0
    assert _data_lines(store) == first
