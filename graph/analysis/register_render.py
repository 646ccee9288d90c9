"""The gap register as text: a terminal table, CSV, JSON, or a Markdown
document a safeguarding board manager can take to a meeting."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from datetime import date
from typing import Any

from graph.analysis.register import Gap, Register
from graph.evidence import cite, short_quote
from graph.tables import format_table, terminal_width

FORMATS = ("table", "csv", "tsv", "json", "md", "html")

#: a question for the board per expected link kind ({frm}, {to} are labels)
_QUESTIONS = {
    "member-of": "Does {frm} sit on {to}, and where is that recorded?",
    "observer-of": "Does {frm} attend {to} as a participating observer?",
    "chairs": "Who chairs {to}, and how is the chair's independence assured?",
    "accountable-to": "How does {to} hold {frm} to account, and how often?",
    "reports-to": "How, and how often, does {frm} report to {to}?",
    "annual-report-to": "Was the annual report presented to {to}, and what came of it?",
    "serves": "Which {frm} serves {to}, and where is that arrangement published?",
}
_DEFAULT_QUESTION = (
    "What links exist between {frm} and {to} (protocol, reporting, shared priorities)?"
)


def render(register: Register, fmt: str = "table") -> str:
    """The register in ``fmt``: ``table``, ``csv``, ``tsv``, ``json``, ``md`` or ``html``."""
    if fmt in ("csv", "tsv"):
        return _csv(register.gaps, "," if fmt == "csv" else "\t")
    if fmt == "json":
        return _json(register)
    if fmt == "html":  # the md document, print-friendly (graph/analysis/register_html.py)
        from graph.analysis.register_html import markdown_to_html

        return markdown_to_html(_markdown(register))
    if fmt == "md":
        return _markdown(register)
    return _table(register)


def question(gap: Gap) -> str:
    """A question a board could ask about an expected-but-not-evidenced link."""
    template = _QUESTIONS.get(gap.link_kind, _DEFAULT_QUESTION)
    return template.format(frm=gap.from_label, to=gap.to_label)


def where_from(gap: Gap) -> str:
    """One cell: the paragraphs inspectors wrote, or what the report's silence is."""
    if gap.source == "inspectors":
        where = cite(gap.evidence)
        text = f"inspectors, {where}" if where else "inspectors"
        return text + (" (extracted)" if gap.how == "extracted" else "")
    return gap.basis


def _improvements(gap: Gap, with_text: bool) -> str:
    if not gap.improvements:
        return ""
    if not with_text:
        return ", ".join(i.number for i in gap.improvements)
    return "; ".join(
        f"{i.number}: “{short_quote(i.text, 110)}”" if i.text else i.number
        for i in gap.improvements
    )


# ---------------------------------------------------------------- table, csv, json


def _table(register: Register) -> str:
    if not register.gaps:
        return _empty(register)
    several = len(register.authorities) > 1
    headers = ["#", "quality", "source"] + (["authority"] if several else [])
    headers += ["from", "link", "to", "where it comes from", "expected under", "answered by"]
    rows = []
    for n, g in enumerate(register.gaps, 1):
        # the source cell says "extracted" for inspectors' words read by sgkg's rules
        source = "extracted" if g.how == "extracted" else g.source
        row = [str(n), g.quality, source] + ([g.authority] if several else [])
        row += [
            g.from_label,
            g.link_label,
            g.to_label,
            where_from(g),
            g.statutory_source or "-",
            _improvements(g, with_text=False),
        ]
        rows.append(row)
    text = format_table(headers, rows)
    sums = [
        f"Summary ({label}): {summary([g for g in register.gaps if g.authority == key])}"
        for key, label in register.authorities.items()
    ]
    notes = _notes_lines(register)
    width = terminal_width()
    wrapped = [textwrap.fill(line, width, subsequent_indent="  ") for line in sums + notes]
    return text + "\n\n" + "\n".join(wrapped)


