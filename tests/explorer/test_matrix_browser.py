"""The national matrix and timeline pages in a real browser (Debian's
chromium via Playwright's Python package, no download): they load from
``file://`` with no request outside it and no script error, filter by region
and era, open an authority's own panel on a click, and show report text as
text (a body label of the fixture carries an <img onerror>)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, load_rdf
from tests.explorer.test_viz_browser import CHROMIUM, CHROMIUM_ARGS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from graph.analysis.changes import changes
    from graph.analysis.matrix import national_matrix
    from graph.explorer.matrix import matrix_page
    from graph.explorer.timeline import timeline_page
    from graph.store.embedded import open_store

    folder = tmp_path_factory.mktemp("matrix-pages")
    with open_store(folder / "store") as store:
        load_rdf(store, FIXTURES / "compare" / "line.ttl")
        (folder / "matrix.html").write_text(matrix_page(national_matrix(store)), "utf-8")
        timeline = timeline_page(changes(store, "bournemouth-christchurch-and-poole"))
        (folder / "timeline.html").write_text(timeline, "utf-8")
    return {"matrix": folder / "matrix.html", "timeline": folder / "timeline.html"}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def open_page(browser: Any, path: Path) -> tuple[Any, list[str], list[str]]:
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(path.as_uri())
    page.wait_for_function("window.sgkg && window.sgkg.ready")
    return page, requests, errors


def test_matrix_page_offline_filters_and_click_through(browser: Any, pages: dict) -> None:
    page, requests, errors = open_page(browser, pages["matrix"])
    assert errors == []
    assert all(u.startswith("file://") for u in requests)
    names = page.eval_on_selector_all("#matrix tbody th button", "bs => bs.map(b => b.textContent)")
    assert "Devon County Council" in names and "Leeds City Council" in names
    page.select_option("#region", "South West")
    names = page.eval_on_selector_all("#matrix tbody th button", "bs => bs.map(b => b.textContent)")
    assert "Leeds City Council" not in names and "Devon County Council" in names
    value = page.get_attribute(
        "#matrix tbody tr:has(button[data-authority=devon]) td[data-value=weak]", "data-value"
    )
    assert value == "weak"
    page.click("button[data-authority=devon]")
    detail = page.inner_text("#detail")
    assert "Devon County Council" in detail and "para 3" in detail and "rarely attends" in detail
    page.select_option("#era", "partnership")
    names = page.eval_on_selector_all("#matrix tbody th button", "bs => bs.map(b => b.textContent)")
    assert names == ["Bournemouth, Christchurch and Poole Council"]
    summary = page.inner_text("#summary")
    assert "expected link" in summary
    artifacts = Path(__file__).parents[1] / "artifacts"
    artifacts.mkdir(exist_ok=True)
    page.screenshot(path=str(artifacts / "matrix.png"))
    page.close()


def test_timeline_page_shows_changes_and_escapes_text(browser: Any, pages: dict) -> None:
    page, requests, errors = open_page(browser, pages["timeline"])
    assert errors == [] and all(u.startswith("file://") for u in requests)
    cards = page.eval_on_selector_all(".card", "cs => cs.map(c => c.dataset.report)")
    assert cards == [
        "bournemouth/2014-06-30",
        "bournemouth-christchurch-and-poole/2021-12-17",
        "bournemouth-christchurch-and-poole/2024-12-13",
    ]
    first = page.inner_text("section.pair >> nth=0")
    assert "worse" in first and "earlier concern not revisited" in first and "para 6" in first
    assert page.eval_on_selector_all("script", "ss => ss.length") == 2  # data and the page's own
    # a body label carrying markup is shown as text, never parsed
    page.click(".card >> nth=2 >> summary")
    assert "<img src=x onerror=alert(1)>" in page.inner_text(".card >> nth=2")
    assert page.eval_on_selector_all("img", "xs => xs.length") == 0
    page.check("#show-bodies")
    assert "Multi-agency safeguarding hub" in page.inner_text("#timeline")
    page.close()
