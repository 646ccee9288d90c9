"""`sgkg serve` pages in a real browser: Debian's chromium, headless, driven
by Playwright's Python package (no browser download), against a real uvicorn
server on a free loopback port. Every request must go to that server, with
no console error, page error or dialog (report text carries HTML)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.serve.support import build_store, uvicorn_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)",
    ),
]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from graph.serve import create_app

    path = build_store(tmp_path_factory.mktemp("serve-browser") / "store")
    with uvicorn_server(create_app(path)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, base: str) -> Iterator[Any]:
    context = browser.new_context()
    pg = context.new_page()
    pg.problems = []  # type: ignore[attr-defined]
    pg.on("request", lambda r: r.url.startswith(base) or pg.problems.append("request " + r.url))
    pg.on("console", lambda m: m.type == "error" and pg.problems.append("console " + m.text))
    pg.on("pageerror", lambda e: pg.problems.append(f"pageerror {e}"))
    pg.on("dialog", lambda d: (pg.problems.append("dialog " + d.message), d.dismiss()))
    yield pg
    context.close()


def test_national_view_then_one_authority(page: Any, base: str) -> None:
    started = time.monotonic()
    page.goto(base + "/explorer")
    page.wait_for_selector("#authorities tbody tr")
    page.fill("#filter", "bourne")
    page.wait_for_function("() => document.getElementById('shown').textContent.includes('1 of')")
    interactive = time.monotonic() - started
    assert interactive < 3.0, interactive
    visible = page.locator("#authorities tbody tr:not([hidden])")
    assert visible.count() == 1
    visible.locator("a").first.click()
    page.wait_for_function("() => window.sgkg && window.sgkg.ready", timeout=30_000)
    assert "Bournemouth" in page.inner_text("#title")
    assert page.url == base + "/explorer/bournemouth"
    assert page.problems == []


def test_report_text_stays_text(page: Any, base: str) -> None:
    xss = "<img src=x onerror=alert(1)>"
    page.goto(base + "/explorer")
    assert "Testshire" in page.inner_text("#authorities")
    page.goto(base + "/explorer/testshire")
    page.wait_for_function("() => window.sgkg && window.sgkg.ready", timeout=30_000)
    page.goto(base + "/queries/bodies")
    page.goto(base + "/show?name=" + xss)
    assert xss in page.inner_text("main")
    page.goto(base + "/sparql?format=html&query=SELECT+%3Fl+WHERE+%7B%3Fb+rdfs%3Alabel+%3Fl%7D")
    assert xss in page.inner_text("table")
    assert page.problems == []


def test_sparql_form_runs_a_query(page: Any, base: str) -> None:
    page.goto(base + "/sparql")
    page.click("button[type=submit]")
    page.wait_for_selector("table tbody tr")
    assert "Adoption performance" in page.inner_text("table")
    assert page.problems == []


BCP = "bournemouth-christchurch-and-poole"


@pytest.fixture(scope="module")
def line_base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over the hand-written line of inspections (Bournemouth 2014, BCP
    2021 and 2024: tests/fixtures/compare/line.ttl)."""
    from graph.serve import create_app
    from graph.store.embedded import open_store
    from tests.conftest import FIXTURES, load_rdf

    path = tmp_path_factory.mktemp("serve-line-browser") / "store"
    with open_store(path) as store:
        load_rdf(store, FIXTURES / "compare" / "line.ttl")
    with uvicorn_server(create_app(path)) as url:
        yield url


@pytest.fixture()
def line_page(browser: Any, line_base: str) -> Iterator[Any]:
    context = browser.new_context()
    pg = context.new_page()
    pg.problems = []  # type: ignore[attr-defined]
    pg.on(
        "request", lambda r: r.url.startswith(line_base) or pg.problems.append("request " + r.url)
    )
    pg.on("console", lambda m: m.type == "error" and pg.problems.append("console " + m.text))
    pg.on("pageerror", lambda e: pg.problems.append(f"pageerror {e}"))
    pg.on("dialog", lambda d: (pg.problems.append("dialog " + d.message), d.dismiss()))
    yield pg
    context.close()


def test_changes_from_the_authority_then_the_timeline(line_page: Any, line_base: str) -> None:
    page = line_page
    page.goto(line_base + f"/explorer/{BCP}")
    page.wait_for_function("() => window.sgkg && window.sgkg.ready", timeout=30_000)
    started = time.monotonic()
    page.click("text=Changes between inspections")
    page.wait_for_selector("table.changes tbody tr")
    shown = time.monotonic() - started
    assert shown < 3.0, shown
    assert page.url == f"{line_base}/changes/{BCP}"
    pairs = page.locator("main h2").all_inner_texts()
    assert pairs[0] == "Inspections"
    assert any(p.startswith("bournemouth/2014-06-30") for p in pairs)
    worse = page.locator("table.changes tr.worse td.change").first
    assert worse.inner_text() in ("worse", "earlier concern not revisited", "asked again")
    assert worse.evaluate("td => getComputedStyle(td).color") == "rgb(164, 0, 0)"
    assert "asked again" in page.inner_text("main")
    # the filters are `sgkg changes --aspect recurring --from 2014`
    page.check("input[name=aspect][value=recurring]")
    page.fill("input[name=from]", "2014")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**aspect=recurring**")
    aspects = set(page.locator("table.changes tbody td:first-child").all_inner_texts())
    assert aspects == {"recurring"}
    assert page.is_checked("input[name=aspect][value=recurring]")
    page.click("text=Timeline")
    page.wait_for_selector("#timeline section.card")
    assert page.locator("#timeline section.card").count() == 3
    assert page.url == f"{line_base}/timeline/{BCP}"
    page.click("text=Changes between inspections")
    page.wait_for_selector("table.changes")
    assert page.problems == []
