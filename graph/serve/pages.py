"""The server's HTML pages. Every piece of data goes through
:func:`html.escape`; the pages load one stylesheet and (the national view
only) one script from the server itself, as the Content-Security-Policy
allows, and nothing from elsewhere."""

from __future__ import annotations

import html
import urllib.parse
from typing import Any

from graph import namespaces as ns

e = html.escape


def q(value: str) -> str:
    """``value`` for a URL's path or query."""
    return urllib.parse.quote(value, safe="")


def layout(title: str, body: str, *, script: str | None = None) -> str:
    scripts = f'<script src="/static/{e(script)}" defer></script>' if script else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{e(title)} · sgkg</title>
<link rel="stylesheet" href="/static/serve.css">
{scripts}
</head>
<body>
<nav><a href="/">sgkg</a> <a href="/explorer">Explorer</a> <a href="/queries">Questions</a>
<a href="/gaps">Gap register</a> <a href="/show">Find a body</a> <a href="/sparql">SPARQL</a></nav>
<main>
<h1>{e(title)}</h1>
{body}
</main>
</body>
</html>
"""


def authority_links(key: str, here: str) -> list[tuple[str, str]]:
    """(text, URL) of the server's pages on one authority, but ``here``."""
    k = q(key)
    pages = {
        "explorer": ("Explorer", f"/explorer/{k}"),
        "changes": ("Changes between inspections", f"/changes/{k}"),
        "timeline": ("Timeline", f"/timeline/{k}"),
        "gaps": ("Gap register", f"/gaps?authority={k}"),
    }
    return [link for name, link in pages.items() if name != here]


def home(source: str, generation: int | None) -> str:
    gen = f" (write generation {generation})" if generation is not None else ""
    return layout(
        "Safeguarding partnerships",
        f"""<p>Children's safeguarding partnerships in England, read from Ofsted inspection
reports, served read-only from <code>{e(source)}</code>{e(gen)}.</p>
<ul>
<li><a href="/explorer">The explorer</a>: every authority, and each one's partnership drawn
with the evidence behind every link.</li>
<li><a href="/queries">Named questions</a>: weak links, board members, reporting lines...</li>
<li><a href="/gaps">The gap register</a>: links inspectors found weak or missing, and links
statute expects that the reports do not evidence.</li>
<li>Changes between inspections: <code>/changes/KEY</code> (linked from each authority in the
explorer): judgements, links, areas for improvement asked again, with the paragraphs on both
sides; <code>/timeline/KEY</code> draws the same as a timeline.</li>
<li><a href="/show">Find a body</a>: everything known about one body.</li>
<li><a href="/sparql">SPARQL</a>: a read-only SPARQL 1.1 Protocol endpoint at
<code>/sparql</code>, for any SPARQL client.</li>
</ul>
<p>The same as JSON: <code>/api/authorities</code>, <code>/api/queries</code>,
<code>/api/queries/NAME?param=value</code>, <code>/api/show/NAME</code>,
<code>/api/gaps?authority=KEY</code>, <code>/api/explorer/KEY</code>,
<code>/api/changes/KEY</code>.</p>""",
    )


def error(status: int, message: str) -> str:
    return layout(f"{status}: {_REASONS.get(status, 'Error')}", f"<p class=error>{e(message)}</p>")


_REASONS = {
    400: "Bad request",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    500: "Server error",
    502: "Bad gateway",
    503: "Over its time budget",
}


