"""`sgkg gaps --format html`: the gap register as a print-friendly document
for a board paper (graph/analysis/register_html.py). Its words are the
Markdown register's; these tests check the conversion, the escaping and the
command. The same document printed in Chromium is tested in
test_viz_browser.py."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cli import cli
from graph.analysis.register_html import markdown_to_html
from tests.conftest import FIXTURES

MD = """# Gap register: Testshire <County> Council

Links found *absent* or **weak**; see `ontology/expectations.ttl`.

- *Note:* the graph holds no links for Otherton.

## 1. Found by inspectors

| # | Link | Found | What the report says |
|---|---|---|---|
| 1 | Housing → *member of* → Board | **absent** | para 112: “no <script>alert(1)</script> \\| x” |
| 2 | Board → *works with* → A & B | **weak** | - |

---

*How to read this register.* Rows in order of severity.
"""


class _Doc(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Doc:
    doc = _Doc()
    doc.feed(html)
    return doc


def test_markdown_becomes_headings_tables_lists_and_emphasis() -> None:
    html = markdown_to_html(MD)
    names = [t for t, _a in parse(html).tags]
    assert names.count("h1") == 1 and names.count("h2") == 1
    assert names.count("table") == 1 and names.count("th") == 4 and names.count("tr") == 3
    assert names.count("ul") == 1 and names.count("li") == 1 and "hr" in names
    assert "<strong>absent</strong>" in html and "<em>member of</em>" in html
    assert "<code>ontology/expectations.ttl</code>" in html
    assert "<title>Gap register: Testshire &lt;County&gt; Council</title>" in html


def test_report_text_is_escaped_and_nothing_is_loaded() -> None:
    html = markdown_to_html(MD)
    doc = parse(html)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "A &amp; B" in html
    assert "&lt;/script&gt; | x”" in html  # an escaped bar stays in its cell
    assert [t for t, _a in doc.tags if t in ("script", "link", "img", "iframe", "object")] == []
    assert not [a for _t, a in doc.tags if {"src", "href", "action"} & set(a)]
    csp = next(a["content"] for t, a in doc.tags if t == "meta" and a.get("http-equiv"))
    assert "default-src 'none'" in (csp or "")
    assert "@page" in html  # sized for paper


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gaps-html") / "store"
    result = CliRunner().invoke(cli, ["--store", str(path), "load", str(FIXTURES / "viz-mini.ttl")])
    assert result.exit_code == 0, result.output
    return path


def run(store_dir: Path, *args: str) -> Any:
    return CliRunner().invoke(cli, ["--store", str(store_dir), *args])


def test_gaps_format_html_is_the_md_register_as_html(store_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "register.html"
    result = run(store_dir, "gaps", "-a", "testshire", "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    md = run(store_dir, "gaps", "-a", "testshire", "--format", "md").stdout
    # the same rows, the same headings
    md_rows = [x for x in md.splitlines() if re.match(r"\| \d+ \|", x)]
    assert len(md_rows) == html.count("<tr>") - html.count("<thead>")
    for heading in re.findall(r"^#+ (.*)$", md, re.M):
        assert heading.replace("&", "&amp;") in html
    assert "paragraph" in html or "para 112" in html
    # the voluntary-sector body's label is an HTML payload: text in the paper
    assert "<img" not in html


def test_gaps_html_to_stdout(store_dir: Path) -> None:
    result = run(store_dir, "gaps", "-a", "testshire", "--format", "html")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert result.stdout.rstrip().endswith("</html>")


def test_gaps_help_offers_html(store_dir: Path) -> None:
    result = run(store_dir, "gaps", "--help")
    assert "html" in result.output
