"""Rows as text: one table renderer for every command, and the formats a
person or a tool asks for (table, csv, tsv, json, md).

Tables fit the terminal: the widest columns are clipped (with "…") until
the rows fit, and rows are never wrapped. Control characters in cells
(terminal escape sequences in a loaded label, say) are shown as visible
escapes, never sent to the terminal as they are.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sys
from collections.abc import Sequence
from typing import Any

ROW_FORMATS = ("table", "csv", "tsv", "json", "md")

#: narrowest a clipped column gets (its header may still be wider)
MIN_COLUMN = 6
_GAP = "  "
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with control characters (ESC, BEL, C1...) shown as ``\\x1b``
    escapes; newlines and tabs are kept."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


#: width of a table written to a file or a pipe (no terminal to fit)
PIPE_WIDTH = 160


def terminal_width() -> int:
    """``$COLUMNS`` if set, else the terminal's width when stdout is one,
    else :data:`PIPE_WIDTH`."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        return max(int(columns), 40)
    if sys.stdout.isatty():
        return max(shutil.get_terminal_size((100, 24)).columns, 40)
    return PIPE_WIDTH


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return printable(str(value)).replace("\n", " ").replace("\t", " ")


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def format_table(
    headers: Sequence[str], rows: Sequence[Sequence[Any]], width: int | None = None
) -> str:
    """A plain-text table no wider than ``width`` (default: the terminal)."""
    width = width or terminal_width()
    heads = [_cell(h) for h in headers]
    cells = [[_cell(c) for c in r] for r in rows]
    widths = [len(h) for h in heads]
    for r in cells:
        for i, c in enumerate(r):
            widths[i] = max(widths[i], len(c))
    budget = width - len(_GAP) * (len(widths) - 1)
    while sum(widths) > budget:
        widest = max(range(len(widths)), key=lambda i: widths[i])
        if widths[widest] <= MIN_COLUMN:
            break
        widths[widest] -= 1
    line = _GAP.join(_clip(h, w).ljust(w) for h, w in zip(heads, widths, strict=True)).rstrip()
    rule = _GAP.join("-" * w for w in widths)
    body = [
        _GAP.join(_clip(c, w).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in cells
    ]
    return "\n".join([line, rule, *body])


def format_markdown(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A Markdown (GitHub) table; ``|`` in cells escaped."""

    def md(value: Any) -> str:
        return _cell(value).replace("|", "\\|")

    lines = [
        "| " + " | ".join(md(h) for h in headers) + " |",
        "|" + "|".join("---" for _ in headers) + "|",
    ]
    lines += ["| " + " | ".join(md(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)


def format_delimited(headers: Sequence[str], rows: Sequence[Sequence[Any]], sep: str) -> str:
    """CSV (``sep=","``) or TSV (``sep="\\t"``), values as they are."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, lineterminator="\n")
    writer.writerow(headers)
    for r in rows:
        writer.writerow(["" if c is None else c for c in r])
    return buf.getvalue().rstrip("\n")


def format_rows(
    headers: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str, width: int | None = None
) -> str:
    """Rows in one of :data:`ROW_FORMATS` (json: a list of objects)."""
    if fmt == "table":
        n = len(rows)
        return f"{format_table(headers, rows, width)}\n({n} row{'s' if n != 1 else ''})"
    if fmt == "md":
        return format_markdown(headers, rows)
    if fmt in ("csv", "tsv"):
        return format_delimited(headers, rows, "," if fmt == "csv" else "\t")
    if fmt == "json":
        return json.dumps(
            [dict(zip(headers, r, strict=True)) for r in rows], indent=1, ensure_ascii=False
        )
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(ROW_FORMATS)}")
