"""One authority's inspections in order, as an offline HTML page
(``sgkg timeline``): each inspection with its judgements and the partnership
links it states, and between each pair what changed (judgements better or
worse, links gained, changed or not revisited, areas for improvement asked
again, kinds of body named or no longer named), every row with the paragraphs
on each side. Built from :func:`graph.analysis.changes.changes`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph.explorer.matrix import static_page

TIMELINE_BODY = """<div class="controls">
  <div><label><input type="checkbox" id="show-bodies"> show kinds of body named or not</label></div>
  <div><label><input type="checkbox" id="show-quiet" > show links not recorded later</label></div>
</div>
<div id="notes" class="note"></div>
<div id="timeline" class="inspections"></div>
"""


def timeline_data(result: Any) -> dict[str, Any]:
    """The changes as JSON, with each inspection's stated links."""
    from graph.analysis.changes import QUALITY_ORDER
    from graph.evidence import cite

    doc = result.as_dict()
    for entry, inspection in zip(doc["inspections"], result.inspections, strict=True):
        entry["label"] = inspection.authority_label
        entry["judgements"] = [
            {"area": j[0], "grade": j[1], "where": cite(j[3])}
            for _a, j in inspection.judgements.items()
        ]
        links = []
        for x in inspection.links:
            links.append(
                {
                    "source": x.source_label,
                    "kind": x.kind.replace("-", " "),
                    "target": x.target_label,
                    "quality": x.quality,
                    "where": cite(v[0] for v in x.evidence.values()),
                }
            )
        order = {q: n for n, q in enumerate(QUALITY_ORDER)}
        links.sort(key=lambda d: (order.get(d["quality"], 9), d["source"], d["target"]))
        entry["links"] = links
    return doc


def timeline_page(result: Any, links: Sequence[tuple[str, str]] = ()) -> str:
    """The page for a :class:`graph.analysis.changes.Changes`; ``links`` (text,
    URL) above the timeline (the server's other pages on the authority)."""
    from graph.explorer.page import page_links

    n = len(result.inspections)
    subtitle = (
        f"{n} inspection{'s' if n != 1 else ''}"
        + (
            f" of {', '.join(dict.fromkeys(i.authority_label for i in result.inspections))}"
            if n
            else ""
        )
        + ". Between each pair: what changed, with the paragraphs on each side."
    )
    return static_page(
        f"{result.authority_label}: inspections over time",
        subtitle,
        page_links(links) + TIMELINE_BODY,
        "timeline.js",
        timeline_data(result),
    )
