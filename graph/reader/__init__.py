"""Reading reports: text from a PDF, clean-up, and the walk that turns a
report's lines into its structure (sections, numbered paragraphs, blocks,
judgements). Reading knows nothing of RDF or the store."""
