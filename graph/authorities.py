"""The national register of local authorities with children's services.

Reports name their council in many ways ("Bristol City Council", "Bristol, City
of", "Inspection of Bristol local authority children's services"), and councils
come and go (Bournemouth and Poole became Bournemouth, Christchurch and Poole in
2019). The graph needs one stable key per authority, so this module reads the
shipped register ``data/authorities.tsv`` and answers: which authority does this
name mean (on this date)? who are its statistical neighbours? what came before
and after it?

Standard library only, so that reading a report's council name costs no heavy
import.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from graph.resources import data_dir

#: the shipped file, found under :func:`graph.resources.data_dir`
REGISTER_FILE = "authorities.tsv"

COLUMNS = (
    "key",
    "label",
    "ons_code",
    "dfe_code",
    "ofsted_urn",
    "region",
    "la_type",
    "names",
    "neighbours",
    "from",
    "until",
    "successors",
    "predecessors",
    "notes",
)


@dataclass(frozen=True)
class Authority:
    """One row of the register. Lists are tuples so the record stays hashable.

    ``from_`` and ``until`` bound the days the authority existed: it is in force
    on ``d`` when ``from_ <= d < until`` (``until`` is the day its successors
    began; ``None`` means before 2012, or still in force).
    """

    key: str
    label: str
    ons_code: str
    dfe_code: str
    ofsted_urn: str
    region: str
    la_type: str
    names: tuple[str, ...]
    neighbours: tuple[str, ...]
    from_: date | None
    until: date | None
    successors: tuple[str, ...]
    predecessors: tuple[str, ...]
    notes: str = ""

    def in_force(self, on: date) -> bool:
        """Whether the authority existed on ``on`` (``until`` is exclusive)."""
        if self.from_ is not None and on < self.from_:
            return False
        return self.until is None or on < self.until


# Words that tell us what kind of council it is, not which one: dropped on both
# sides of a match so "Tameside Metropolitan Borough Council", "Tameside Borough
# Council" and "Tameside" meet. "of" goes too, once "City of", "Borough of",
# "County of" and "Council of the" have been reduced to it. "City of London" is
# kept whole, or a bare "London" would mean the City.
_FILLER = frozenset(
    {
        "the",
        "council",
        "county",
        "city",
        "borough",
        "metropolitan",
        "district",
        "royal",
        "of",
        "mbc",
    }
)
# Report furniture around a council's name: the ILACS title "Inspection of X local
# authority children's services", a trailing "children's services".
_LEADING = re.compile(r"^(?:re ?)?inspection of ")
_TRAILING = re.compile(
    r"(?: (?:local authority|childrens services|childrens social care services"
    r"|childrens social care|services))+$"
)


def normalise(name: str) -> str:
    """The matching form of a council name: lower case, no punctuation, no filler.

    ``"Inspection of Royal Borough of Greenwich local authority children's
    services"`` and ``"Greenwich"`` both give ``"greenwich"``; ``"St. Helens"``
    gives ``"st helens"``; ``"Bournemouth, Christchurch & Poole"`` gives
    ``"bournemouth christchurch and poole"``. Used on the register's names and on
    the name asked for, so both sides are reduced the same way.
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = text.replace("&", " and ")
    text = re.sub(r"['\u2018\u2019`]", "", text)  # children's -> childrens
    text = re.sub(r"[^\w\s]|_", " ", text)  # commas, full stops, hyphens
    text = " ".join(text.split())
    text = _LEADING.sub("", text)
    text = re.sub(r"\bcity of london\b", "cityoflondon", text)
    text = re.sub(r"\blondon borough\b", " ", text)
    text = _TRAILING.sub("", " " + text).strip()
    return " ".join(w for w in text.split() if w not in _FILLER)