NOTHING_READ = (
    "The store holds no authority with a report or a stated link yet: "
    "read one first (sgkg ingest REPORT, sgkg load LAYER.ttl)."
)


def headline(register: Register, keys: list[str] | None = None) -> str:
    """What the register can honestly say when it lists no gap: what was
    checked, and against what; never "no gaps" for what was not checked.
    ``keys`` narrows it to some of the register's authorities."""
    if not register.authorities:
        return NOTHING_READ
    keys = list(register.authorities) if keys is None else keys
    unchecked = [k for k in keys if not register.checked.get(k)]
    unlinked = [k for k in keys if not register.links.get(k)]
    names = ", ".join(register.authorities[k] for k in keys)
    if unchecked:
        who = ", ".join(register.authorities[k] for k in unchecked)
        return (
            f"No gaps listed, but nothing was checked for {who}: no statutory expectation "
            "applies to its latest report (see the notes). This is not a finding that the "
            "partnership is complete."
        )
    counts = ", ".join(str(register.checked[k]) for k in keys)
    text = (
        f"No gaps found for {names}: every expectation in force at the inspection "
        f"({counts} checked) is met by a link recorded in the graph"
    )
    if unlinked:
        return text + ", judged by the report's mentions alone (no links are recorded)."
    return text + ", and no recorded link is weak, developing or absent."


def _empty(register: Register) -> str:
    return "\n".join([headline(register), *_notes_lines(register)])


def _notes_lines(register: Register) -> list[str]:
    out = []
    for key, notes in sorted(register.notes.items()):
        label = register.authorities.get(key, key)
        out.extend(f"Note ({label}): {n}" for n in notes)
    return out


def _csv(gaps: list[Gap], sep: str = ",") -> str:
    buf = io.StringIO()
    fields = list(Gap.__dataclass_fields__)
    writer = csv.DictWriter(buf, fieldnames=fields, delimiter=sep, lineterminator="\n")
    writer.writeheader()
    for g in gaps:
        writer.writerow(g.as_flat())
    return buf.getvalue().rstrip("\n")


def _json(register: Register) -> str:
    doc: dict[str, Any] = {
        "authorities": register.authorities,
        "reports": register.reports,
        "notes": register.notes,
        "gaps": [g.as_dict() for g in register.gaps],
    }
    return json.dumps(doc, indent=1, ensure_ascii=False)


# ---------------------------------------------------------------- markdown


