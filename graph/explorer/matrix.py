"""The national matrix as one offline HTML page (``sgkg matrix --format html``).

A row per authority, a column per expected link of the chosen era, each cell
coloured by the quality found or "not evidenced"; filters by region and era
and a search by name; a click on an authority opens its own panel with every
cell's paragraphs and quote; a summary of the links most often weak or absent
follows the filters. Like the explorer, the page is self-contained (styles,
script and data inlined), a Content-Security-Policy allows only its own
script by hash, and every piece of report text is placed with ``textContent``.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from pathlib import Path
from typing import Any

from graph.errors import WorkError

STATIC_DIR = Path(__file__).resolve().parent / "static"

TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="@@CSP@@">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="sgkg">
<title>@@TITLE@@</title>
<style>@@CSS@@</style>
</head>
<body>
<header>
<h1>@@TITLE@@</h1>
<p class="sub">@@SUBTITLE@@</p>
</header>
<main>
@@BODY@@
</main>
<script type="application/json" id="sgkg-data">@@DATA@@</script>
<script>@@JS@@</script>
</body>
</html>
"""

MATRIX_BODY = """<div class="controls">
  <div><label for="era">Era</label><select id="era"></select></div>
  <div><label for="region">Region</label>
    <select id="region"><option value="">All regions</option></select></div>
  <div><label for="find">Authority</label><input id="find" type="search" placeholder="name"></div>
  <p id="count" class="note" aria-live="polite"></p>
</div>
<div id="legend" class="legend" aria-label="Legend"></div>
<div class="scroll"><table id="matrix"></table></div>
<section id="detail" tabindex="-1" hidden aria-live="polite"></section>
<h2>Expected links most often weak or absent</h2>
<p class="note">Counted over the authorities shown above. "Not evidenced" is silence in the
report, not a finding that the link is missing.</p>
<table id="summary" class="summary"></table>
"""


def script_safe_json(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def static_page(title: str, subtitle: str, body: str, script: str, data: Any) -> str:
    """One self-contained document: ``compare.css`` and ``script`` (a file of
    ``static/``) inlined, ``data`` as JSON, ``body`` (trusted markup) in main."""
    js = (STATIC_DIR / script).read_text(encoding="utf-8")
    css = (STATIC_DIR / "compare.css").read_text(encoding="utf-8")
    if "</script" in js.lower():
        raise WorkError(f"{script} contains '</script' and cannot be inlined")
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src '{_sha256(js)}'",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "connect-src 'none'",
            "form-action 'none'",
            "base-uri 'none'",
        ]
    )
    parts = {
        "CSP": html.escape(csp),
        "TITLE": html.escape(title),
        "SUBTITLE": html.escape(subtitle),
        "CSS": css,
        "BODY": body,
        "DATA": script_safe_json(data),
        "JS": js,
    }
    return re.sub(r"@@([A-Z]+)@@", lambda m: parts[m.group(1)], TEMPLATE)


def matrix_page(matrix: Any) -> str:
    """The page for a :class:`graph.analysis.matrix.Matrix`."""
    authorities = len({r.authority for r in matrix.rows})
    subtitle = (
        f"{authorities} authorities, {len(matrix.rows)} rows (an authority in one era), "
        f"{len(matrix.columns)} expected links. Each cell: the quality inspectors found, "
        "or 'not evidenced' where the report is silent. Click an authority for its evidence."
    )
    return static_page(
        "Expected partnership links: the national matrix",
        subtitle,
        MATRIX_BODY,
        "matrix.js",
        matrix.as_dict(),
    )
