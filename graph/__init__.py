"""sgkg: a knowledge graph of children's safeguarding partnerships in England.

The package is a library; ``cli.py`` is a thin click layer over it. Heavy
dependencies (pyoxigraph, rdflib, pyshacl, pypdfium2, networkx, pyvis) are imported
inside the modules that use them, so importing :mod:`graph` stays cheap.
"""

__version__ = "0.1.0"
