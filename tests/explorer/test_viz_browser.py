"""The explorer page in a real browser: Debian's chromium, headless, driven by
Playwright's Python package (no browser download).

Each test loads a page written by :func:`graph.explorer.page.explorer_page`
from ``file://`` and records every request, console message, page error and
dialog. Run with ``pytest -m browser``; skipped when /usr/bin/chromium is
missing (``apt-get install chromium``). Screenshots of the Bournemouth page at
first open, of its reporting lines, of an authority whose links were all
extracted and of the printed gap register are saved to tests/artifacts/
(git-ignored; docs/explorer.png is a copy of the first, for the README)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from graph import iri
from tests.conftest import FIXTURES, load_rdf

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).parents[1] / "artifacts"
XSS = "<img src=x onerror=alert(1)>"
T = "https://w3id.org/sgkg/id/body/testshire/"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)",
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="needs the playwright Python package"
    )
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Loaded:
    """A page and everything it did while loading and being used."""

    page: Any
    requests: list[str] = field(default_factory=list)
    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def node_id(self, body_iri: str) -> str:
        return self.js(
            "iri => Object.keys(sgkg.bodies).find(id => sgkg.bodies[id].iri === iri)", body_iri
        )

    def edge_between(self, a: str, b: str, quality: str) -> str:
        return self.js(
            """([a, b, q]) => Object.keys(sgkg.links).find(id => {
                 const l = sgkg.links[id];
                 const ends = [l.from, l.to].sort().join(" ");
                 return l.quality === q && ends === [a, b].sort().join(" ");
               })""",
            [a, b, quality],
        )

    def outside_requests(self) -> list[str]:
        # data: URIs are inline content, not requests to anywhere
        return [u for u in self.requests if not u.startswith(("file://", "data:"))]


def open_page(
    browser: Any, path: Path, viewport: tuple[int, int] = (1400, 860), wait_ready: bool = True
) -> Loaded:
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    loaded = Loaded(page)

    def route(r: Any) -> None:
        # record everything; let only file:// through, so a stray request can
        # neither reach the network nor go unnoticed
        url = r.request.url
        loaded.requests.append(url)
        if url.startswith(("file://", "data:")):
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)
    page.on("console", lambda m: loaded.console.append((m.type, m.text)))
    page.on("pageerror", lambda e: loaded.errors.append(str(e)))
    page.on("dialog", lambda d: (loaded.dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: loaded.requests.append(r.url))
    page.goto(path.as_uri())
    if wait_ready:
        page.wait_for_function("() => window.sgkg && window.sgkg.ready", timeout=30_000)
    return loaded


@pytest.fixture(scope="module")
def mini_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from graph.explorer.page import explorer_page
    from graph.store.embedded import open_store

    folder = tmp_path_factory.mktemp("viz-browser")
    with open_store(folder / "store") as store:
        load_rdf(store, FIXTURES / "viz-mini.ttl")
        html = explorer_page(store, "testshire").html()
    path = folder / "testshire.html"
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture()
def mini(browser: Any, mini_path: Path) -> Iterator[Loaded]:
    loaded = open_page(browser, mini_path)
    yield loaded
    loaded.page.context.close()


def assert_clean(loaded: Loaded) -> None:
    assert loaded.errors == []
    assert [m for m in loaded.console if m[0] in ("error", "warning")] == []
    assert loaded.outside_requests() == []
    assert loaded.dialogs == []


# ---------------------------------------------------------------- loading


def test_page_loads_cleanly_and_offline(mini: Loaded, mini_path: Path) -> None:
    assert_clean(mini)
    assert mini.requests and set(mini.requests) == {mini_path.as_uri()}
    assert mini.js("sgkg.readyHow") == "first-draw"
    # drawn as laid out: nothing moves while the user reads
    before = mini.js("sgkg.network.getPositions()")
    mini.page.wait_for_timeout(400)
    assert mini.js("sgkg.network.getPositions()") == before


def test_network_holds_the_expected_bodies_and_links(mini: Loaded) -> None:
    mini.page.click("#view-network")
    lscb = mini.node_id(T + "lscb")
    drawn = mini.js("Object.keys(sgkg.network.body.nodes).filter(id => sgkg.bodies[id])")
    iris = {mini.js("id => sgkg.bodies[id].iri", i) for i in drawn}
    for name in ("lscb", "housing", "family-justice-board", "mappa-smb", "csp", "chief-executive"):
        assert T + name in iris
    assert "https://w3id.org/sgkg/id/body/otherton/lscb" not in iris
    neighbours = set(mini.js("id => sgkg.network.getConnectedNodes(id)", lscb))
    for name in ("housing", "family-justice-board", "mappa-smb", "csp"):
        assert mini.node_id(T + name) in neighbours
    # every link of the data is an edge of the drawn network, connected at both ends
    missing = mini.js(
        """Object.keys(sgkg.links).filter(id => {
             const e = sgkg.network.body.edges[id];
             return !e || !e.connected || e.fromId !== sgkg.links[id].from;
           })"""
    )
    assert missing == []
    total = mini.js("Object.keys(sgkg.links).length")
    assert total == mini.js("sgkg.edges.length") == len(drawn_edges(mini))
    assert mini.js("Object.values(sgkg.links).filter(l => !l.expected).length") == 15


# ---------------------------------------------------------------- search


@pytest.mark.parametrize("query", ["LSCB", "tscb", "Safeguarding Children Board"])
def test_search_focuses_the_lscb(mini: Loaded, query: str) -> None:
    lscb = mini.node_id(T + "lscb")
    mini.page.fill("#search-input", query)
    mini.page.press("#search-input", "Enter")
    mini.page.wait_for_function(
        "() => document.querySelector('#details h2').textContent.startsWith('Testshire Safe')"
    )
    assert mini.js("sgkg.network.getSelectedNodes()") == [lscb]
    mini.page.wait_for_function("() => !sgkg.animating")  # the focus animation
    view = mini.js("sgkg.network.getViewPosition()")
    at = mini.js("id => sgkg.network.getPositions([id])[id]", lscb)
    assert abs(view["x"] - at["x"]) < 2 and abs(view["y"] - at["y"]) < 2
    details = mini.page.inner_text("#details")
    assert (
        "Ofsted judgements" in mini.page.text_content("#details")
        and "requires improvement" in details
    )
    assert_clean(mini)


def test_search_lists_matches_as_you_type(mini: Loaded) -> None:
    mini.page.fill("#search-input", "testshire")
    items = mini.page.locator("#search-results button")
    assert items.count() >= 5
    assert mini.page.is_visible("#search-results")


# ---------------------------------------------------------------- filters


def drawn_edges(loaded: Loaded) -> set[str]:
    return set(loaded.js("sgkg.network.body.edgeIndices"))


def test_quality_filter_hides_weak_links_and_shows_them_again(mini: Loaded) -> None:
    mini.page.click("#view-network")
    weak = set(mini.js("Object.keys(sgkg.links).filter(id => sgkg.links[id].quality === 'weak')"))
    assert len(weak) == 3
    before_edges = drawn_edges(mini)
    before_nodes = mini.js("sgkg.network.getPositions()")
    assert weak <= before_edges

    mini.page.click("input[data-quality=weak]")
    hidden = drawn_edges(mini)
    assert not weak & hidden
    assert hidden == before_edges - weak  # only the weak ones went
    assert mini.js("sgkg.network.getPositions()") == before_nodes  # no body vanished or moved
    recorded = mini.js("Object.values(sgkg.links).filter(l => !l.expected).length")
    assert f"{recorded - 3} of {recorded} recorded links" in mini.page.inner_text("#status")

    mini.page.click("input[data-quality=weak]")
    assert drawn_edges(mini) == before_edges
    assert mini.js("sgkg.network.getPositions()") == before_nodes
    assert_clean(mini)


def test_type_filter_hides_bodies_and_their_links(mini: Loaded) -> None:
    mini.page.click("#view-network")
    housing = mini.node_id(T + "housing")
    mini.js("() => document.querySelectorAll('details.family').forEach(d => d.open = true)")
    mini.page.click("input[data-type=housing]")
    assert housing not in mini.js("Object.keys(sgkg.network.body.nodes)")
    absent = mini.edge_between(mini.node_id(T + "lscb"), housing, "absent")
    assert absent not in drawn_edges(mini)
    mini.page.click("input[data-type=housing]")
    assert housing in mini.js("Object.keys(sgkg.network.body.nodes)")
    assert absent in drawn_edges(mini)


# ---------------------------------------------------------------- evidence


def edge_midpoint(loaded: Loaded, edge: str, at: float = 0.5) -> tuple[float, float]:
    """Page coordinates of a point of a drawn edge (``at`` 0: its start, 1: its end)."""
    box = loaded.page.locator("#network").bounding_box()
    p = loaded.js(
        """([id, at]) => {
             const e = sgkg.network.body.edges[id];
             return sgkg.network.canvasToDOM(e.edgeType.getPoint(at));
           }""",
        [edge, at],
    )
    return box["x"] + p["x"], box["y"] + p["y"]


def test_tooltip_of_the_lscb_housing_link_shows_paragraph_112(mini: Loaded) -> None:
    lscb, housing = mini.node_id(T + "lscb"), mini.node_id(T + "housing")
    edge = mini.edge_between(lscb, housing, "absent")
    mini.page.click("#view-network")
    mini.js("ids => sgkg.network.fit({nodes: ids, animation: false})", [lscb, housing])
    x, y = edge_midpoint(mini, edge)
    mini.page.mouse.move(x - 30, y - 30)
    mini.page.mouse.move(x, y, steps=4)
    mini.page.wait_for_selector("#tip:not([hidden])")
    tip = mini.page.inner_text("#tip")
    assert "Paragraph 112" in tip
    assert "no strategic representation from housing" in tip
    assert "absent" in tip and "member of" in tip
    # a click shows the whole paragraph in the panel
    mini.page.mouse.click(x, y)
    details = mini.page.inner_text("#details")
    assert "Paragraph 112" in details
    assert "limits its understanding of homelessness among 16 and 17 year olds" in details
    assert_clean(mini)


def test_xss_label_renders_as_text_and_runs_nothing(mini: Loaded) -> None:
    xss = mini.js("l => Object.keys(sgkg.bodies).find(id => sgkg.bodies[id].label === l)", XSS)
    assert xss
    mini.page.fill("#search-input", "img src")
    assert mini.page.inner_text("#search-results button").startswith(XSS)
    mini.page.press("#search-input", "Enter")
    assert mini.page.inner_text("#details h2") == XSS
    # its link's evidence holds markup too: shown as text
    mini.page.click("#details ul.links button.link")
    details = mini.page.inner_text("#details")
    assert "<b>contributes</b> & <script>alert(3)</script>" in details
    # hover it: the tooltip is text as well
    mini.page.click("#view-network")
    mini.js("id => sgkg.network.fit({nodes: [id], animation: false})", xss)
    pos = mini.js("id => sgkg.network.canvasToDOM(sgkg.network.getPositions([id])[id])", xss)
    box = mini.page.locator("#network").bounding_box()
    mini.page.mouse.move(box["x"] + pos["x"] - 40, box["y"] + pos["y"] - 40)
    mini.page.mouse.move(box["x"] + pos["x"], box["y"] + pos["y"], steps=4)
    mini.page.wait_for_selector("#tip:not([hidden])")
    assert mini.page.inner_text("#tip h3") == XSS
    mini.page.wait_for_timeout(300)
    assert mini.js("document.querySelectorAll('img').length") == 0
    assert mini.js("document.querySelectorAll('script').length") == 3
    assert mini.js("document.querySelectorAll('#details b, #tip b, #links-table b').length") == 0
    # and the table of links shows it as text too
    mini.page.click("#to-table")
    cells = mini.page.locator("#table-body td").all_inner_texts()
    assert XSS in cells
    assert any("<b>contributes</b> & <script>alert(3)</script>" in c for c in cells)
    assert mini.js("document.querySelectorAll('img, #links-table script').length") == 0
    assert mini.dialogs == []
    assert_clean(mini)


# ---------------------------------------------------------------- views


def test_layered_view_shows_reporting_lines_bosses_above(mini: Loaded) -> None:
    ce, dcs = mini.node_id(T + "chief-executive"), mini.node_id(T + "dcs")
    mini.page.click("#view-network")
    spring = mini.js("sgkg.network.getPositions()")
    mini.page.click("#view-layered")
    pos = mini.js("sgkg.network.getPositions()")
    assert pos[ce]["y"] < pos[dcs]["y"]
    kinds = set(mini.js("sgkg.edgesView.get().map(e => sgkg.links[e.id].kind)"))
    lines = {"reports-to", "accountable-to", "annual-report-to", "leads", "chairs"}
    assert kinds and kinds <= lines
    assert mini.page.get_attribute("#view-layered", "aria-pressed") == "true"
    # bodies on no reporting line are set aside, and the status says so
    assert mini.node_id(T + "housing") not in mini.js("sgkg.nodesView.getIds()")
    assert "on no reporting line" in mini.page.inner_text("#status")
    for nid in mini.js("sgkg.nodesView.getIds()"):
        assert mini.js("id => sgkg.labelPx(id)", nid) >= 12
    mini.page.click("#view-network")
    back = mini.js("sgkg.network.getPositions()")
    assert all(abs(back[k]["x"] - spring[k]["x"]) < 1 for k in spring)
    assert len(drawn_edges(mini)) == mini.js("Object.keys(sgkg.links).length")
    assert_clean(mini)


# ---------------------------------------------------------------- the real report


@pytest.fixture(scope="module")
def bournemouth_path(bournemouth_store: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from graph.explorer.page import explorer_page

    path = tmp_path_factory.mktemp("viz-bournemouth") / "bournemouth.html"
    path.write_text(explorer_page(bournemouth_store, "bournemouth").html(), encoding="utf-8")
    return path


@pytest.fixture()
def bournemouth(browser: Any, bournemouth_path: Path) -> Iterator[Loaded]:
    loaded = open_page(browser, bournemouth_path)
    yield loaded
    loaded.page.context.close()


def contrast(rgb: str, background: str = "#fafafa") -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours."""

    def lum(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((lum(rgb), lum(background)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_bournemouth_first_open_shows_the_board_legibly(bournemouth: Loaded) -> None:
    page = bournemouth
    lscb = page.node_id(iri.body("bournemouth-and-poole", "lscb")) or page.node_id(
        iri.body("bournemouth", "lscb")
    )
    assert lscb and page.js("sgkg.state.view") == "board" and page.js("sgkg.state.centre") == lscb
    assert page.page.get_attribute("#view-board", "aria-pressed") == "true"
    shown = page.js("sgkg.nodesView.getIds()")
    neighbours = set(page.js("id => sgkg.network.getConnectedNodes(id)", lscb))
    assert set(shown) == neighbours | {lscb}  # the board and the bodies linked to it
    box = page.page.locator("#network").bounding_box()
    for nid in shown:
        # every label of the board's neighbourhood at 12 CSS px or more, dark enough
        assert page.js("id => sgkg.labelPx(id)", nid) >= 12, page.js(
            "id => sgkg.bodies[id].label", nid
        )
        colour = page.js(
            "id => sgkg.network.body.nodes[id].options.font.color",
            nid,
        )
        assert contrast(colour) >= 4.5, colour
        # and on screen, not scrolled away
        at = page.js("id => sgkg.network.canvasToDOM(sgkg.network.getPositions([id])[id])", nid)
        assert 0 <= at["x"] <= box["width"] and 0 <= at["y"] <= box["height"], nid

    # the missing and weak links are drawn thick, above the board, and listed
    links = page.js(
        """id => sgkg.edgesView.getIds().map(e => {
             const l = sgkg.links[e], other = l.from === id ? l.to : l.from;
             return [sgkg.bodies[other].typeKey, l.quality,
                     sgkg.network.body.edges[e].options.width,
                     sgkg.network.getPositions([other])[other].y
                       < sgkg.network.getPositions([id])[id].y];
           })""",
        lscb,
    )
    gaps = [row for row in links if row[1] in ("absent", "weak")]
    assert {"housing", "family-justice-board", "mappa-smb", "csp"} <= {row[0] for row in gaps}
    assert all(width >= 3 and above for _t, _q, width, above in gaps)
    panel = page.page.inner_text("#details")
    assert "MISSING, WEAK AND DEVELOPING LINKS" in panel.upper()
    listed = page.page.text_content("#details ul.worst")
    assert "Housing in Bournemouth" in listed and "¶112" in listed
    for name in ("Dorset Family Justice Board", "MAPPA", "community safety partnership"):
        assert name in listed, name
    # each neighbour's label says how it is linked and what inspectors found
    housing = page.js(
        "id => sgkg.network.getConnectedNodes(id).find(n => sgkg.bodies[n].typeKey === 'housing')",
        lscb,
    )
    assert page.js("id => sgkg.nodes.get(id).label", housing).endswith("member of: absent")

    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / "explorer.png"))
    assert_clean(page)


def test_bournemouth_counts_agree_and_count_bodies(
    bournemouth: Loaded, bournemouth_store: Any
) -> None:
    import re

    from graph.explorer.page import explorer_page

    counts = explorer_page(bournemouth_store, "bournemouth").counts
    status = bournemouth.page.inner_text("#status")
    panel = bournemouth.page.inner_text("#details p.counts")
    assert f"of {counts['bodies']} bodies" in status
    assert f"of {counts['links']} recorded links" in status
    assert f"of {counts['expected']} expected links" in status
    assert f"of {counts['placeholders']} placeholders" in status
    assert panel.startswith(f"{counts['bodies']} bodies and {counts['links']} links recorded")
    assert f"{counts['expected']} more links" in panel
    assert f"{counts['placeholders']} placeholders" in panel
    # the shown counts are what is drawn: bodies without placeholders
    shown = re.match(r"Showing (\d+) of", status).group(1)
    drawn = bournemouth.js(
        "sgkg.nodesView.getIds().filter(id => !sgkg.bodies[id].placeholder).length"
    )
    assert int(shown) == drawn
    # the legend's quality counts add up to the panel's links
    legend = bournemouth.js(
        """Array.from(document.querySelectorAll('[data-count=quality]'))
             .map(s => [s.dataset.key, +s.textContent])"""
    )
    by_quality = dict(legend)
    assert by_quality["not-evidenced"] == counts["expected"]
    assert sum(by_quality.values()) == counts["links"] + counts["expected"]
    # no placeholder says "not named" about a kind of body the report mentions
    for body in bournemouth.js("Object.values(sgkg.bodies).filter(b => b.placeholder)"):
        if body["mentions"]:
            assert "not name" not in body["canvas"] and "mentioned in" in body["canvas"]
        else:
            assert "the report does not name one" in " ".join(body["canvas"].split())
        named = bournemouth.js(
            "t => Object.values(sgkg.bodies).some(b => !b.placeholder && b.typeKey === t)",
            body["typeKey"],
        )
        assert not named, body["typeKey"]  # a placeholder only where no body of its type is drawn


def test_bournemouth_reporting_lines_are_legible(bournemouth: Loaded) -> None:
    bournemouth.page.click("#view-layered")
    shown = bournemouth.js("sgkg.nodesView.getIds()")
    assert shown
    for nid in shown:
        assert bournemouth.js("id => sgkg.bodies[id].lx !== undefined", nid)
        assert bournemouth.js("id => sgkg.labelPx(id)", nid) >= 12
    aside = bournemouth.js(
        """Object.keys(sgkg.bodies)
             .filter(id => sgkg.bodies[id].lx === undefined && !sgkg.bodies[id].placeholder)
             .length"""
    )
    assert (
        aside > 0
        and f"{aside} bodies on no reporting line are set aside"
        in bournemouth.page.inner_text("#status")
    )
    # the bosses are at the top of the picture
    box = bournemouth.page.locator("#network").bounding_box()
    council = bournemouth.node_id(iri.body("bournemouth", "local-authority"))
    at = bournemouth.js(
        "id => sgkg.network.canvasToDOM(sgkg.network.getPositions([id])[id])", council
    )
    assert 0 <= at["y"] <= box["height"] / 2
    ARTIFACTS.mkdir(exist_ok=True)
    bournemouth.page.screenshot(path=str(ARTIFACTS / "explorer-reporting-lines.png"))
    assert_clean(bournemouth)


def test_bournemouth_search_and_evidence(bournemouth: Loaded) -> None:
    loaded = bournemouth
    loaded.page.fill("#search-input", "LSCB")
    loaded.page.press("#search-input", "Enter")
    loaded.page.wait_for_function("() => sgkg.selected && sgkg.selected.node")
    panel = loaded.page.text_content("#details ul.links")
    assert "absent¶112" in panel.replace(" ", "")
    loaded.page.wait_for_function("() => !sgkg.animating")
    loaded.page.click("#view-board")  # the board view: the housing link alone above it
    lscb = loaded.js("sgkg.selected ? sgkg.selected.node : sgkg.state.centre")
    housing = loaded.js(
        """id => sgkg.network.getConnectedEdges(id).find(e => {
             const l = sgkg.links[e], other = l.from === id ? l.to : l.from;
             return l.quality === "absent" && sgkg.bodies[other].typeKey === "housing";
           })""",
        lscb,
    )
    x, y = edge_midpoint(loaded, housing, 0.3)  # nearer housing than the board
    loaded.page.mouse.move(x - 20, y - 20)
    loaded.page.mouse.move(x, y, steps=3)
    loaded.page.wait_for_selector("#tip:not([hidden])")
    tip = loaded.page.inner_text("#tip")
    assert "Paragraph 112" in tip
    assert "no strategic representation from housing in Bournemouth" in tip
    loaded.page.mouse.click(x, y)
    assert "Paragraph 112" in loaded.page.inner_text("#details")
    assert_clean(loaded)


# ---------------------------------------------------------------- the table beside the picture


def table_rows(loaded: Loaded) -> list[dict[str, str]]:
    return loaded.js(
        """Array.from(document.querySelectorAll('#table-body tr')).filter(tr => !tr.hidden)
             .map(tr => ({link: tr.dataset.link,
                          cells: Array.from(tr.children).map(td => td.innerText)}))"""
    )


def test_table_lists_the_same_links_and_sorts_by_keyboard(bournemouth: Loaded) -> None:
    loaded = bournemouth
    loaded.page.click("#to-table")
    rows = table_rows(loaded)
    assert len(rows) == loaded.js("Object.keys(sgkg.links).length")
    headings = loaded.page.locator("#table-headings th").all_inner_texts()
    assert [h.strip(" ▲▼") for h in headings] == [
        "Body",
        "Link",
        "Body",
        "Quality",
        "Paragraphs",
        "Quote, or why it is expected",
        "Recorded by",
    ]
    # opens sorted by quality, most severe first
    assert rows[0]["cells"][3] == "absent" and "¶112" in rows[0]["cells"][4]
    assert "there is no strategic representation from housing" in rows[0]["cells"][5]
    # keyboard: Tab to the quality heading, Enter sorts it the other way
    quality = loaded.page.locator("#table-headings th[data-key=quality] button")
    quality.focus()
    loaded.page.keyboard.press("Enter")
    assert (
        loaded.page.get_attribute("#table-headings th[data-key=quality]", "aria-sort")
        == "descending"
    )
    assert table_rows(loaded)[0]["cells"][3] != "absent"
    loaded.page.keyboard.press("Enter")
    assert (
        loaded.page.get_attribute("#table-headings th[data-key=quality]", "aria-sort")
        == "ascending"
    )
    # sort by paragraph with Space: numbers in order
    loaded.page.locator("#table-headings th[data-key=paras] button").focus()
    loaded.page.keyboard.press(" ")
    assert (
        loaded.page.get_attribute("#table-headings th[data-key=paras]", "aria-sort") == "ascending"
    )
    firsts = [
        int(r["cells"][4].split(",")[0].strip("¶"))
        for r in table_rows(loaded)
        if r["cells"][4].startswith("¶")
    ]
    assert firsts == sorted(firsts)
    # rows: Tab reaches the first (after the last headings), arrows move,
    # Enter shows the link in the picture
    for _ in range(4):
        loaded.page.keyboard.press("Tab")
        if loaded.js("document.activeElement.tagName") == "TR":
            break
    first = loaded.js("document.activeElement.dataset.link")
    assert first == table_rows(loaded)[0]["link"]
    loaded.page.keyboard.press("ArrowDown")
    loaded.page.keyboard.press("ArrowDown")
    third = loaded.js("document.activeElement.dataset.link")
    assert third == table_rows(loaded)[2]["link"]
    loaded.page.keyboard.press("End")
    assert loaded.js("document.activeElement.dataset.link") == table_rows(loaded)[-1]["link"]
    loaded.page.keyboard.press("Home")
    loaded.page.keyboard.press("ArrowDown")
    loaded.page.keyboard.press("ArrowDown")
    loaded.page.keyboard.press("Enter")
    assert loaded.js("sgkg.selected && sgkg.selected.edge") == third
    assert third in loaded.js("sgkg.edgesView.getIds()")  # drawn in the picture
    assert_clean(loaded)


def test_table_follows_the_filters(bournemouth: Loaded) -> None:
    bournemouth.page.click("#to-table")
    before = len(table_rows(bournemouth))
    stated = bournemouth.js("Object.values(sgkg.links).filter(l => l.quality === 'stated').length")
    bournemouth.page.click("input[data-quality=stated]")
    assert len(table_rows(bournemouth)) == before - stated
    assert f"showing {before - stated} of {before} links" in bournemouth.page.inner_text(
        "#table-summary"
    )


def test_print_view_is_the_table_without_the_picture(bournemouth: Loaded) -> None:
    bournemouth.js("sgkg.buildTable()")
    bournemouth.page.emulate_media(media="print")
    assert not bournemouth.page.is_visible("#network")
    assert not bournemouth.page.is_visible("#controls")
    assert bournemouth.page.is_visible("#links-table")
    assert bournemouth.page.is_visible("h1")
    pdf = bournemouth.page.pdf(format="A4", landscape=True)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 2


# ---------------------------------------------------------------- several authorities, other states


@pytest.fixture(scope="module")
def extra_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from graph.explorer.page import explorer_page
    from graph.store.embedded import open_store

    folder = tmp_path_factory.mktemp("viz-extra")
    with open_store(folder / "store") as store:
        load_rdf(store, FIXTURES / "viz-mini.ttl")
        load_rdf(store, FIXTURES / "viz-extra.ttl")
        html = explorer_page(store).html()
    path = folder / "several.html"
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture()
def several(browser: Any, extra_path: Path) -> Iterator[Loaded]:
    loaded = open_page(browser, extra_path)
    yield loaded
    loaded.page.context.close()


def test_several_authorities_pick_one_and_each_council_sits_with_its_boards(
    several: Loaded,
) -> None:
    options = several.page.locator("#authority option").all_inner_texts()
    assert options[0].startswith("All 4 authorities")
    assert set(options[1:]) == {
        "Testshire County Council",
        "Otherton Borough Council",
        "Nolinkshire County Council",
        "Extractshire Borough Council",
    }
    # the whole network: each council inside its own authority's frame
    several.page.select_option("#authority", "")
    several.page.click("#view-network")
    frames = several.js("sgkg.frames()")
    assert len(frames) == 4
    for auth in several.js("sgkg.authorities"):
        frame = next(f for f in frames if f["label"] == auth["label"])
        for nid in (auth["council"], auth["centre"]):
            p = several.js("id => sgkg.network.getPositions([id])[id]", nid)
            assert frame["x0"] <= p["x"] <= frame["x1"] and frame["y0"] <= p["y"] <= frame["y1"]
        others = [f for f in frames if f is not frame]
        for o in others:  # frames apart
            assert (
                frame["x1"] < o["x0"]
                or o["x1"] < frame["x0"]
                or frame["y1"] < o["y0"]
                or o["y1"] < frame["y0"]
            )
    # pick one: its board in the middle, its counts in legend and panel
    several.page.select_option("#authority", "otherton")
    centre = several.js("sgkg.state.centre")
    assert several.js("id => sgkg.bodies[id].label", centre) == "Otherton LSCB"
    assert several.js("sgkg.state.view") == "network"
    several.page.click("#view-board")
    assert several.js(
        "sgkg.nodesView.getIds().every(id => sgkg.bodies[id].auths.includes('otherton'))"
    )
    assert several.page.inner_text("#details h2") == "Otherton Borough Council"
    assert_clean(several)


def test_an_authority_with_no_links_says_so(several: Loaded) -> None:
    several.page.select_option("#authority", "nolinkshire")
    several.page.click("#view-board")
    panel = several.page.inner_text("#details")
    assert "2 bodies and no links recorded from the report yet" in panel
    assert "0 links" not in panel and "links the reports state" not in panel
    banner = several.page.inner_text("#banner")
    assert "No links are recorded for Nolinkshire County Council yet" in banner
    # the police and probation are mentioned: never "not named"
    for t in ("police", "probation"):
        nid = several.js(
            """t => Object.keys(sgkg.bodies).find(id => {
                 const b = sgkg.bodies[id];
                 return b.placeholder && b.auth === "nolinkshire" && b.typeKey === t;
               })""",
            t,
        )
        label = several.js("id => sgkg.nodes.get(id).label", nid)
        assert "mentioned in ¶30" in label and "not named" not in label
    assert_clean(several)


def test_extracted_links_are_marked_in_picture_panel_and_table(several: Loaded) -> None:
    several.page.select_option("#authority", "extractshire")
    several.page.click("#view-board")
    assert several.page.is_visible("#source-section")
    assert "found by sgkg's extractor" in several.page.inner_text("#details").lower()
    weak = several.js(
        """Object.keys(sgkg.links)
             .find(id => sgkg.links[id].extracted && sgkg.links[id].quality === 'weak')"""
    )
    assert several.js("id => sgkg.network.body.edges[id].options.dashes", weak) == [7, 3, 2, 3]
    several.js("id => sgkg.selectLink(id)", weak)
    details = several.page.inner_text("#details")
    assert "extracted" in details and "member-of/represented" in details and "0.7" in details
    several.page.click("#to-table")
    row = several.page.locator(f"#table-body tr[data-link={weak}]")
    assert "extracted" in row.inner_text()
    # sorted by who recorded them, the extracted links come most trusted first
    several.page.click("#table-headings th[data-key=source] button")
    confidences = [
        float(r["cells"][6].split()[-1])
        for r in table_rows(several)
        if r["cells"][6].startswith("extracted")
    ]
    assert confidences == [0.85, 0.7], confidences
    assert "how far to trust" in several.page.get_attribute(
        f"#table-body tr[data-link={weak}] td:last-child span.paras", "title"
    )
    # hiding extracted links hides them everywhere
    several.page.click("input[data-source=extracted]")
    assert weak not in several.js("sgkg.edgesView.getIds()")
    assert row.is_hidden()
    ARTIFACTS.mkdir(exist_ok=True)
    several.page.click("input[data-source=extracted]")
    several.page.click("#to-picture")
    several.page.screenshot(path=str(ARTIFACTS / "explorer-extracted.png"))
    assert_clean(several)


def test_large_page_is_drawn_as_laid_out(browser: Any, tmp_path: Path) -> None:
    import networkx as nx

    from graph.explorer.page import BIG_PAGE_NODES, build_page

    g = nx.MultiDiGraph()
    qualities = ["effective", "weak", "absent", "stated"]
    for part in range(20):
        names = [f"p{part:02}b{i:02}" for i in range(20)]
        for i, name in enumerate(names):
            g.add_node(name, label=f"Body {i} of part {part}", body_type="unit")
        for i in range(1, 20):
            g.add_edge(
                names[i],
                names[i // 2],
                key=f"l{part}-{i}",
                kind="reports-to",
                kind_label="reports to",
                quality=qualities[i % 4],
            )
    assert g.number_of_nodes() > BIG_PAGE_NODES
    path = tmp_path / "large.html"
    path.write_text(build_page(g, {}, title="Large").html(), encoding="utf-8")
    loaded = open_page(browser, path)
    try:
        assert loaded.js("sgkg.readyHow") == "first-draw"
        assert loaded.js("sgkg.network.physics.physicsEnabled") is False
        loaded.page.click("#view-network")
        assert len(loaded.js("Object.keys(sgkg.network.body.nodes)")) == 400
        node = loaded.js("Object.keys(sgkg.bodies)[0]")
        loaded.js("id => sgkg.network.focus(id, {scale: 1.0, animation: false})", node)
        at = loaded.js("id => sgkg.network.canvasToDOM(sgkg.network.getPositions([id])[id])", node)
        box = loaded.page.locator("#network").bounding_box()
        loaded.page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])
        label = loaded.js("id => sgkg.bodies[id].label", node)
        assert loaded.page.inner_text("#details h2") == label
        assert_clean(loaded)
    finally:
        loaded.page.context.close()


# ---------------------------------------------------------------- the gap register, printed


def test_gap_register_prints_as_a_board_paper(
    browser: Any, bournemouth_store: Any, tmp_path: Path
) -> None:
    from graph.analysis.register import gap_register
    from graph.analysis.register_render import render

    register = gap_register(bournemouth_store, "bournemouth")
    path = tmp_path / "register.html"
    path.write_text(render(register, "html"), encoding="utf-8")
    loaded = open_page(browser, path, wait_ready=False)
    try:
        loaded.page.emulate_media(media="print")
        assert loaded.page.inner_text("h1").startswith("Gap register: Bournemouth")
        rows = loaded.page.locator("table tbody tr").count()
        assert rows == len(register.gaps)
        # fits the page: nothing wider than the paper
        assert loaded.js("document.documentElement.scrollWidth <= window.innerWidth")
        pdf = loaded.page.pdf(format="A4", landscape=True)
        assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 2
        ARTIFACTS.mkdir(exist_ok=True)
        loaded.page.screenshot(path=str(ARTIFACTS / "gap-register-print.png"))
        assert_clean(loaded)
    finally:
        loaded.page.context.close()
