"""How quickly a 2,000-body explorer page becomes usable in headless Chromium.

Builds a synthetic store in sgkg's vocabulary (bench/synthetic.py; 38
authorities of 53 bodies = 2,014 bodies and about 16,000 links), writes the
explorer page for all of it, then in Debian's chromium, driven by Playwright:

* load: from navigation start to the page's ready signal (the first draw of
  the precomputed layout: the page opens on one board and its links);
* click: from a mouse click on a body to its panel showing the evidence of
  its links;
* interactive = load + click, the figure the target (< 5 s) is about.

    python bench/viz_bench.py                    # 38 authorities, 3 runs
    python bench/viz_bench.py --authorities 20 --runs 5 --keep /tmp/viz-bench

Prints one line per run and the median. Needs /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TARGET_S = 5.0


def build_page(folder: Path, authorities: int) -> tuple[Path, dict[str, float]]:
    """The synthetic store and its explorer page; returns the page and timings."""
    from bench.synthetic import build
    from graph.explorer.page import explorer_page
    from graph.store.embedded import open_store

    figures: dict[str, float] = {}
    store_path = folder / "store"
    if not store_path.exists():
        t = time.perf_counter()
        build(store_path, authorities=authorities)
        figures["store_s"] = time.perf_counter() - t
    t = time.perf_counter()
    with open_store(store_path, read_only=True) as store:
        page = explorer_page(store)
    html = page.html()
    figures["python_s"] = time.perf_counter() - t
    out = folder / "explorer-2000.html"
    out.write_text(html, encoding="utf-8")
    figures["bodies"] = page.counts["bodies"]
    figures["nodes"] = len(page.bodies)
    figures["edges"] = len(page.links)
    figures["mb"] = len(html.encode("utf-8")) / 1e6
    figures["boards"] = len(page.boards)
    return out, figures


def measure(browser: object, page_path: Path) -> dict[str, float]:
    """One cold load and one click, in a fresh browser context."""
    context = browser.new_context(viewport={"width": 1400, "height": 860})  # type: ignore[attr-defined]
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith("file://") else outside.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(page_path.as_uri(), timeout=120_000)
    page.wait_for_function("() => window.sgkg && window.sgkg.ready", timeout=120_000, polling=20)
    load_ms = page.evaluate("sgkg.readyMs")
    how = page.evaluate("sgkg.readyHow")

    # the whole network, every body drawn (timed: the view a user switches to)
    t = time.perf_counter()
    page.evaluate("sgkg.setView('network')")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    network_ms = (time.perf_counter() - t) * 1000

    # click the body with most links that is not on screen yet: bring it into
    # view first (not timed), then time the click itself
    node = page.evaluate(
        """() => {
             const ids = Object.keys(sgkg.bodies).filter(id => !sgkg.bodies[id].placeholder);
             ids.sort((a, b) => sgkg.network.getConnectedEdges(b).length
                              - sgkg.network.getConnectedEdges(a).length);
             return ids[0];
           }"""
    )
    page.evaluate("id => sgkg.network.focus(id, {scale: 1.0, animation: false})", node)
    page.wait_for_timeout(300)
    at = page.evaluate("id => sgkg.network.canvasToDOM(sgkg.network.getPositions([id])[id])", node)
    box = page.locator("#network").bounding_box()
    t = time.perf_counter()
    page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])
    page.wait_for_function(
        """id => sgkg.selected && sgkg.selected.node === id
                 && document.querySelector('#details ul.links details p')""",
        arg=node,
        polling=10,
        timeout=60_000,
    )
    click_ms = (time.perf_counter() - t) * 1000
    evidence = page.text_content("#details ul.links details p")
    context.close()
    if errors or outside or not evidence:
        raise SystemExit(f"page failed: errors={errors[:3]} outside={outside[:3]}")
    return {"load_ms": load_ms, "click_ms": click_ms, "network_ms": network_ms, "how": how}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--authorities", type=int, default=38, help="53 bodies each (default 38)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="Folder for the store and page (kept; reused)")
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"needs Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    folder = args.keep or Path(tempfile.mkdtemp(prefix="sgkg-viz-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    page_path, fig = build_page(folder, args.authorities)
    print(
        f"page: {fig['bodies']:.0f} bodies ({fig['nodes']:.0f} nodes with placeholders), "
        f"{fig['edges']:.0f} links, {fig['mb']:.1f} MB, "
        f"{fig['boards']:.0f} board views; "
        f"built in {fig['python_s']:.1f} s"
        + (f" (store {fig['store_s']:.1f} s)" if "store_s" in fig else "")
    )
    totals = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for run in range(1, args.runs + 1):
            m = measure(browser, page_path)
            total = (m["load_ms"] + m["click_ms"]) / 1000
            totals.append(total)
            print(
                f"run {run}: load to {m['how']} {m['load_ms'] / 1000:.2f} s, "
                f"whole network drawn {m['network_ms'] / 1000:.2f} s, "
                f"click to evidence {m['click_ms'] / 1000:.2f} s, interactive {total:.2f} s"
            )
        browser.close()
    median = statistics.median(totals)
    verdict = "within" if median < TARGET_S else "OVER"
    print(f"median interactive: {median:.2f} s ({verdict} the {TARGET_S:.0f} s target)")


if __name__ == "__main__":
    main()
