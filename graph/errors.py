"""One error hierarchy for the whole project.

Every error carries a short message a user can act on: what is wrong, where
(file, line, term) and what would be right. The CLI turns :class:`UserError`
subclasses into exit code 2 and :class:`WorkError` subclasses into exit code 1.
"""

from __future__ import annotations


class SgkgError(Exception):
    """Base class for every error sgkg raises on purpose."""

    exit_code = 1


class UserError(SgkgError):
    """The input was wrong: exit 2, nothing written."""

    exit_code = 2


class WorkError(SgkgError):
    """The input was fine but the work failed: exit 1."""

    exit_code = 1


class InputFileError(UserError):
    """A file could not be read or is not what the command expects."""


class RdfSyntaxError(InputFileError):
    """An RDF file did not parse; the message names file, line and column."""


class UnknownFormatError(UserError):
    """A format name or file suffix that sgkg does not know."""


class QueryError(UserError):
    """A SPARQL query is malformed, or is an update on a read-only path."""


class UnknownNameError(UserError):
    """A name did not resolve to a body, a query or a parameter."""

    def __init__(self, message: str, candidates: list[str] | None = None) -> None:
        super().__init__(message)
        self.candidates = candidates or []


class AmbiguousNameError(UnknownNameError):
    """A name matches more than one body."""


class ParameterError(UserError):
    """A named query's parameter is unknown, missing or malformed."""


class StoreError(WorkError):
    """The store could not be opened or written."""


class StoreLockedError(StoreError):
    """Another sgkg process holds the store's write lock."""


class ReportError(InputFileError):
    """A file given to ``ingest`` is not a readable Ofsted report."""


class StoreMissingError(UserError):
    """A read found no store at the given path (a mistyped ``--store``), or
    a write was pointed at a folder of other files."""


class OutputError(UserError):
    """An output path that cannot be written as asked (a folder, a path under a file)."""


class QueryBudgetError(WorkError):
    """A query ran out of its time or memory budget and was stopped."""
