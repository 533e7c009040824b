"""uncite's knowledge graph: RDF emission, the persistent store, lineage analysis and views."""
