"""The gap register as a print-friendly HTML document, for a board paper.

The words are the Markdown register's (:func:`graph.analysis.register_render.render`
with ``md``), so the two never drift apart: this module only turns that
document into HTML, styled for A4 and for the screen. It reads the small part
of Markdown the register writes (headings, paragraphs, ``-`` lists, pipe
tables, ``---``, ``**bold**``, ``*italic*``, ```code```), escapes every piece
of text before marking it up, and writes one self-contained file: no script,
no link, no font or image from anywhere, and a Content-Security-Policy that
would refuse them.
"""

from __future__ import annotations

import html
import re

STYLE = """
@page { size: A4 landscape; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.4 "Segoe UI", system-ui, -apple-system, Roboto, Arial, sans-serif;
       color: #1a1a1a; margin: 0 auto; padding: 24px 28px; max-width: 1180px; }
h1 { font-size: 18pt; margin: 0 0 8px; }
h2 { font-size: 14pt; margin: 22px 0 6px; border-bottom: 2px solid #1f4e79; padding-bottom: 2px; }
h3 { font-size: 12pt; margin: 18px 0 6px; color: #1f4e79; }
p { margin: 6px 0; }
ul { margin: 6px 0; padding-left: 20px; }
hr { border: 0; border-top: 1px solid #b0bec5; margin: 20px 0 10px; }
code { font: 9.5pt ui-monospace, Menlo, Consolas, monospace; background: #f1f3f4; padding: 0 3px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 9.5pt; }
thead { display: table-header-group; }
th { text-align: left; vertical-align: bottom; background: #eef3f7;
     border-bottom: 2px solid #1f4e79; }
th, td { padding: 5px 6px; border: 1px solid #cfd8dc; vertical-align: top; }
tr { break-inside: avoid; page-break-inside: avoid; }
td:first-child { width: 2.2em; text-align: right; color: #455a64; }
td strong { white-space: nowrap; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
@media screen { body { background: #ffffff; } }
@media print { body { padding: 0; max-width: none; } a { color: inherit; } }
"""

_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)


def _inline(text: str) -> str:
    """One line of Markdown text as HTML: escaped first, then marked up."""
    out = html.escape(text, quote=False)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    out = re.sub(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", r"<strong>\1</strong>", out)
    out = re.sub(r"(?<![*\w])\*(?=\S)(.+?)(?<=\S)\*(?![*\w])", r"<em>\1</em>", out)
    return out


def _cells(row: str) -> list[str]:
    """The cells of a pipe-table row; ``\\|`` is a bar inside a cell."""
    body = row.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", body)]


def _table(rows: list[str]) -> list[str]:
    head, *rest = rows
    if rest and re.fullmatch(r"[\s|:-]+", rest[0]):
        rest = rest[1:]
    out = ["<table>", "<thead><tr>"]
    out += [f'<th scope="col">{_inline(c)}</th>' for c in _cells(head)]
    out += ["</tr></thead>", "<tbody>"]
    for row in rest:
        out.append("<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in _cells(row)) + "</tr>")
    out += ["</tbody>", "</table>"]
    return out


def markdown_to_html(markdown: str, title: str | None = None) -> str:
    """The register's Markdown ``markdown`` as one HTML document; ``title``
    defaults to the first heading."""
    lines = markdown.splitlines()
    if title is None:
        title = next((x.lstrip("#").strip() for x in lines if x.startswith("#")), "Gap register")
    body: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
        elif stripped.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            body += _table(rows)
        elif re.fullmatch(r"-{3,}|\*{3,}", stripped):
            body.append("<hr>")
            i += 1
        elif m := re.match(r"(#{1,6})\s+(.*)", stripped):
            level = len(m.group(1))
            body.append(f"<h{level}>{_inline(m.group(2))}</h{level}>")
            i += 1
        elif stripped.startswith("- "):
            body.append("<ul>")
            while i < len(lines) and lines[i].strip().startswith("- "):
                body.append(f"<li>{_inline(lines[i].strip()[2:])}</li>")
                i += 1
            body.append("</ul>")
        else:
            para = []
            while i < len(lines) and lines[i].strip() and not _starts_block(lines[i]):
                para.append(lines[i].strip())
                i += 1
            body.append(f"<p>{_inline(' '.join(para))}</p>")
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="sgkg gaps --format html">',
            f"<title>{html.escape(title)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


def _starts_block(line: str) -> bool:
    s = line.strip()
    return s.startswith(("|", "- ", "#")) or re.fullmatch(r"-{3,}|\*{3,}", s) is not None