class Register:
    """All authorities, indexed by key and by normalised name.

    Built once from the file (see :func:`load_register`) and read-only after.
    """

    def __init__(self, authorities: Iterable[Authority]) -> None:
        self._by_key: dict[str, Authority] = {}
        for authority in authorities:
            if authority.key in self._by_key:
                raise ValueError(f"duplicate authority key {authority.key!r}")
            self._by_key[authority.key] = authority
        self._by_name: dict[str, list[str]] = {}
        for authority in self._by_key.values():
            spellings = (authority.key.replace("-", " "), authority.label, *authority.names)
            for spelling in spellings:
                form = normalise(spelling)
                keys = self._by_name.setdefault(form, [])
                if form and authority.key not in keys:
                    keys.append(authority.key)

    def __len__(self) -> int:
        return len(self._by_key)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def all(self) -> list[Authority]:
        """Every authority, past and present, in key order."""
        return [self._by_key[k] for k in sorted(self._by_key)]

    def by_key(self, key: str) -> Authority:
        """The authority with this key; ``KeyError`` if none (keys are code, not input)."""
        try:
            return self._by_key[key]
        except KeyError:
            raise KeyError(f"no authority with key {key!r}") from None

    def resolve(self, name: str, on: date | None = None) -> Authority | None:
        """The authority a report means by ``name``, or ``None``.

        The name is normalised (case, punctuation, "the", "council", "county",
        "city of", "borough of", "metropolitan borough", "London/Royal Borough
        of", a leading "Inspection of", a trailing "local authority children's
        services") and looked up among every name of every authority, keys
        included. A name that fits one authority gives it, whatever ``on`` is
        (the name still means that body; follow :meth:`successors` for today's).
        A name that fits several gives the one in force on ``on``; if there is
        no date, or the date does not single one out, ``None``: a guess would
        put a report on the wrong council.
        """
        keys = self._by_name.get(normalise(name), [])
        candidates = [self._by_key[k] for k in keys]
        if len(candidates) == 1:
            return candidates[0]
        if on is not None:
            current = [a for a in candidates if a.in_force(on)]
            if len(current) == 1:
                return current[0]
        return None

    def neighbours(self, key: str) -> list[Authority]:
        """The authority's statistical neighbours, closest first (DfE order)."""
        return [self.by_key(k) for k in self.by_key(key).neighbours]

    def successors(self, key: str) -> list[Authority]:
        """The authorities that took over when this one ended (none if current)."""
        return [self.by_key(k) for k in self.by_key(key).successors]

    def predecessors(self, key: str) -> list[Authority]:
        """The children's services authorities this one replaced."""
        return [self.by_key(k) for k in self.by_key(key).predecessors]

    def lineage(self, key: str) -> list[Authority]:
        """Every ancestor and descendant of ``key``, oldest first, itself excluded.

        Predecessors of predecessors and successors of successors, transitively.
        Partners in a merger are not included (Poole is not in Bournemouth's
        lineage; their common successor is): they are siblings, not forebears.
        """
        found: dict[str, Authority] = {}
        for step in (self.predecessors, self.successors):
            todo = [key]
            while todo:
                for authority in step(todo.pop()):
                    if authority.key != key and authority.key not in found:
                        found[authority.key] = authority
                        todo.append(authority.key)
        return sorted(found.values(), key=lambda a: (a.from_ or date.min, a.key))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _date(cell: str) -> date | None:
    return date.fromisoformat(cell) if cell.strip() else None


def read_rows(path: Path) -> list[Authority]:
    """The authorities of a register file: ``#`` lines are comments, then a
    tab-separated table with the header :data:`COLUMNS`."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise ValueError(f"{path}: expected columns {COLUMNS}, found {reader.fieldnames}")
    return [
        Authority(
            key=row["key"],
            label=row["label"],
            ons_code=row["ons_code"],
            dfe_code=row["dfe_code"],
            ofsted_urn=row["ofsted_urn"],
            region=row["region"],
            la_type=row["la_type"],
            names=_split(row["names"]),
            neighbours=_split(row["neighbours"]),
            from_=_date(row["from"]),
            until=_date(row["until"]),
            successors=_split(row["successors"]),
            predecessors=_split(row["predecessors"]),
            notes=row["notes"],
        )
        for row in reader
    ]


def default_path() -> Path:
    """The shipped register: ``graph/data`` when installed, ``<repo>/data`` in a checkout."""
    return data_dir() / REGISTER_FILE


@lru_cache(maxsize=1)
def _shipped() -> Register:
    return Register(read_rows(default_path()))


def load_register(path: Path | None = None) -> Register:
    """The register at ``path``, or the shipped one (read once and shared: treat it
    as read-only)."""
    if path is None:
        return _shipped()
    return Register(read_rows(path))