def national(authorities: list[dict[str, Any]]) -> str:
    rows = []
    for a in authorities:
        reports = "; ".join(
            " ".join(
                x
                for x in (
                    str(r.get("published") or "")
                    or (f"inspected {r['inspected']}" if r.get("inspected") else ""),
                    str(r.get("framework") or ""),
                    f"overall {r['overall']}" if r.get("overall") else "",
                )
                if x
            )
            for r in a["reports"]
        )
        rows.append(
            f'<tr data-name="{e(a["name"].lower())} {e(a["key"])}">'
            f'<td><a href="/explorer/{q(a["key"])}">{e(a["name"])}</a></td>'
            f"<td>{e(reports)}</td><td class=n>{a['links']}</td>"
            f"<td class=n>{a['weak_or_absent']}</td>"
            f'<td><a href="/gaps?authority={q(a["key"])}">gaps</a> '
            f'<a href="/changes/{q(a["key"])}">changes</a></td></tr>'
        )
    body = f"""<p>{len(authorities)} authorities. Open one to draw its partnership: each
authority's page is built from the store when asked, so the national graph is never one
huge page.</p>
<p><label for=filter>Filter</label> <input id=filter type=search
placeholder="authority name" autocomplete=off> <span id=shown aria-live=polite></span></p>
<table id=authorities>
<thead><tr><th>Authority</th><th>Reports</th><th>Links</th><th>Weak or absent</th>
<th>More</th></tr></thead>
<tbody>
{"".join(rows)}
</tbody>
</table>"""
    return layout("Explorer: every authority", body, script="national.js")


def _cell(term: Any) -> str:
    """A result cell: a body IRI links to its page; IRIs shortened."""
    if term is None:
        return ""
    import pyoxigraph as ox

    from graph.store.sparql import shorten

    if isinstance(term, ox.NamedNode):
        text = shorten(term.value)
        if term.value.startswith(ns.ID + "body/"):
            return f'<a href="/show?name={q(term.value)}">{e(text)}</a>'
        return e(text)
    return e(term.value)


def table(variables: list[str], rows: list[list[Any]], truncated: bool = False) -> str:
    head = "".join(f"<th>{e(v)}</th>" for v in variables)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    note = f"<p>{len(rows)} row{'s' if len(rows) != 1 else ''}"
    note += " (cut at the server's row limit)</p>" if truncated else "</p>"
    return f"{note}<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def query_list(queries: list[dict[str, Any]]) -> str:
    items = "".join(
        f'<li><a href="/queries/{q(x["name"])}">{e(x["name"])}</a>: {e(x["summary"])}</li>'
        for x in queries
    )
    return layout("Named questions", f"<ul class=queries>{items}</ul>")


def query_page(
    meta: dict[str, Any],
    given: dict[str, str],
    answer: dict[str, Any] | None,
    rows: list[list[Any]],
    message: str | None = None,
) -> str:
    fields = []
    for p in meta["params"]:
        label = p["name"] + ("" if p["optional"] else " (required)")
        fields.append(
            f'<label>{e(label)} <input name="{e(p["name"])}" '
            f'value="{e(given.get(p["name"], ""))}" title="{e(p.get("doc") or "")}"></label>'
        )
    form = (
        f'<form method=get action="/queries/{q(meta["name"])}">'
        + " ".join(fields)
        + " <button type=submit>Ask</button></form>"
        if fields
        else ""
    )
    api = f"/api/queries/{q(meta['name'])}" + ("?" + urllib.parse.urlencode(given) if given else "")
    parts = [f"<p>{e(meta['summary'])}</p>", f"<p class=hint>{e(meta['description'])}</p>", form]
    if message:
        parts.append(f"<p class=error>{e(message)}</p>")
    if answer is not None:
        parts.append(table(answer["variables"], rows, answer.get("truncated", False)))
        parts.append(f'<p class=hint>As JSON: <a href="{e(api)}">{e(api)}</a></p>')
    return layout(meta["name"], "\n".join(parts))


def show_form(name: str = "", authority: str = "", message: str | None = None) -> str:
    err = f"<p class=error>{e(message)}</p>" if message else ""
    return layout(
        "Find a body",
        f"""<form method=get action="/show"><label>Name, acronym or type
<input name=name value="{e(name)}" placeholder="LSCB"></label>
<label>Authority <input name=authority value="{e(authority)}" placeholder="bournemouth"></label>
<button type=submit>Show</button></form>{err}""",
    )


