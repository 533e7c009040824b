"""spaCy integration: a pipeline component that puts uncite's citations in `doc.spans["citations"]`
(so displaCy can show them), and the instrument register as SpanRuler patterns.

Extraction itself does not tokenise whole documents (spaCy's blank tokenizer runs at ~0.75 MB/s, the
extractor at several MB/s); spaCy is the layer users meet in notebooks and their own pipelines.
"""
from __future__ import annotations

from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .instruments import fold_words, load_register
from .pipeline import extract_text

SPAN_KEY = "citations"


class CitationComponent:
    """Runs the extractor on doc.text and stores each citation as a span labelled with its kind."""

    def __init__(self, markdown: bool = False) -> None:
        self.markdown = markdown

    def __call__(self, doc: Doc) -> Doc:
        extracted = extract_text(doc.text, markdown=self.markdown)
        spans: list[Span] = []
        for citation in extracted.citations:
            span = doc.char_span(citation.start, citation.end, label=citation.kind, kb_id=citation.target,
                                 alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        doc.user_data["uncite"] = extracted.to_json()
        return doc


@Language.factory("uncite_citations", default_config={"markdown": False})
def make_citation_component(nlp: Language, name: str, markdown: bool) -> CitationComponent:
    return CitationComponent(markdown=markdown)


def make_nlp(lang: str = "en", markdown: bool = False) -> Language:
    """A blank pipeline (no model download) with the citation component."""
    nlp = spacy.blank(lang)
    nlp.add_pipe("uncite_citations", config={"markdown": markdown})
    return nlp


def instrument_patterns() -> list[dict[str, Any]]:
    """The register as spaCy SpanRuler/EntityRuler token patterns (case-insensitive), id = target key."""
    patterns: list[dict[str, Any]] = []
    for entry in load_register()["instruments"]:
        names = [n for group in ("names", "aliases") for ns in (entry.get(group) or {}).values() for n in ns]
        for name in names:
            words = fold_words(name)
            if words:
                patterns.append({"label": entry["key"].split(":")[0], "id": entry["key"],
                                 "pattern": [{"LOWER": w} for w in words]})
    return patterns


def displacy_data(record: dict, text: str) -> dict[str, Any]:
    """displaCy 'manual' input highlighting an extracted record's citations in its original text."""
    ents = [{"start": c["start"], "end": c["end"], "label": c["kind"]} for c in record["citations"]]
    ents.sort(key=lambda e: (e["start"], -e["end"]))
    kept: list[dict[str, Any]] = []
    for ent in ents:
        if not kept or ent["start"] >= kept[-1]["end"]:
            kept.append(ent)
    return {"text": text, "ents": kept, "title": record.get("symbol") or record.get("file")}
