"""Score extracted links against hand labels or a curated layer.

The measure is the one ``data/labels/GUIDE.md`` was written for: a gold link
is **found** when the extractor has a link between bodies of the same two
types (either direction) citing one of the gold link's paragraphs. Each
extracted link counts once per paragraph it cites; gold and extracted links
are matched one to one. From that:

* recall: found gold links / gold links;
* precision: extracted links that join the same two body types as a gold
  link citing the same paragraph / extracted links, over the paragraphs the
  labeller read in full (a link elsewhere is not counted either way: the
  labels are silent there, which is not a "no"); a finding extracted twice
  (under two kinds, or cited again in another of the gold link's paragraphs)
  is not a false link, but counts once for recall;
* quality agreement: matched pairs with the same quality / matched pairs;
* kind agreement, the same for the link kind (not a target, reported);
* bodies: gold link ends (paragraph, body type) the extractor recognised as
  a body of that type in that paragraph.

One allowance follows the guide: where a labeller filled in the council's
side of a link from context (the end's name is not in the quoted sentence,
"Relationships with Cafcass are constructive"), the guide lets any name the
report uses nearby for its social work service stand for it, so that end
matches ``local-authority``, ``childrens-services`` and ``social-work-team``
alike. A council end the sentence names must
match its type exactly.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph.extract.links import Extraction

#: the names the guide allows for the council's side of a link left implied (its
#: social work service, as the report names it nearby)
COUNCIL_SIDE = frozenset({"local-authority", "childrens-services", "social-work-team"})


@dataclass(frozen=True)
class GoldLink:
    paras: tuple[int, ...]
    source_type: str
    kind: str
    target_type: str
    quality: str
    quote: str = ""
    #: the labeller filled this end in from context (its name is not in the quote)
    source_implied: bool = False
    target_implied: bool = False

    def joins(self, pair: frozenset[str]) -> bool:
        """Whether an extracted link between bodies of the types in ``pair``
        joins this link's two ends (either direction; an implied council end
        takes either council name)."""
        if pair == frozenset((self.source_type, self.target_type)):
            return True
        ends = [(self.source_type, self.source_implied), (self.target_type, self.target_implied)]
        if not any(implied and t in COUNCIL_SIDE for t, implied in ends):
            return False
        options = [COUNCIL_SIDE if implied and t in COUNCIL_SIDE else {t} for t, implied in ends]
        got = sorted(pair) if len(pair) == 2 else [next(iter(pair))] * 2
        return (got[0] in options[0] and got[1] in options[1]) or (
            got[1] in options[0] and got[0] in options[1]
        )


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    quality_agree: int = 0
    kind_agree: int = 0
    ends: int = 0
    ends_found: int = 0
    misses: list[GoldLink] = field(default_factory=list)
    false: list[tuple[int, str, str, str, str, str]] = field(default_factory=list)
    disagreements: list[tuple[GoldLink, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def quality(self) -> float:
        return self.quality_agree / self.found if self.found else 0.0

    @property
    def kind(self) -> float:
        return self.kind_agree / self.found if self.found else 0.0

    @property
    def bodies(self) -> float:
        return self.ends_found / self.ends if self.ends else 0.0

    def add(self, other: Score) -> None:
        for name in (
            "gold",
            "found",
            "predicted",
            "correct",
            "quality_agree",
            "kind_agree",
            "ends",
            "ends_found",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def load_labels(path: str | Path) -> list[GoldLink]:
    """The rows of a ``data/labels/<report>.tsv`` file."""
    out = []
    with Path(path).open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            paras = tuple(int(p) for p in row["para"].split(",") if p.strip())
            quote = row.get("quote", "")
            out.append(
                GoldLink(
                    paras,
                    row["source_type"].strip(),
                    row["kind"].strip(),
                    row["target_type"].strip(),
                    row["quality"].strip(),
                    quote,
                    source_implied=not _named_in(row.get("source", ""), quote),
                    target_implied=not _named_in(row.get("target", ""), quote),
                )
            )
    return out


def _named_in(name: str, quote: str) -> bool:
    """Whether the quoted words print ``name`` (articles, case, apostrophes and
    spacing aside)."""

    def norm(text: str) -> str:
        return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip().lower()

    core = re.sub(r"^(?:the|a|an)\s+", "", norm(name))
    return not core or core in norm(quote)


def curated_gold(path: str | Path, report_iri: str) -> list[GoldLink]:
    """The links of a curated layer that cite numbered paragraphs of one report."""
    import rdflib

    from graph import iri
    from graph import namespaces as ns

    g = rdflib.Graph().parse(str(path), format="turtle")
    sg = rdflib.Namespace(ns.SG)
    prefix = f"{report_iri}/para/"
    out = []
    for link in g.subjects(rdflib.RDF.type, sg.Link):
        paras = sorted(
            int(str(e)[len(prefix) :])
            for e in g.objects(link, sg.evidence)
            if str(e).startswith(prefix)
        )
        if not paras:
            continue
        s, t = g.value(link, sg.source), g.value(link, sg.target)
        s_type, t_type = g.value(s, sg.bodyType), g.value(t, sg.bodyType)
        if s_type is None or t_type is None:
            continue
        out.append(
            GoldLink(
                tuple(paras),
                iri.concept_key(str(s_type)),
                iri.concept_key(str(g.value(link, sg.linkKind))),
                iri.concept_key(str(t_type)),
                iri.concept_key(str(g.value(link, sg.quality))),
                " | ".join(sorted(str(q) for q in g.objects(link, sg.quote))),
            )
        )
    return out


def score(extraction: Extraction, gold: Iterable[GoldLink], scope: set[int] | None) -> Score:
    """Match ``extraction``'s links against ``gold``; precision counts only
    extracted links citing a paragraph in ``scope`` (None: every paragraph)."""
    gold = list(gold)
    types = {b.iri: b.body_type for b in extraction.bodies.values()}
    items = []  # (para, type pair, quality, kind, description)
    for link in extraction.links:
        s, t = types.get(link.source, "?"), types.get(link.target, "?")
        for p in link.paragraphs:
            items.append((p, frozenset((s, t)), link.quality, link.kind, (s, link.kind, t)))
    result = Score(gold=len(gold))
    edges = [[i for i, it in enumerate(items) if it[0] in g.paras and g.joins(it[1])] for g in gold]
    # same-quality candidates first, so the matching keeps agreement where it can
    for gi, g in enumerate(gold):
        edges[gi].sort(key=lambda i, g=g: (items[i][2] != g.quality, items[i][3] != g.kind))
    owner = _match(edges, len(items))
    match_of = {gi: i for i, gi in enumerate(owner) if gi is not None}
    used = [gi is not None for gi in owner]
    for gi, g in enumerate(gold):
        result.ends += 2
        result.ends_found += sum(
            1
            for end in (g.source_type, g.target_type)
            if any((p, end) in extraction.mentioned for p in g.paras)
        )
        best = match_of.get(gi)
        if best is None:
            result.misses.append(g)
            continue
        result.found += 1
        if items[best][2] == g.quality:
            result.quality_agree += 1
        else:
            result.disagreements.append((g, items[best][2]))
        if items[best][3] == g.kind:
            result.kind_agree += 1

    # the same finding extracted twice (two kinds, or a link cited again in
    # another paragraph the gold link cites) is not a false link
    def covered(it: tuple) -> bool:
        return any(it[0] in g.paras and g.joins(it[1]) for g in gold)

    for i, it in enumerate(items):
        if scope is not None and it[0] not in scope:
            continue
        result.predicted += 1
        if used[i] or covered(it):
            result.correct += 1
        else:
            s, k, t = it[4]
            result.false.append((it[0], s, k, t, it[2], ""))
    return result


def _match(edges: list[list[int]], n_items: int) -> list[int | None]:
    """A maximum one-to-one matching of gold links to extracted items
    (augmenting paths; ``edges[g]`` lists the items gold link ``g`` may take,
    preferred first). Returns, per item, the gold link it is matched to.

    A greedy first-come matching undercounts recall when a gold link citing
    two paragraphs takes the only item another gold link could have had."""
    owner: list[int | None] = [None] * n_items

    def augment(g: int, seen: set[int]) -> bool:
        for i in edges[g]:
            if i in seen:
                continue
            seen.add(i)
            if owner[i] is None or augment(owner[i], seen):  # type: ignore[arg-type]
                owner[i] = g
                return True
        return False

    for g in range(len(edges)):
        augment(g, set())
    return owner
