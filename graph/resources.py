"""Where the ontology and shipped data live, installed or in a source checkout.

In the wheel they travel inside the ``graph`` package (``graph/ontology``,
``graph/data``); in a checkout they are the top-level ``ontology/`` and
``data/`` folders next to ``graph/``.
"""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    installed = _PKG / name
    if installed.is_dir():
        return installed
    return _PKG.parent / name


def ontology_dir() -> Path:
    """Folder holding ``safeguarding.ttl``, ``vocabularies.ttl``, ``shapes.ttl``..."""
    return _find("ontology")


def data_dir() -> Path:
    """Folder holding ``reports/``, ``curated/`` and ``queries/``."""
    return _find("data")


def ontology_files() -> list[Path]:
    """Every Turtle file of the ontology folder, in a stable order."""
    return sorted(ontology_dir().glob("*.ttl"))


def shapes_file() -> Path:
    return ontology_dir() / "shapes.ttl"


def queries_dir() -> Path:
    return data_dir() / "queries"


def reports_dir() -> Path:
    return data_dir() / "reports"


def curated_dir() -> Path:
    return data_dir() / "curated"


def seed_report() -> Path:
    return reports_dir() / "bournemouth-2014-ofsted-report.txt"
