"""RDF: a parsed and extracted report as triples, and RDF files in and out."""