def body_page(view: dict[str, Any]) -> str:
    facts = [
        ("Type", view.get("type_label")),
        ("Class", view.get("org_class")),
        ("Area", view.get("area")),
        ("Also called", ", ".join(view.get("alt_labels") or [])),
        ("Authorities", ", ".join(view.get("authorities") or [])),
        ("IRI", view.get("iri")),
    ]
    parts = [
        "<dl>" + "".join(f"<dt>{e(k)}</dt><dd>{e(str(v))}</dd>" for k, v in facts if v) + "</dl>"
    ]
    if view.get("judgements"):
        parts.append("<h2>Judgements</h2><ul>")
        parts += [
            f"<li>{e(j['report'])}: {e(j['area'])}: <strong>{e(j['grade'])}</strong></li>"
            for j in view["judgements"]
        ]
        parts.append("</ul>")
    for group, links in (view.get("links") or {}).items():
        parts.append(f"<h2>{e(group)}</h2><ul class=links>")
        for link in links:
            quotes = "".join(f"<blockquote>{e(x)}</blockquote>" for x in link["quotes"][:2])
            parts.append(
                f'<li><a href="/show?name={q(link["other"])}">{e(link["other"])}</a> '
                f"<span class=quality>{e(link['quality'])}</span> "
                f"<span class=hint>{e(link['report'])} para {e(link['evidence'])}</span>"
                f"{quotes}</li>"
            )
        parts.append("</ul>")
    for title, items in (("Findings", "findings"), ("Areas for improvement", "improvements")):
        if view.get(items):
            parts.append(f"<h2>{title}</h2><ul>")
            for t in view[items]:
                num = f" para {t['number']}" if t.get("number") is not None else ""
                parts.append(
                    f"<li><span class=hint>{e(t['report'])}{e(num)} ({e(t['kind'])}, "
                    f"{e(t['how'])})</span> {e(t['text'])}</li>"
                )
            parts.append("</ul>")
    api = f"/api/show/{q(view['iri'])}"
    parts.append(f'<p class=hint>As JSON: <a href="{e(api)}">{e(api)}</a></p>')
    return layout(view["label"], "\n".join(parts))


def sparql_form(text: str = "") -> str:
    example = text or (
        "SELECT ?area ?grade WHERE {\n"
        "  ?j a sg:Judgement ; sg:judgementArea/skos:prefLabel ?area ;\n"
        "     sg:grade/skos:prefLabel ?grade\n} LIMIT 20"
    )
    return layout(
        "SPARQL",
        f"""<p>A read-only SPARQL 1.1 Protocol endpoint: <code>GET /sparql?query=...</code> or
<code>POST /sparql</code> (form-encoded, or <code>application/sparql-query</code>). Results as
JSON, XML, CSV or TSV by <code>Accept</code>; CONSTRUCT and DESCRIBE as Turtle or JSON-LD.
The default graph is the union of every named graph; sgkg's prefixes (<code>sg:</code>,
<code>org:</code>, <code>skos:</code>, <code>bt:</code>, <code>lq:</code>...) are declared.</p>
<form method=get action="/sparql"><textarea name=query rows=10 cols=90
spellcheck=false>{e(example)}</textarea><br>
<label>Format <select name=format><option value=html>table</option><option>json</option>
<option>csv</option><option>tsv</option><option>xml</option><option value=ttl>turtle</option>
<option>jsonld</option></select></label> <button type=submit>Run</button></form>""",
    )


def sparql_result(text: str, answer: dict[str, Any], rows: list[list[Any]]) -> str:
    if answer["kind"] == "ask":
        result = f"<p><strong>{'true' if answer['boolean'] else 'false'}</strong></p>"
    elif answer["kind"] == "graph":
        from graph.serve.results import serialise

        turtle = serialise(answer, "turtle").decode("utf-8")
        result = f"<pre>{e(turtle)}</pre>"
    else:
        result = table(answer["variables"], rows, answer.get("truncated", False))
    page = sparql_form(text)
    return page.replace("</main>", result + "\n</main>")


#: how each kind of change is shown: the class its row carries
_CHANGE_CLASS = {
    "better": "better",
    "worse": "worse",
    "earlier concern not revisited": "worse",
    "asked again": "worse",
    "gained": "better",
    "now assessed": "better",
}


