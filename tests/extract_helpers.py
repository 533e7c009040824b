"""Helpers for table-driven extractor tests."""
from __future__ import annotations

from extractors.pipeline import extract_text


def targets(text: str, markdown: bool = False) -> list[str]:
    """Targets found in a snippet, in text order, offsets checked on the way."""
    doc = extract_text(text, markdown=markdown)
    for c in doc.citations:
        assert text[c.start:c.end] == c.text
    return [c.target for c in doc.citations]


def citations(text: str, markdown: bool = False):
    doc = extract_text(text, markdown=markdown)
    for c in doc.citations:
        assert text[c.start:c.end] == c.text
    return doc.citations
