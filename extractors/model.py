"""The extractor's output: citation kinds and document identity as plain dataclasses.

The JSON form (`to_json`) is the command-line contract of `uncite extract --format jsonl`
and the input of the graph builder; keep field names stable.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Citation:
    """One mention of another document, with its exact span in the original text."""

    target: str  # normalised key, e.g. "A/RES/55/25", "convention:UNTOC"
    kind: str  # "ga-resolution", "sc-resolution", "document", "convention", ...
    text: str  # original_text[start:end]
    start: int
    end: int
    date: str | None = None  # ISO date the text gives for the cited document
    relation: str = "cites"  # recalls, reaffirms, takesNoteOf, welcomes, endorses, adopts, cites
    footnote: int | None = None  # number of the footnote the mention sits in
    paragraph: str | None = None  # "PP3", "OP2", "P14": paragraph of the clause (or of the footnote's marker)
    locator: str | None = None  # "chap. I, résolution 1", "para. 6", "annex" — never part of target
    body: str | None = None  # issuing body of the cited document when known ("GA", "ECOSOC", ...)
    via: str | None = None  # "ibid" when resolved through an Ibid. footnote
    adopted_by: str | None = None  # for instruments: the resolution that adopted / annexes it, when stated

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class DocumentIdentity:
    """What the document says about itself (symbol, issuing body, session, date...)."""

    symbol: str | None = None
    language: str | None = None
    body: str | None = None
    session: int | None = None
    date: str | None = None
    title: str | None = None
    doc_type: str | None = None  # "resolution", "decision", "draft-resolution", "report", ...
    meeting: str | None = None
    agenda_item: str | None = None
    committee_report: str | None = None
    sponsors: list[str] = field(default_factory=list)
    inferred: list[str] = field(default_factory=list)  # names of fields inferred, not stated


@dataclass(slots=True)
class ExtractedDocument:
    """One document's identity and citations, as `uncite extract` reports it."""

    file: str
    identity: DocumentIdentity
    citations: list[Citation]
    footnotes: dict[int, str] = field(default_factory=dict)
    sha256: str | None = None

    def to_json(self) -> dict[str, Any]:
        ident = asdict(self.identity)
        record: dict[str, Any] = {"file": self.file}
        for key in ("symbol", "language", "body", "session", "date"):
            record[key] = ident.pop(key)
        record.update(ident)
        record["sha256"] = self.sha256
        record["citations"] = [c.to_json() for c in self.citations]
        return record
