"""The spaCy layer: component registered by factory, spans for displaCy, register as patterns."""
from __future__ import annotations

from pathlib import Path

from spacy import displacy

from extractors.spacy_pipeline import SPAN_KEY, displacy_data, instrument_patterns, make_nlp
from extractors.api import extract_file

ROOT = Path(__file__).resolve().parent.parent


def test_component_sets_citation_spans_in_french() -> None:
    nlp = make_nlp("fr")
    doc = nlp("L'Assemblée générale,\n\n Rappelant sa résolution 55/25 du 15 novembre 2000, par laquelle elle a "
              "adopté la Convention des Nations Unies contre la criminalité transnationale organisée,\n")
    labels = [(span.label_, span.kb_id_) for span in doc.spans[SPAN_KEY]]
    assert labels == [("ga-resolution", "A/RES/55/25"), ("convention", "convention:UNTOC")]
    assert doc.user_data["uncite"]["body"] == "GA"


def test_component_in_english_and_displacy_renders() -> None:
    nlp = make_nlp("en")
    doc = nlp("The Security Council,\n\nRecalling its resolutions 1325 (2000) and 1820 (2008),\n")
    assert [span.kb_id_ for span in doc.spans[SPAN_KEY]] == ["S/RES/1325(2000)", "S/RES/1820(2008)"]
    html = displacy.render(doc, style="span", options={"spans_key": SPAN_KEY}, page=False)
    assert "sc-resolution" in html


def test_instrument_patterns_work_in_a_span_ruler() -> None:
    patterns = instrument_patterns()
    assert any(p["id"] == "convention:UNTOC" for p in patterns)
    nlp = make_nlp("en")
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": "instruments"})
    ruler.add_patterns([p for p in patterns if p["id"] in ("convention:ICCPR", "charter:UN")])
    doc = nlp("in line with the International Covenant on Civil and Political Rights and the Charter of the United Nations")
    assert sorted(s.id_ for s in doc.spans["instruments"]) == ["charter:UN", "convention:ICCPR"]


def test_displacy_manual_data_from_a_record() -> None:
    path = ROOT / "corpus" / "seeds" / "001_11afc25751e83b2c.txt"
    record = extract_file(path).to_json()
    data = displacy_data(record, path.read_text("utf-8"))
    html = displacy.render(data, style="ent", manual=True, page=False)
    assert "ga-resolution" in html and "A/RES/58/135" in html