def changes_page(doc: dict[str, Any], links: list[tuple[str, str]], query: str) -> str:
    """``sgkg changes`` as a page: the inspections in order with their
    judgements, then for each pair compared its rows, each with the
    paragraphs on both sides (and the quotes, under the values)."""
    parts = [_authority_nav(links), _changes_form(doc["authority"], query)]
    inspections = doc["inspections"]
    if inspections:
        items = []
        for i in inspections:
            grades = _judgements_text(i["judgements"])
            items.append(
                f"<li><strong>{e(i['report'])}</strong> {e(i['framework'] or 'report')}"
                f"{' (' + e(grades) + ')' if grades else ''}</li>"
            )
        parts.append("<h2>Inspections</h2><ol class=inspections>" + "".join(items) + "</ol>")
    for note in doc["notes"]:
        parts.append(f"<p class=note>{e(note)}</p>")
    for earlier, later in doc["pairs"]:
        rows = [r for r in doc["rows"] if (r["earlier"], r["later"]) == (earlier, later)]
        parts.append(
            f"<h2>{e(earlier)} &rarr; {e(later)}</h2>"
            f"<p class=hint>{len(rows)} change{'s' if len(rows) != 1 else ''}</p>"
        )
        if not rows:
            continue
        body = []
        for r in rows:
            cls = _CHANGE_CLASS.get(r["change"], "")
            body.append(
                f'<tr class="{e(r["aspect"])} {cls}"><td>{e(r["aspect"])}</td>'
                f"<td class=change>{e(r['change'])}</td><td>{e(r['what'])}</td>"
                f"{_side(r['before'])}{_side(r['after'])}</tr>"
            )
        parts.append(
            "<table class=changes><thead><tr><th>Aspect</th><th>Change</th><th>What</th>"
            "<th>Before</th><th>Where</th><th>After</th><th>Where</th></tr></thead><tbody>"
            + "\n".join(body)
            + "</tbody></table>"
        )
    api = f"/api/changes/{q(doc['authority'])}" + (f"?{query}" if query else "")
    parts.append(f'<p class=hint>As JSON: <a href="{e(api)}">{e(api)}</a></p>')
    return layout(f"Changes: {doc['authority_label']}", "\n".join(parts))


def _judgements_text(judgements: dict[str, str]) -> str:
    """ "Overall effectiveness: good, Children who need help and protection:
    ...": areas by the vocabulary's names, overall first."""
    from graph.vocabulary import pref_labels

    names = pref_labels(ns.JUDGEMENT_AREA)
    order = sorted(judgements, key=lambda area: area != "overall")
    return ", ".join(f"{names.get(area, area)}: {judgements[area]}" for area in order)


def _changes_form(key: str, query: str) -> str:
    """The filters ``sgkg changes`` takes: --from, --to, --aspect, --all."""
    given = urllib.parse.parse_qs(query)
    aspects = set(given.get("aspect", []))
    boxes = " ".join(
        f'<label><input type=checkbox name=aspect value="{a}"'
        f"{' checked' if a in aspects else ''}> {a}</label>"
        for a in ("judgement", "link", "recurring", "body")
    )
    unchanged = " checked" if given.get("all", [""])[0] not in ("", "0", "false") else ""
    since, until = given.get("from", [""])[0], given.get("to", [""])[0]
    return (
        f'<form method=get action="/changes/{q(key)}" class=filters>'
        f'<label>From <input name=from size=12 value="{e(since)}" placeholder="2014"></label>'
        f'<label>To <input name=to size=12 value="{e(until)}" placeholder="2024-12"></label> '
        f"{boxes} <label><input type=checkbox name=all value=1{unchanged}> unchanged too</label>"
        " <button type=submit>Show</button></form>"
        "<p class=hint>No kind ticked: every kind of change. A link the later report does not "
        "state is 'not recorded later': the report is silent, not a finding that the link "
        "is gone.</p>"
    )


def _side(side: dict[str, Any]) -> str:
    quote = f"<blockquote>{e(side['quote'])}</blockquote>" if side.get("quote") else ""
    return f"<td>{e(side['value'])}{quote}</td><td>{e(side['where'])}</td>"


def _authority_nav(links: list[tuple[str, str]]) -> str:
    items = " ".join(f'<a href="{e(url)}">{e(text)}</a>' for text, url in links)
    return f'<p class="page-links">{items}</p>' if items else ""
