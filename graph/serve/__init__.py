"""``sgkg serve``: the graph for a team in the browser, a JSON API, and a
read-only SPARQL 1.1 Protocol endpoint, over the embedded store (or over
any SPARQL endpoint).

* :mod:`graph.serve.source`: the store the server reads, reopened when a
  writer publishes a new snapshot, and every piece of work run in a forked,
  killable child within the query budget (:mod:`graph.store.budget`);
* :mod:`graph.serve.work`: what runs in that child (named queries, ``show``,
  the gap register, explorer pages, raw SPARQL), returning plain data;
* :mod:`graph.serve.results`: SPARQL results as JSON, XML, CSV and TSV, and
  graphs as Turtle, JSON-LD or N-Triples, by content negotiation;
* :mod:`graph.serve.pages`: the HTML pages (every piece of data escaped);
* :mod:`graph.serve.app`: the Starlette application and its routes.
"""

from graph.serve.app import create_app

__all__ = ["create_app"]
