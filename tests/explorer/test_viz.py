"""The explorer page at the HTML level: what it embeds, what it requests, how
it styles links and bodies, and what `sgkg viz` writes. The same page in a
real browser is tested in test_viz_browser.py.

Data: tests/fixtures/viz-mini.ttl, a made-up Testshire partnership with an
absent LSCB-housing link (paragraph 112), weak links to the Family Justice
Board, the MAPPA board (108) and the community safety partnership (115), and
a body labelled ``<img src=x onerror=alert(1)>``; tests/fixtures/viz-extra.ttl,
an authority with no links recorded (its report mentions the police and
probation) and one whose links an extractor found."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cli import cli
from graph import iri
from graph.errors import UnknownNameError, UserError
from graph.explorer.layout import (
    ego_positions,
    force_positions,
    label_box,
    layered_positions,
    reporting_levels,
)
from graph.explorer.page import (
    BIG_PAGE_NODES,
    EXTRACTED_DASHES,
    FAMILY_OF,
    GAP_QUALITIES,
    QUALITIES,
    STATIC_DIR,
    build_page,
    explorer_graph,
    explorer_page,
    placeholder_note,
    short_label,
)
from graph.resources import ontology_dir
from tests.conftest import FIXTURES, load_rdf

XSS = "<img src=x onerror=alert(1)>"
B = "https://w3id.org/sgkg/id/body/testshire/"
LSCB, HOUSING, FJB = B + "lscb", B + "housing", B + "family-justice-board"
MAPPA, CSP, CE, DCS = B + "mappa-smb", B + "csp", B + "chief-executive", B + "dcs"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from graph.store.embedded import open_store

    with open_store(tmp_path_factory.mktemp("viz") / "store") as s:
        load_rdf(s, FIXTURES / "viz-mini.ttl")
        yield s


@pytest.fixture(scope="module")
def page(store: Any) -> Any:
    return explorer_page(store, "testshire")


@pytest.fixture(scope="module")
def html(page: Any) -> str:
    return page.html()


def page_data(html: str) -> dict[str, Any]:
    found = re.search(r'<script id="sgkg-data" type="application/json">(.*?)</script>', html, re.S)
    assert found, "the page has no data block"
    return json.loads(found.group(1))


def by_iri(page: Any, body_iri: str) -> str:
    return next(nid for nid, b in page.bodies.items() if b["iri"] == body_iri)


def links_between(page: Any, a: str, b: str) -> list[dict[str, Any]]:
    na, nb = by_iri(page, a), by_iri(page, b)
    return [link for link in page.links.values() if {link["from"], link["to"]} == {na, nb}]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in = dict(attrs)
            if "type" not in self._in:  # executable, not the JSON data block
                self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in is not None and "type" not in self._in:
            self.scripts[-1] += data


def parse(html: str) -> _Tags:
    p = _Tags()
    p.feed(html)
    return p


# ---------------------------------------------------------------- self-contained


def test_page_references_no_outside_resource(html: str) -> None:
    tags = parse(html).tags
    for tag, attrs in tags:
        for name in ("src", "href", "action", "data", "poster", "srcset"):
            assert name not in attrs, f"<{tag} {name}=...> would load something"
    assert not [t for t, _a in tags if t in ("link", "iframe", "img", "object", "embed")]
    # stylesheets: only inline images
    for url in re.findall(r"url\(([^)]*)\)", html):
        assert url.strip("'\" ").startswith("data:"), url
    assert "@import" not in html


def test_page_inlines_vis_network_from_pyvis(html: str) -> None:
    assert "vis-network" in html and "@version 9." in html
    scripts = parse(html).scripts
    assert len(scripts) == 2  # vis-network, then the page's own script
    assert "new vis.Network" in scripts[1]


def test_content_security_policy_allows_only_the_inlined_scripts(html: str) -> None:
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    assert "default-src 'none'" in csp
    assert "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    for script in parse(html).scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


# ---------------------------------------------------------------- escaping


def test_report_text_is_data_never_markup(html: str, page: Any) -> None:
    # every '<' of the data is a JSON escape, so nothing in it can be a tag
    for raw in (XSS, "<script>alert(2)", "<script>alert(3)", "<b>contributes</b>"):
        assert raw not in html
    data = page_data(html)
    labels = {b["label"] for b in data["bodies"].values()}
    assert XSS in labels
    texts = [e["text"] for e in data["evidence"].values()]
    assert any("<script>alert(3)</script>" in t for t in texts)


def test_page_script_never_writes_html_from_strings() -> None:
    script = (STATIC_DIR / "explorer.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/", "", script, flags=re.S)
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in code, sink
    assert "new Function" not in code


def test_vis_gets_no_title_so_no_html_popup(page: Any) -> None:
    # pyvis switches to its own innerHTML popup when a title holds HTML, and
    # vis-network shows titles itself: the page gives vis none at all
    assert not [n for n in page.network.nodes if "title" in n]
    assert not [e for e in page.network.edges if "title" in e]


# ---------------------------------------------------------------- what is drawn


def test_every_body_type_has_a_colour_family() -> None:
    text = (ontology_dir() / "vocabularies.ttl").read_text(encoding="utf-8")
    types = set(re.findall(r"^bt:([a-z-]+) a skos:Concept", text, re.M))
    assert types and types <= set(FAMILY_OF), sorted(types - set(FAMILY_OF))


def test_links_are_coloured_and_dashed_by_quality(page: Any) -> None:
    (absent,) = links_between(page, LSCB, HOUSING)
    assert absent["quality"] == "absent"
    for other in (FJB, MAPPA, CSP):
        (weak,) = links_between(page, LSCB, other)
        assert weak["quality"] == "weak"
    style = {e["id"]: e for e in page.network.edges}
    eid = next(k for k, v in page.links.items() if v is absent)
    assert style[eid]["color"]["color"] == QUALITIES["absent"][1] == "#d32f2f"
    assert style[eid]["dashes"]  # red and dashed
    weak_ids = [k for k, v in page.links.items() if v["quality"] == "weak"]
    assert {style[k]["color"]["color"] for k in weak_ids} == {QUALITIES["weak"][1]}
    assert not any(style[k]["dashes"] for k in weak_ids)
    assert style[eid]["label"] == "member of"  # edge label: link kind


def test_expected_links_are_grey_dotted_and_kept_apart(page: Any) -> None:
    expected = [(k, v) for k, v in page.links.items() if v["expected"]]
    assert expected
    style = {e["id"]: e for e in page.network.edges}
    for eid, link in expected:
        assert link["quality"] == "not-evidenced" and not link["evidence"]
        assert link["statutorySource"]
        assert style[eid]["color"]["color"] == QUALITIES["not-evidenced"][1]
        assert style[eid]["dashes"] == [2, 6]
    # Cafcass is never named: a placeholder, not a body
    cafcass = [b for b in page.bodies.values() if b["typeKey"] == "cafcass"]
    assert len(cafcass) == 1 and cafcass[0]["placeholder"] and not cafcass[0]["iri"]
    assert page.counts["bodies"] == 13


def test_evidence_of_a_link_is_its_paragraph_text(page: Any) -> None:
    (absent,) = links_between(page, LSCB, HOUSING)
    assert absent["evidenceLabels"] == ["112"]
    (pid,) = absent["evidence"]
    ev = page.evidence[pid]
    assert ev["label"] == "paragraph 112"
    assert ev["text"].startswith("There is no strategic representation from housing")
    assert absent["quote"] == "no strategic representation from housing services on the board"


def test_judgements_are_shown_on_authority_and_lscb(page: Any) -> None:
    nodes = {n["id"]: n for n in page.network.nodes}
    lscb = by_iri(page, LSCB)
    la = by_iri(page, B + "local-authority")
    assert nodes[lscb]["label"].endswith("\nOfsted: requires improvement")
    assert nodes[la]["label"].endswith("\nOverall: requires improvement")
    areas = [(j["area"], j["grade"]) for j in page.bodies[la]["judgements"]]
    assert areas == [("overall", "requires-improvement"), ("leadership", "good")]
    assert not page.bodies[by_iri(page, HOUSING)]["judgements"]


def test_nodes_are_shaped_by_org_class(page: Any) -> None:
    shapes = {n["id"]: n["shape"] for n in page.network.nodes}
    assert shapes[by_iri(page, LSCB)] == "hexagon"
    assert shapes[by_iri(page, CE)] == "triangle"
    assert shapes[by_iri(page, HOUSING)] == "dot"
    assert shapes[by_iri(page, B + "police")] == "square"


def test_search_terms_include_acronyms_and_type_names(page: Any) -> None:
    lscb = page.bodies[by_iri(page, LSCB)]
    assert "TSCB" in lscb["alts"]
    assert "LSCB" in lscb["terms"]


def test_authority_keeps_its_own_bodies(store: Any, page: Any) -> None:
    assert not [b for b in page.bodies.values() if "otherton" in b["iri"]]
    everything = explorer_graph(store)
    assert "https://w3id.org/sgkg/id/body/otherton/lscb" in everything


def test_focus_keeps_bodies_within_depth(store: Any) -> None:
    one = explorer_graph(store, "testshire", focus="Testshire Family Justice Board", depth=1)
    assert set(one) == {FJB, LSCB}
    two = explorer_graph(store, "testshire", focus="Testshire Family Justice Board", depth=2)
    assert {HOUSING, MAPPA, CSP, DCS} <= set(two) and B + "otherton" not in two
    page = build_page(one, {}, title="t")
    assert page.legend["focus"] == by_iri(page, FJB)


def test_only_gaps_keeps_gap_links_and_their_bodies(store: Any) -> None:
    g = explorer_graph(store, "testshire", only="gaps")
    qualities = {q for _u, _v, q in g.edges(data="quality")}
    assert qualities <= GAP_QUALITIES
    assert {"absent", "weak", "not-evidenced"} <= qualities
    assert B + "police" not in g  # only an effective link
    assert HOUSING in g and FJB in g


def test_unknown_names_are_user_errors(store: Any) -> None:
    with pytest.raises(UnknownNameError, match="no local authority 'Nowhere'"):
        explorer_graph(store, "Nowhere")
    with pytest.raises(UnknownNameError):
        explorer_graph(store, "testshire", focus="Ministry of Silly Walks")
    with pytest.raises(UserError, match="--only"):
        explorer_graph(store, "testshire", only="everything")


# ---------------------------------------------------------------- layout


def test_parts_are_packed_without_overlap() -> None:
    import networkx as nx

    g = nx.MultiDiGraph()
    nx.add_path(g, [f"a{i}" for i in range(30)])
    nx.add_cycle(g, [f"b{i}" for i in range(12)])
    g.add_node("loner")
    for large in (400, 5):  # networkx's layout, then the numpy one
        pos = force_positions(g, large=large)
        assert set(pos) == set(g)
        boxes = []
        for prefix in ("a", "b", "loner"):
            pts = [p for v, p in pos.items() if v.startswith(prefix)]
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                apart = a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1]
                assert apart, (a, b)
        # points of one part are spread out, not piled up
        a_pts = sorted(p for v, p in pos.items() if v.startswith("a"))
        assert len(set(a_pts)) == 30


def test_reporting_levels_put_bosses_above(store: Any) -> None:
    g = explorer_graph(store, "testshire")
    levels = reporting_levels(g)
    assert levels[CE] < levels[DCS] < levels[B + "childrens-services"]  # reports to, leads
    assert levels[B + "lscb-chair"] < levels[LSCB]  # chairs
    assert levels[CE] < levels[LSCB]  # annual report to
    assert HOUSING not in levels  # only a membership: on no reporting line
    pos = layered_positions(g)
    assert pos[CE][1] < pos[DCS][1] < pos[B + "childrens-services"][1]
    assert set(pos) == set(levels)  # bodies on no reporting line are set aside


def test_reporting_cycles_do_not_break_the_levels() -> None:
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_edge("a", "b", kind="reports-to")
    g.add_edge("b", "c", kind="reports-to")
    g.add_edge("c", "a", kind="reports-to")
    g.add_edge("d", "a", kind="works-with")
    levels = reporting_levels(g)
    assert set(levels) == {"a", "b", "c"}
    assert len(set(levels.values())) == 3
    assert set(layered_positions(g)) == {"a", "b", "c"}


def test_layouts_are_drawn_as_computed(store: Any) -> None:
    import networkx as nx

    small = build_page(explorer_graph(store, "testshire"), {})
    assert small.network.options["physics"] == {"enabled": False}  # nothing drifts
    assert not small.network.options["interaction"]["hideEdgesOnDrag"]
    g = nx.MultiDiGraph()
    for i in range(BIG_PAGE_NODES + 1):
        g.add_node(f"n{i:04}", label=f"body {i}", body_type="unit")
    big = build_page(g, {})
    assert big.network.options["interaction"]["hideEdgesOnDrag"]
    assert all("x" in n and "y" in n for n in big.network.nodes)


def test_wide_levels_of_reporting_lines_are_folded() -> None:
    import networkx as nx

    g = nx.MultiDiGraph()
    for i in range(12):
        g.add_edge(f"team{i:02}", "boss", kind="reports-to")
    g.add_node("loner")
    pos = layered_positions(g, per_row=4, dx=200.0)
    assert "loner" not in pos
    xs = {round(pos[f"team{i:02}"][0]) for i in range(12)}
    assert max(xs) - min(xs) <= 4 * 200  # four to a row, not twelve
    assert all(pos[f"team{i:02}"][1] > pos["boss"][1] for i in range(12))


# ---------------------------------------------------------------- the command


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("viz-cli") / "store"
    result = CliRunner().invoke(cli, ["--store", str(path), "load", str(FIXTURES / "viz-mini.ttl")])
    assert result.exit_code == 0, result.output
    return path


def run(store_dir: Path, *args: str) -> Any:
    return CliRunner().invoke(cli, ["--store", str(store_dir), *args])


def test_viz_writes_one_page(store_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "explorer.html"
    result = run(store_dir, "viz", "--authority", "testshire", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.stderr
    assert "13 bodies, 15 link(s) recorded (0 of them extracted)" in result.stderr
    data = page_data(out.read_text(encoding="utf-8"))
    assert data["title"] == "Testshire County Council: safeguarding partnership"
    assert len([b for b in data["bodies"].values() if not b["placeholder"]]) == 13


def test_viz_focus_and_only_gaps(store_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "lscb.html"
    args = ("-a", "testshire", "--focus", "TSCB", "--only", "gaps", "-o", str(out))
    result = run(store_dir, "viz", *args)
    assert result.exit_code == 0, result.output
    data = page_data(out.read_text(encoding="utf-8"))
    assert {link["quality"] for link in data["links"].values()} <= GAP_QUALITIES
    assert data["subtitle"] == (
        "around Testshire Safeguarding Children Board, 1 link deep; gaps only"
    )


def test_viz_to_stdout(store_dir: Path) -> None:
    result = run(store_dir, "viz", "-a", "testshire", "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>")


def test_viz_open_opens_the_file(
    store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    out = tmp_path / "p.html"
    result = run(store_dir, "viz", "-a", "testshire", "-o", str(out), "--open")
    assert result.exit_code == 0, result.output
    assert opened == [out.resolve().as_uri()]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--focus", "Ministry of Silly Walks"), "no body called"),
        (("--authority", "Nowhere"), "no local authority"),
        (("--depth", "2"), "--depth only applies with --focus"),
        (("-o", "-", "--open"), "--open needs a file"),
    ],
)
def test_viz_bad_input_exits_2(store_dir: Path, args: tuple[str, ...], message: str) -> None:
    result = run(store_dir, "viz", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_viz_on_an_empty_store_says_what_to_do(tmp_path: Path) -> None:
    result = run(tmp_path / "empty", "viz", "-o", str(tmp_path / "x.html"))
    assert result.exit_code == 2
    assert "sgkg ingest" in result.stderr
    assert not (tmp_path / "x.html").exists()


def test_bournemouth_page_shows_the_lscb_gaps(bournemouth_store: Any) -> None:
    page = explorer_page(bournemouth_store, "bournemouth")
    lscb = iri.body("bournemouth", "lscb")
    by_type = {
        b["typeKey"]: nid for nid, b in page.bodies.items() if not b["placeholder"] and b["iri"]
    }
    lscb_id = by_iri(page, lscb)
    found: dict[str, set[str]] = {}
    for link in page.links.values():
        if lscb_id in (link["from"], link["to"]) and not link["expected"]:
            other = link["to"] if link["from"] == lscb_id else link["from"]
            found.setdefault(page.bodies[other]["typeKey"], set()).add(link["quality"])
    assert "absent" in found["housing"]
    for t in ("family-justice-board", "mappa-smb", "csp"):
        assert "weak" in found[t], t
        assert t in by_type
    (housing,) = [
        v
        for v in page.links.values()
        if {v["from"], v["to"]} == {lscb_id, by_type["housing"]} and v["quality"] == "absent"
    ]
    assert "112" in housing["evidenceLabels"]


def test_the_same_store_gives_the_same_page(store: Any, html: str) -> None:
    assert explorer_page(store, "testshire").html() == html


# ---------------------------------------------------------------- the first view and its words


@pytest.fixture(scope="module")
def extra(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from graph.store.embedded import open_store

    with open_store(tmp_path_factory.mktemp("viz-extra") / "store") as s:
        load_rdf(s, FIXTURES / "viz-extra.ttl")
        yield s


def board_of(page: Any) -> tuple[str, dict[str, Any]]:
    centre = page.legend["focus"]
    return centre, page.boards[centre]


def test_page_opens_on_the_board_and_every_link_to_it(page: Any) -> None:
    centre, board = board_of(page)
    assert page.bodies[centre]["iri"] == LSCB
    lscb_links = {k for k, v in page.links.items() if centre in (v["from"], v["to"])}
    assert set(board["edges"]) == lscb_links
    ends = {page.links[k]["from"] for k in lscb_links} | {page.links[k]["to"] for k in lscb_links}
    assert set(board["pos"]) == ends  # the board and each body linked to it, no other
    assert board["pos"][centre] == [0.0, 0.0]


def test_board_view_puts_missing_and_weak_links_above_the_board(page: Any) -> None:
    _centre, board = board_of(page)
    for body in (HOUSING, FJB, MAPPA, CSP):
        _x, y = board["pos"][by_iri(page, body)]
        assert y < 0, body  # above the board, labels hanging away from it
        assert by_iri(page, body) in board["above"]
    # each label says how the body is linked and what inspectors found
    assert board["labels"][by_iri(page, HOUSING)].endswith("member of: absent")
    assert "works with: weak" in board["labels"][by_iri(page, FJB)]
    cafcass = next(n for n, b in page.bodies.items() if b["typeKey"] == "cafcass")
    assert board["labels"][cafcass].endswith("member of: expected")


def test_board_view_labels_never_overlap() -> None:
    boxes = {f"b{i}": (14.0, *label_box(f"Body number {i}\nworks with: weak")) for i in range(40)}
    boxes["c"] = (26.0, *label_box("The board\nOfsted: good", 16))
    pos = ego_positions("c", [f"b{i}" for i in range(40)], boxes, bounds=(900, 870))
    rects = []
    for v, (x, y, up) in pos.items():
        size, w, h = boxes[v]
        half = max(size, w / 2)
        top, bottom = (y - size - h, y + size) if up else (y - size, y + size + h)
        rects.append((x - half, top, x + half, bottom))
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_bournemouth_board_view_fits_a_window_at_a_legible_zoom(bournemouth_store: Any) -> None:
    page = explorer_page(bournemouth_store, "bournemouth")
    centre, board = board_of(page)
    assert page.bodies[centre]["typeKey"] == "lscb"
    x0, y0, x1, y1 = board["frame"]
    # a 1400 x 860 window gives the picture about 814 x 790 pixels: at 12/14
    # of full size (labels of 12 px) the board and its links fit
    assert (x1 - x0) * 12 / 14 <= 814 and (y1 - y0) * 12 / 14 <= 790


@pytest.mark.parametrize(
    ("label", "short"),
    [
        ("Housing in Bournemouth", "Housing"),
        ("Chief Executive of Bournemouth Borough Council", "Chief Executive"),
        ("Bournemouth children's services", "Children's services"),
        (
            "Serious case review sub-group of the Bournemouth and Poole LSCB",
            "Serious case review sub-group of the LSCB",
        ),
        ("Dorset Family Justice Board", "Dorset Family Justice Board"),
        ("Pan-Dorset Child Death Overview Panel", "Pan-Dorset Child Death Overview Panel"),
    ],
)
def test_short_labels_drop_only_the_authority_own_name(label: str, short: str) -> None:
    assert short_label(label, ["bournemouth", "bournemouth-and-poole"]) == short


def test_placeholders_say_in_plain_words_what_they_are() -> None:
    assert placeholder_note([], True) == "expected by statute; the report does not name one"
    assert placeholder_note([], False) == "expected in practice; the report does not name one"
    assert placeholder_note(["30"], True) == "mentioned in ¶30; no link recorded"
    assert placeholder_note(["1", "5", "9", "12"], True) == (
        "mentioned in ¶1, ¶5 and 2 more; no link recorded"
    )


def test_a_body_type_the_report_mentions_is_never_drawn_as_not_named(extra: Any) -> None:
    page = explorer_page(extra, "nolinkshire")
    by_type = {b["typeKey"]: b for b in page.bodies.values() if b["placeholder"]}
    for t in ("police", "probation"):  # paragraph 30 mentions both
        assert by_type[t]["note"] == "mentioned in ¶30; no link recorded"
        assert "not name" not in by_type[t]["canvas"]
        assert by_type[t]["mentions"] == ["30"]
    assert "does not name one" in by_type["cafcass"]["canvas"]
    _centre, board = board_of(page)
    assert "not named" not in board["labels"][_node_of(page, by_type["police"])]


def _node_of(page: Any, body: dict[str, Any]) -> str:
    return next(n for n, b in page.bodies.items() if b is body)


def test_counts_are_of_bodies_never_placeholders(extra: Any) -> None:
    page = explorer_page(extra, "nolinkshire")
    assert page.counts == {
        "bodies": 2,
        "links": 0,
        "extracted": 0,
        "expected": page.counts["expected"],
        "placeholders": 20,
    }
    assert page.counts["expected"] > 0
    (auth,) = page.authorities
    assert auth["recorded"] == "none"
    assert any("no stated links" in n or "no links" in n for n in auth["notes"])


def test_extracted_links_are_marked_as_extracted(extra: Any) -> None:
    page = explorer_page(extra, "extractshire")
    recorded = [v for v in page.links.values() if not v["expected"]]
    assert len(recorded) == 2 and all(v["extracted"] for v in recorded)
    weak = next(v for v in recorded if v["quality"] == "weak")
    assert weak["rule"] == "member-of/represented" and weak["confidence"] == "0.7"
    style = {e["id"]: e for e in page.network.edges}
    eid = next(k for k, v in page.links.items() if v is weak)
    assert style[eid]["dashes"] == EXTRACTED_DASHES
    assert style[eid]["label"] == "member of · extracted"
    assert page.counts["extracted"] == 2
    assert page.authorities[0]["recorded"] == "extracted"
    # curated links stay unmarked
    assert not any(v["extracted"] for v in explorer_page(extra, "nolinkshire").links.values())


def test_a_gap_link_carries_the_registers_quote(bournemouth_store: Any) -> None:
    from graph.analysis.register import gap_register

    page = explorer_page(bournemouth_store, "bournemouth")
    quotes = {v["iri"]: v.get("quote", "") for v in page.links.values() if "iri" in v}
    found = gap_register(bournemouth_store, "bournemouth").by_source("inspectors")
    assert found
    for gap in found:
        if gap.quote:
            assert quotes[gap.id] == gap.quote, gap.id


def test_each_authority_is_laid_out_with_its_own_council(store: Any) -> None:
    page = explorer_page(store)  # Testshire and Otherton
    assert {a["key"] for a in page.authorities} == {"testshire", "otherton"}
    boxes = {}
    for key in ("testshire", "otherton"):
        auth = next(a for a in page.authorities if a["key"] == key)
        assert page.bodies[auth["centre"]]["typeKey"] == "lscb"
        assert page.bodies[auth["council"]]["typeKey"] == "local-authority"
        assert auth["centre"] in page.boards
        pts = [(n["x"], n["y"]) for n in page.network.nodes if page.bodies[n["id"]]["auth"] == key]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        boxes[key] = (min(xs), min(ys), max(xs), max(ys))
    a, b = boxes["testshire"], boxes["otherton"]
    assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1]  # apart, each whole


def test_a_council_with_no_recorded_link_sits_with_its_board(extra: Any) -> None:
    page = explorer_page(extra)
    nodes = {n["id"]: n for n in page.network.nodes}

    def apart(a: dict[str, Any], b: dict[str, Any]) -> float:
        return float(((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5)

    boxes = {}
    for key in ("nolinkshire", "extractshire"):
        auth = next(a for a in page.authorities if a["key"] == key)
        council, board = nodes[auth["council"]], nodes[auth["centre"]]
        own = [n for n in page.network.nodes if page.bodies[n["id"]]["auth"] == key]
        # held to its board (no link is recorded between them), not flung away
        assert apart(council, board) <= max(apart(board, n) for n in own)
        xs, ys = [n["x"] for n in own], [n["y"] for n in own]
        boxes[key] = (min(xs), min(ys), max(xs), max(ys))
    a, b = boxes["nolinkshire"], boxes["extractshire"]
    assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1]
