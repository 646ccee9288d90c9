"""The seed's story for ``sgkg demo --story``: Bournemouth 2014, then
Bournemouth, Christchurch and Poole judged inadequate in 2022 and good in
2025, told from the store by :func:`graph.analysis.changes.changes`.

The two BCP reports are not shipped (the project ships only the seed); the
story reads them from a folder the user names (the development corpus, or
two files downloaded from Ofsted) and says which are missing when they are not
there, without failing the demo.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BCP = "bournemouth-christchurch-and-poole"

#: the reports the story needs beyond the seed: file stem -> where Ofsted publishes it
STORY_REPORTS = {
    f"{BCP}-2022-ilacs": "https://files.ofsted.gov.uk/v1/file/50177455",
    f"{BCP}-2025-ilacs": "https://files.ofsted.gov.uk/v1/file/50267804",
}


@dataclass
class Story:
    found: list[Path] = field(default_factory=list)
    missing: dict[str, str] = field(default_factory=dict)  # stem -> URL
    lines: list[str] = field(default_factory=list)


def find_story_reports(folder: Path | None) -> tuple[list[Path], dict[str, str]]:
    """The story's reports in ``folder`` (or its ``pdf/`` and ``text/``), PDF
    before text; and those not found, with their Ofsted addresses."""
    found, missing = [], {}
    for stem, url in STORY_REPORTS.items():
        hit = None
        if folder is not None:
            for sub in (folder, folder / "pdf", folder / "text"):
                for suffix in (".pdf", ".txt"):
                    if (sub / (stem + suffix)).is_file():
                        hit = hit or sub / (stem + suffix)
        if hit:
            found.append(hit)
        else:
            missing[stem] = url
    return found, missing


def tell(store: Any, folder: Path | None) -> Story:
    """Ingest the story's reports found in ``folder`` and tell what changed."""
    from graph.analysis.changes import changes
    from graph.ingest import ingest_files

    story = Story()
    story.found, story.missing = find_story_reports(folder)
    if story.missing:
        story.lines.append(
            "The story needs "
            + " and ".join(f"{s}.pdf ({u})" for s, u in story.missing.items())
            + (f"; not found in {folder}" if folder else "; give their folder with --corpus DIR")
            + ". Crown copyright, Open Government Licence v3.0."
        )
        if not story.found:
            return story
    summary = ingest_files(store, [str(p) for p in story.found])
    for failure in summary.failed:
        story.lines.append(f"could not read {failure.message}")
    result = changes(store, BCP)
    say = story.lines.append
    for i in result.inspections:
        grades = i.judgements.get("overall")
        say(
            f"- {i.key.rsplit('/', 1)[-1]}: {i.authority_label}, {i.framework or 'report'}"
            + (f", overall {grades[1]}" if grades else "")
        )
    for earlier, later in result.pairs:
        rows = [r for r in result.rows if (r.earlier, r.later) == (earlier, later)]
        say(f"\nFrom {earlier} to {later}:")
        for r in rows:
            if r.aspect == "judgement" and r.change in ("better", "worse"):
                say(f"  {r.what}: {r.before.value} -> {r.after.value} ({r.change})")
        for r in rows:
            if r.aspect == "link" and r.change in ("better", "worse"):
                say(f"  link {r.change}: {r.what} ({r.before.where} -> {r.after.where})")
        concerns = sorted(
            (r for r in rows if r.change == "earlier concern not revisited"),
            key=lambda r: {"absent": 0, "weak": 1}.get(r.before.value.split(" ")[0].rstrip(";"), 2),
        )
        if concerns:
            shown = "; ".join(f"{r.what} ({r.before.where})" for r in concerns[:4])
            say(
                f"  {len(concerns)} weak, absent or developing link(s) of the earlier report are "
                f"not revisited in the later one (silence, not a finding), e.g. {shown}"
            )
        for r in rows:
            if r.aspect == "recurring":
                say(
                    f"  asked again: {r.before.where} \u201c{r.before.value}\u201d -> "
                    f"{r.after.where} \u201c{r.after.value}\u201d"
                )
    if result.inspections:
        last = result.inspections[-1]
        if last.asks:
            say(f"\nWhat the inspectors still ask ({last.key}):")
            for ask in last.asks:
                say(f"  {ask.label}: {ask.text}")
    say(f"\nMore: sgkg changes {BCP}; sgkg timeline {BCP} -o bcp-timeline.html")
    return story
