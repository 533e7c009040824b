"""Score extraction against a gold file: per-document misses and extras, then micro precision/recall/F1
over target sets (optional gold targets count neither way)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .api import extract_file
from .errors import DocumentError


@dataclass(slots=True)
class DocumentScore:
    file: str
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    true_positives: int = 0
    error: str | None = None


@dataclass(slots=True)
class Score:
    documents: list[DocumentScore]

    @property
    def tp(self) -> int:
        return sum(d.true_positives for d in self.documents)

    @property
    def fp(self) -> int:
        return sum(len(d.extra) for d in self.documents)

    @property
    def fn(self) -> int:
        return sum(len(d.missed) for d in self.documents)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def score_document(gold: dict, found_targets: set[str]) -> DocumentScore:
    required = {c["target"] for c in gold["citations"] if not c.get("optional")}
    optional = {c["target"] for c in gold["citations"] if c.get("optional")} - required
    score = DocumentScore(gold["file"])
    score.true_positives = len(required & found_targets)
    score.missed = sorted(required - found_targets)
    score.extra = sorted(found_targets - required - optional)
    return score


def evaluate(gold_path: Path) -> Score:
    documents: list[DocumentScore] = []
    for line in gold_path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        path = gold_path.parent / gold["file"]
        try:
            doc = extract_file(path, gold["file"])
        except DocumentError as exc:
            required = sorted({c["target"] for c in gold["citations"] if not c.get("optional")})
            documents.append(DocumentScore(gold["file"], missed=required, error=str(exc)))
            continue
        documents.append(score_document(gold, {c.target for c in doc.citations}))
    return Score(documents)