def _md(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _markdown(register: Register, today: date | None = None) -> str:
    today = today or date.today()
    keys = list(register.authorities)
    if not keys:
        return f"# Gap register\n\n{NOTHING_READ}\n"
    title = (
        f"Gap register: {register.authorities[keys[0]]}"
        if len(keys) == 1
        else f"Gap register: {len(keys)} authorities"
    )
    out = [f"# {title}", ""]
    out.append(
        "Links in the safeguarding partnership that Ofsted inspectors found absent, weak or "
        "still developing, and links that statute or statutory guidance expects which the "
        "report does not evidence. Every row is sourced: inspectors' findings cite the "
        "report's paragraphs; expected links cite the Act, regulation or guidance that "
        f"expects them. Made by sgkg on {today.isoformat()}."
    )
    out.append("")
    for key in keys:
        gaps = [g for g in register.gaps if g.authority == key]
        if len(keys) > 1:
            out += [f"## {register.authorities[key]}", ""]
        out += _md_authority(register, key, gaps, level="###" if len(keys) > 1 else "##")
    out += [
        "---",
        "",
        "*How to read this register.* Rows are in order of severity: links inspectors found "
        "**absent**, then **weak**, then **developing**, then links **not evidenced**. "
        "'Not evidenced' means the report is silent: it is not a finding that the link is "
        "missing, and partners may well hold the evidence. Each report is weighed against the "
        "expectations in force on its inspection date: for the LSCB era the Children Act 2004 "
        "(s13-14), the LSCB Regulations 2006 and Working Together 2013/2015; from the "
        "safeguarding partnership duties the Children Act 2004 s16E-16K, SI 2018/789 and "
        "Working Together 2018/2023. Links with other strategic boards are a practice "
        "expectation, not statute. The reference model is `ontology/expectations.ttl` and "
        "`ontology/expectations-partnerships.ttl`.",
        "",
    ]
    return "\n".join(out)


def summary(gaps: list[Gap]) -> str:
    """One authority's rows in two sentences: the inspectors' findings by
    quality, then the expected links the report does not evidence."""
    found = [g for g in gaps if g.source == "inspectors"]
    expected = [g for g in gaps if g.source == "expected"]
    counts = {q: sum(1 for g in found if g.quality == q) for q in ("absent", "weak", "developing")}
    statutory = sum(1 for g in expected if g.statutory)
    extracted = sum(1 for g in found if g.how == "extracted")
    by_rules = (
        f" ({extracted} of them found by sgkg's extractor, not read by a person: check the quote)"
        if extracted
        else ""
    )
    return (
        f"Inspectors found {counts['absent']} link(s) absent, {counts['weak']} weak "
        f"and {counts['developing']} developing{by_rules}. A further {len(expected)} link(s) "
        "that statute "
        f"or guidance expects are not evidenced by the report ({statutory} statutory, "
        f"{len(expected) - statutory} practice)."
    )


def _md_authority(register: Register, key: str, gaps: list[Gap], level: str) -> list[str]:
    out: list[str] = []
    days = register.reports.get(key) or []
    if days:
        out += [f"Report(s) read: {', '.join(days)}.", ""]
    found = [g for g in gaps if g.source == "inspectors"]
    expected = [g for g in gaps if g.source == "expected"]
    if not gaps:
        out += [f"**{headline(register, [key])}**", ""]
    out.append(f"**Summary.** {summary(gaps)}")
    out.append("")
    out += [f"- *Note:* {n}." for n in register.notes.get(key, [])]
    if register.notes.get(key):
        out.append("")
    out += [f"{level} 1. Found by inspectors", ""]
    if found:
        out += [
            "| # | Link | Found | What the report says | Expected under | Answered by |",
            "|---|---|---|---|---|---|",
        ]
        for n, g in enumerate(found, 1):
            says = cite(g.evidence)
            if g.quote:
                says += f": “{g.quote}”" if says else f"“{g.quote}”"
            cells = [
                str(n),
                f"{g.from_label} → *{g.link_label}* → {g.to_label}",
                f"**{g.quality}**"
                + (" (found by sgkg's extractor)" if g.how == "extracted" else ""),
                says or "-",
                g.statutory_source or "not in the statutory reference model",
                _improvements(g, with_text=True) or "no area for improvement recorded",
            ]
            out.append("| " + " | ".join(_md(c) for c in cells) + " |")
    else:
        out.append("Inspectors found no link absent, weak or developing in the graph.")
    out += ["", f"{level} 2. Expected but not evidenced", ""]
    if expected:
        out += [
            "These are not inspection findings. Statute or guidance expects each link; the "
            "report does not say whether it exists (quality: *not evidenced*, never *absent*).",
            "",
            "| # | Expected link | Expected under | What the report says "
            "| Question for the board |",
            "|---|---|---|---|---|",
        ]
        for n, g in enumerate(expected, len(found) + 1):
            cells = [
                str(n),
                f"{g.from_label} → *{g.link_label}* → {g.to_label}",
                g.statutory_source,
                g.basis,
                question(g),
            ]
            out.append("| " + " | ".join(_md(c) for c in cells) + " |")
    elif register.checked.get(key):
        out.append(
            f"Each of the {register.checked[key]} expectation(s) in force at the inspection "
            "is met by a link recorded in the graph."
        )
    else:
        out.append("No expectation of the reference model applied to this report.")
    out.append("")
    return out
