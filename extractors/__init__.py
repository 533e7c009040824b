"""uncite's extractors: read a UN document, repair PDF damage, identify it, find its citations.

The pipeline, in order: reading -> normalise -> layout (furniture, footnotes, markers, paragraphs)
-> detectors (resolutions, symbols, treaty series, instruments) -> clauses (relations) -> identity.
"""
