"""The report templates the reader knows, registered in one place.

Each template is a module of its own with a :class:`~graph.reader.templates.
base.Template` subclass: how to recognise it (``detect(lines)``, a score),
its front page, its judgement table, its headings and what a report of its
kind must contain. The registry works like rdflib's ``plugin.register``: a
name maps to a module and a class, imported only when first needed, so a new
template is one module and one :func:`register` line.

Templates that are recognised but not read (the 2012-13 looked-after-children
inspections, reports of other Ofsted remits) are registered too: they exist
so that such a file is refused with a message saying what it is, never "not
an Ofsted report".
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from graph.reader.templates.base import Template
    from graph.reader.text import Line

_REGISTRY: dict[str, tuple[str, str]] = {}
_LOADED: dict[str, Template] = {}


def register(name: str, module: str, cls: str) -> None:
    """Register the template class ``cls`` of ``module`` under ``name``."""
    _REGISTRY[name] = (module, cls)
    _LOADED.pop(name, None)


def get(name: str) -> Template:
    """The template registered under ``name`` (imported on first use)."""
    if name not in _LOADED:
        try:
            module, cls = _REGISTRY[name]
        except KeyError:
            known = ", ".join(sorted(_REGISTRY))
            raise KeyError(f"no report template named {name!r} (known: {known})") from None
        template = getattr(importlib.import_module(module), cls)()
        if template.name != name:
            raise ValueError(
                f"template {module}.{cls} calls itself {template.name!r}, not {name!r}"
            )
        _LOADED[name] = template
    return _LOADED[name]


def names() -> list[str]:
    """Every registered template's name, in registration order."""
    return list(_REGISTRY)


def detect(lines: list[Line]) -> Template | None:
    """The template whose ``detect`` scores the text highest, or ``None``
    when none recognises it."""
    best: tuple[float, Template] | None = None
    for name in _REGISTRY:
        template = get(name)
        score = float(template.detect(lines))
        if score > 0 and (best is None or score > best[0]):
            best = (score, template)
    return best[1] if best else None


# ------------------------------------------------------------------ the templates

_HERE = __name__
# local authority children's services, read
register("sif-lscb", f"{_HERE}.sif", "SifWithLscb")
register("sif-no-lscb", f"{_HERE}.sif_no_lscb", "SifWithoutLscb")
register("sif-reinspection", f"{_HERE}.sif_reinspection", "SifReinspection")
register("lscb-review", f"{_HERE}.lscb_review", "LscbReview")
register("ilacs", f"{_HERE}.ilacs", "Ilacs")
register("ilacs-2021", f"{_HERE}.ilacs_2021", "Ilacs2021")
# recognised, refused by name
register("lac-2013", f"{_HERE}.lac_2013", "LookedAfterChildren2013")
register("other-remit", f"{_HERE}.other_remits", "OtherRemit")
