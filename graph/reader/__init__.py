"""Reading reports: text from a PDF, clean-up, and the walk that turns a
report's lines into its structure (sections, numbered paragraphs, blocks,
judgements). Reading knows nothing of RDF or the store.

- :mod:`~graph.reader.pdf`: a PDF to layout-preserving text, furniture removed;
- :mod:`~graph.reader.text`: any text made regular, cut into lines; dates;
- :mod:`~graph.reader.templates`: the report templates, registered in one place
  (each with ``detect``, its front page, its judgement table, its headings and
  what a complete report of its kind has);
- :mod:`~graph.reader.judgements`, :mod:`~graph.reader.headings`: the judgement
  table and the heading rules the templates share;
- :mod:`~graph.reader.numbering`: which lines start a numbered paragraph;
- :mod:`~graph.reader.walk`: the walk through a report's body;
- :mod:`~graph.reader.limits`: bounds on pages, characters and items;
- :mod:`~graph.reader.parser`: :func:`~graph.reader.parser.parse_report`, all
  of the above in order;
- :mod:`~graph.reader.model`: the plain dataclasses a parsed report is.
"""
