"""The embedded store (pyoxigraph on disk), read-only SPARQL over it, and
its counts. The store knows nothing of named queries or analysis."""

from graph.store.embedded import GraphStore, default_store_path, open_store, to_python

__all__ = ["GraphStore", "default_store_path", "open_store", "to_python"]
