"""The explorer page in a real browser: Debian's chromium, headless, driven by
Playwright's Python package (no browser download).

Each test loads a page written by :func:`graph.viz.explorer_page` from
``file://`` and records every request, console message, page error and
dialog. Run with ``pytest -m browser``; skipped when /usr/bin/chromium is
missing (``apt-get install chromium``). A screenshot of the Bournemouth page
is saved to tests/artifacts/explorer.png (git-ignored; docs/explorer.png is
a copy for the README)."""

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
ARTIFACTS = Path(__file__).parent / "artifacts"
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


def open_page(browser: Any, path: Path, viewport: tuple[int, int] = (1400, 860)) -> Loaded:
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
    assert mini.js("sgkg.readyHow") == "stabilized"
    # physics has stopped: nothing moves once the layout has settled
    before = mini.js("sgkg.network.getPositions()")
    mini.page.wait_for_timeout(400)
    assert mini.js("sgkg.network.getPositions()") == before


def test_network_holds_the_expected_bodies_and_links(mini: Loaded) -> None:
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
    total = mini.js("Object.keys(sgkg.links).length")
    assert f"{total - 3} of {total} links" in mini.page.inner_text("#status")

    mini.page.click("input[data-quality=weak]")
    assert drawn_edges(mini) == before_edges
    assert mini.js("sgkg.network.getPositions()") == before_nodes
    assert_clean(mini)


def test_type_filter_hides_bodies_and_their_links(mini: Loaded) -> None:
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


def edge_midpoint(loaded: Loaded, edge: str) -> tuple[float, float]:
    """Page coordinates of the middle of a drawn edge."""
    box = loaded.page.locator("#network").bounding_box()
    p = loaded.js(
        """id => {
             const e = sgkg.network.body.edges[id];
             const mid = e.edgeType.getPoint(0.5);
             return sgkg.network.canvasToDOM(mid);
           }""",
        edge,
    )
    return box["x"] + p["x"], box["y"] + p["y"]


def test_tooltip_of_the_lscb_housing_link_shows_paragraph_112(mini: Loaded) -> None:
    lscb, housing = mini.node_id(T + "lscb"), mini.node_id(T + "housing")
    edge = mini.edge_between(lscb, housing, "absent")
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
    assert mini.js("document.querySelectorAll('#details b, #tip b').length") == 0
    assert mini.dialogs == []
    assert_clean(mini)


# ---------------------------------------------------------------- views


def test_layered_view_shows_reporting_lines_bosses_above(mini: Loaded) -> None:
    ce, dcs = mini.node_id(T + "chief-executive"), mini.node_id(T + "dcs")
    spring = mini.js("sgkg.network.getPositions()")
    mini.page.click("#view-layered")
    pos = mini.js("sgkg.network.getPositions()")
    assert pos[ce]["y"] < pos[dcs]["y"]
    kinds = set(mini.js("sgkg.edgesView.get().map(e => sgkg.links[e.id].kind)"))
    lines = {"reports-to", "accountable-to", "annual-report-to", "leads", "chairs"}
    assert kinds and kinds <= lines
    assert mini.page.get_attribute("#view-layered", "aria-pressed") == "true"
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


def test_bournemouth_lscb_and_its_weak_links(browser: Any, bournemouth_path: Path) -> None:
    loaded = open_page(browser, bournemouth_path)
    try:
        lscb = loaded.node_id(iri.body("bournemouth", "lscb"))
        loaded.page.fill("#search-input", "LSCB")
        loaded.page.press("#search-input", "Enter")
        loaded.page.wait_for_function("() => sgkg.selected && sgkg.selected.node")
        assert loaded.js("sgkg.network.getSelectedNodes()") == [lscb]
        qualities = loaded.js(
            """id => sgkg.network.getConnectedEdges(id).map(e => {
                 const l = sgkg.links[e], other = l.from === id ? l.to : l.from;
                 return [sgkg.bodies[other].typeKey, l.quality, l.evidenceLabels];
               })""",
            lscb,
        )
        by_type: dict[str, set[str]] = {}
        for type_key, quality, _paras in qualities:
            by_type.setdefault(type_key, set()).add(quality)
        assert "absent" in by_type["housing"]
        for t in ("family-justice-board", "mappa-smb", "csp"):
            assert "weak" in by_type[t], t
        housing = loaded.js(
            """id => sgkg.network.getConnectedEdges(id).find(e => {
                 const l = sgkg.links[e], other = l.from === id ? l.to : l.from;
                 return l.quality === "absent" && sgkg.bodies[other].typeKey === "housing";
               })""",
            lscb,
        )
        # the panel lists the board's links, worst first, each with its paragraphs
        panel = loaded.page.text_content("#details ul.links")
        assert "absent¶112" in panel.replace(" ", "")
        # the newcomer's view (also the README's picture): the board and its
        # missing and weak links, "stated" links hidden, the housing link hovered
        loaded.page.wait_for_function("() => !sgkg.animating")
        loaded.page.click("input[data-quality=stated]")
        loaded.js(
            """id => {
                 const net = sgkg.network;
                 const ends = net.getConnectedEdges(id)
                   .filter(e => ["absent", "weak"].includes(sgkg.links[e].quality))
                   .map(e => sgkg.links[e].from === id ? sgkg.links[e].to : sgkg.links[e].from);
                 net.fit({nodes: [id].concat(ends), animation: false});
                 const scale = net.getScale() * 1.2, at = net.getViewPosition();
                 net.moveTo({scale: scale, position: {x: at.x, y: at.y - 140 / scale}});
               }""",
            lscb,
        )
        x, y = edge_midpoint(loaded, housing)
        loaded.page.mouse.move(x - 20, y - 20)
        loaded.page.mouse.move(x, y, steps=3)
        loaded.page.wait_for_selector("#tip:not([hidden])")
        tip = loaded.page.inner_text("#tip")
        assert "Paragraph 112" in tip
        assert "no strategic representation from housing in Bournemouth" in tip
        ARTIFACTS.mkdir(exist_ok=True)
        loaded.page.screenshot(path=str(ARTIFACTS / "explorer.png"))
        # a click reads the whole paragraph
        loaded.page.mouse.click(x, y)
        assert "Paragraph 112" in loaded.page.inner_text("#details")
        assert_clean(loaded)
    finally:
        loaded.page.context.close()


def test_large_page_is_drawn_as_laid_out(browser: Any, tmp_path: Path) -> None:
    import networkx as nx

    from graph.explorer.page import PHYSICS_MAX_NODES, build_page

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
    assert g.number_of_nodes() > PHYSICS_MAX_NODES
    path = tmp_path / "large.html"
    path.write_text(build_page(g, {}, title="Large").html(), encoding="utf-8")
    loaded = open_page(browser, path)
    try:
        assert loaded.js("sgkg.readyHow") == "first-draw"
        assert loaded.js("sgkg.network.physics.physicsEnabled") is False
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
