"""The seed and dev gold: every required target, nothing extra; offsets slice the original text."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.api import extract_file
from extractors.evaluate import evaluate
from extractors.reading import read_document

ROOT = Path(__file__).resolve().parent.parent
SEED_GOLD = ROOT / "corpus" / "seeds" / "gold.jsonl"
DEV_GOLD = ROOT / "corpus" / "dev" / "gold.jsonl"


@pytest.mark.parametrize("gold", [SEED_GOLD, DEV_GOLD], ids=["seeds", "dev"])
def test_gold_f1(gold: Path) -> None:
    score = evaluate(gold)
    problems = {d.file: (d.missed, d.extra) for d in score.documents if d.missed or d.extra}
    assert problems == {}
    assert score.prf() == (1.0, 1.0, 1.0)


def _gold_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("record", _gold_records(SEED_GOLD) + _gold_records(DEV_GOLD), ids=lambda r: r["file"])
def test_identity_matches_gold(record: dict) -> None:
    folder = SEED_GOLD.parent if (SEED_GOLD.parent / record["file"]).exists() else DEV_GOLD.parent
    doc = extract_file(folder / record["file"]).to_json()
    for key in ("symbol", "language", "body", "session"):
        assert doc[key] == record.get(key), key
    if record.get("date"):
        assert doc["date"] == record["date"]


@pytest.mark.parametrize("path", sorted((ROOT / "corpus").rglob("*.txt")) + sorted((ROOT / "corpus").rglob("*.pdf")),
                         ids=lambda p: p.name)
def test_offsets_slice_original_text(path: Path) -> None:
    original = read_document(path).text
    doc = extract_file(path)
    assert doc.citations
    for c in doc.citations:
        assert original[c.start:c.end] == c.text


def test_gold_dates_and_relations() -> None:
    for record in _gold_records(SEED_GOLD):
        doc = extract_file(SEED_GOLD.parent / record["file"])
        found = {(c.target, c.date) for c in doc.citations}
        relations = {(c.target, c.relation) for c in doc.citations}
        for cite in record["citations"]:
            if cite.get("date"):
                assert (cite["target"], cite["date"]) in found, cite
            if cite.get("relation"):
                assert (cite["target"], cite["relation"]) in relations, cite


def test_french_and_english_56_120_agree() -> None:
    fr = extract_file(SEED_GOLD.parent / "000_51b96d5365521d3f.txt").to_json()
    en = extract_file(SEED_GOLD.parent / "003_fe76080c2b5089c7.txt").to_json()
    for key in ("symbol", "body", "session"):
        assert fr[key] == en[key]
    fr_targets = {c["target"] for c in fr["citations"]}
    en_targets = {c["target"] for c in en["citations"]}
    # the English file also carries the masthead naming the committee report; the resolution text cites the same
    assert en_targets - {en["committee_report"]} == fr_targets
    assert {(c["target"], c["relation"]) for c in fr["citations"] if c["paragraph"] and c["paragraph"].startswith("PP")} == \
        {(c["target"], c["relation"]) for c in en["citations"] if c["paragraph"] and c["paragraph"].startswith("PP")}


def test_reference_that_names_nothing_is_not_a_citation() -> None:
    doc = extract_file(SEED_GOLD.parent / "004_4ac1e1429583edff.txt")
    assert all("en vertu de la résolution" not in c.text for c in doc.citations)


def test_glued_marker_resolution_and_footnote() -> None:
    doc = extract_file(SEED_GOLD.parent / "002_f422198ff45d3352.txt")
    op1 = [c for c in doc.citations if c.paragraph == "OP1"]
    assert ("A/RES/59/159", None) in {(c.target, c.footnote) for c in op1}
    assert ("A/60/131", 9) in {(c.target, c.footnote) for c in op1}
    assert {c.relation for c in op1} == {"takesNoteOf"}
