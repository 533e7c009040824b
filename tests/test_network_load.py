"""graph.network: the store -> networkx loader, checked on a hand-written store that follows the contract."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from graph.network import (graph_from_records, iri_for_key, key_from_iri, load_citation_graph, normalise_symbol,
                           resolve_node)

PREFIXES = """
@prefix unc: <https://w3id.org/uncite/ontology#> .
@prefix cito: <http://purl.org/spar/cito/> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix kind: <https://w3id.org/uncite/id/kind/> .
@prefix body: <https://w3id.org/uncite/id/body/> .
@prefix g: <https://w3id.org/uncite/graph/> .
"""

# Two versions of 56/120 (fr, en), 58/135, a 60th-session resolution without symbol, and what they cite.
TRIG = PREFIXES + """
g:aaa {
  <https://undocs.org/A/RES/56/120> a unc:Work ; unc:key "A/RES/56/120" ; unc:symbol "A/RES/56/120" ;
      unc:kind kind:ga-resolution ; eli:passed_by body:GA ; unc:session 56 ;
      dcterms:date "2001-12-19"^^xsd:date ;
      dcterms:title "Lutte contre la criminalité transnationale organisée"@fr ;
      cito:cites <https://undocs.org/A/RES/55/25> ; unc:recalls <https://undocs.org/A/RES/55/25> ;
      cito:cites <https://w3id.org/uncite/id/convention/UNTOC> ; unc:cites <https://w3id.org/uncite/id/convention/UNTOC> .
  <https://undocs.org/A/RES/55/25> a unc:Work ; unc:key "A/RES/55/25" ; unc:symbol "A/RES/55/25" ;
      unc:kind kind:ga-resolution ; eli:passed_by body:GA ; unc:session 55 ; dcterms:date "2000-11-15"^^xsd:date .
  <https://w3id.org/uncite/id/convention/UNTOC> a unc:Work ; unc:key "convention:UNTOC" ; unc:kind kind:convention .
  <https://undocs.org/fr/A/RES/56/120> a unc:Expression ; dcterms:language "fr" .
  <https://w3id.org/uncite/id/citation/aaa/1> a unc:Citation ;
      unc:citingWork <https://undocs.org/A/RES/56/120> ; unc:citedWork <https://undocs.org/A/RES/55/25> ;
      unc:relation unc:recalls ; unc:inExpression <https://undocs.org/fr/A/RES/56/120> ;
      oa:hasSelector <https://w3id.org/uncite/id/citation/aaa/1/quote> ; unc:paragraph "PP4" .
  <https://w3id.org/uncite/id/citation/aaa/1/quote> a oa:TextQuoteSelector ; oa:exact "sa résolution 55/25 du 15 novembre 2000" .
  <https://w3id.org/uncite/id/citation/aaa/2> a unc:Citation ;
      unc:citingWork <https://undocs.org/A/RES/56/120> ; unc:citedWork <https://w3id.org/uncite/id/convention/UNTOC> ;
      unc:relation unc:cites ; unc:inExpression <https://undocs.org/fr/A/RES/56/120> ; unc:footnote 2 .
}
g:bbb {
  <https://undocs.org/A/RES/56/120> a unc:Work ; unc:key "A/RES/56/120" ; unc:symbol "A/RES/56/120" ;
      dcterms:title "Action against transnational organized crime"@en ;
      cito:cites <https://undocs.org/A/RES/55/25> ; unc:recalls <https://undocs.org/A/RES/55/25> .
  <https://undocs.org/en/A/RES/56/120> a unc:Expression ; dcterms:language "en" .
  <https://w3id.org/uncite/id/citation/bbb/1> a unc:Citation ;
      unc:citingWork <https://undocs.org/A/RES/56/120> ; unc:citedWork <https://undocs.org/A/RES/55/25> ;
      unc:relation unc:recalls ; unc:inExpression <https://undocs.org/en/A/RES/56/120> ;
      oa:hasSelector <https://w3id.org/uncite/id/citation/bbb/1/quote> ; unc:paragraph "PP4" .
  <https://w3id.org/uncite/id/citation/bbb/1/quote> a oa:TextQuoteSelector ; oa:exact "its resolution 55/25 of 15 November 2000" .
}
g:ccc {
  <https://undocs.org/A/RES/58/135> a unc:Work ; unc:key "A/RES/58/135" ; unc:symbol "A/RES/58/135" ;
      unc:kind kind:ga-resolution ; eli:passed_by body:GA ; unc:session 58 ; dcterms:date "2003-12-22"^^xsd:date ;
      cito:cites <https://undocs.org/A/RES/56/120>, <https://undocs.org/A/RES/55/25>, <https://undocs.org/A/RES/57/999> ;
      unc:recalls <https://undocs.org/A/RES/56/120>, <https://undocs.org/A/RES/55/25> .
  <https://undocs.org/A/RES/55/25> unc:adopts <https://w3id.org/uncite/id/convention/UNTOC> ;
      cito:cites <https://w3id.org/uncite/id/convention/UNTOC> .
}
g:ddd {
  <https://w3id.org/uncite/id/doc/00112233aabbccdd> a unc:Work ; unc:key "doc:00112233aabbccdd" ;
      unc:kind kind:ga-resolution ; eli:passed_by body:GA ; unc:session 60 ;
      dcterms:title "Renforcement du Programme des Nations Unies pour la prévention du crime"@fr ;
      cito:cites <https://undocs.org/A/RES/55/25> .
}
g:derived {
  <https://undocs.org/A/RES/56/120> unc:inCorpus true .
  <https://undocs.org/A/RES/58/135> unc:inCorpus true .
  <https://w3id.org/uncite/id/doc/00112233aabbccdd> unc:inCorpus true .
  <https://undocs.org/A/RES/55/25> unc:inCorpus false .
}
"""


def make_store(path: Path | None = None) -> ox.Store:
    store = ox.Store(str(path)) if path is not None else ox.Store()
    store.load(input=TRIG, format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return load_citation_graph(make_store())


def test_nodes_carry_the_contract_attributes(graph: nx.MultiDiGraph) -> None:
    node = graph.nodes["A/RES/56/120"]
    assert node["key"] == "A/RES/56/120"
    assert node["iri"] == "https://undocs.org/A/RES/56/120"
    assert (node["kind"], node["body"], node["session"]) == ("ga-resolution", "GA", 56)
    assert (node["date"], node["year"], node["date_inferred"]) == ("2001-12-19", 2001, False)
    assert node["title"] == "Action against transnational organized crime"  # English title preferred
    assert node["in_corpus"] is True and node["label"] == "A/RES/56/120"
    assert graph.nodes["A/RES/55/25"]["in_corpus"] is False
    assert graph.nodes["convention:UNTOC"]["kind"] == "convention"


def test_session_only_dates_are_inferred_and_flagged(graph: nx.MultiDiGraph) -> None:
    doc = graph.nodes["doc:00112233aabbccdd"]
    assert (doc["date"], doc["year"], doc["date_inferred"]) == (None, 2005, True)  # GA session 60 -> 2005
    assert doc["label"].startswith("Renforcement du Programme") and "GA, session 60" in doc["label"]
    assert graph.nodes["A/RES/57/999"]["year"] == 2002


def test_typed_edges_are_keyed_by_relation_without_duplicate_cites(graph: nx.MultiDiGraph) -> None:
    assert sorted(graph["A/RES/56/120"]["A/RES/55/25"]) == ["recalls"]  # cito:cites is its materialisation
    assert sorted(graph["A/RES/56/120"]["convention:UNTOC"]) == ["cites"]
    assert sorted(graph["A/RES/58/135"]["A/RES/55/25"]) == ["recalls"]
    assert sorted(graph["A/RES/58/135"]["A/RES/57/999"]) == ["cites"]  # only cito:cites, no typed edge
    assert sorted(graph["A/RES/55/25"]["convention:UNTOC"]) == ["adopts"]  # direct edge, no mention


def test_edges_carry_the_mention(graph: nx.MultiDiGraph) -> None:
    edge = graph.edges["A/RES/56/120", "A/RES/55/25", "recalls"]
    assert edge["relation"] == "recalls" and edge["paragraph"] == "PP4"
    assert {(m["language"], m["text"]) for m in edge["mentions"]} == {
        ("fr", "sa résolution 55/25 du 15 novembre 2000"), ("en", "its resolution 55/25 of 15 November 2000")}
    assert edge["count"] == 2 and edge["text"] in {m["text"] for m in edge["mentions"]}
    assert graph.edges["A/RES/56/120", "convention:UNTOC", "cites"]["footnote"] == 2


def test_targets_never_described_are_marked(graph: nx.MultiDiGraph) -> None:
    assert graph.nodes["A/RES/57/999"]["defined"] is False
    assert graph.nodes["A/RES/57/999"]["in_corpus"] is False
    assert graph.nodes["A/RES/55/25"]["defined"] is True


def test_sparql_selected_part(graph: nx.MultiDiGraph) -> None:
    store = make_store()
    part = load_citation_graph(store, select="?work unc:kind <https://w3id.org/uncite/id/kind/ga-resolution>")
    assert "convention:UNTOC" not in part and "A/RES/57/999" not in part
    assert set(part) == {"A/RES/55/25", "A/RES/56/120", "A/RES/58/135", "doc:00112233aabbccdd"}
    assert part.has_edge("A/RES/58/135", "A/RES/56/120")
    wider = load_citation_graph(store, select="SELECT ?work WHERE { ?work unc:symbol \"A/RES/56/120\" }",
                                neighbours=True)
    assert set(wider) == {"A/RES/56/120", "A/RES/55/25", "convention:UNTOC", "A/RES/58/135"}


def test_store_directory_is_accepted(tmp_path: Path) -> None:
    store = make_store(tmp_path / "store")
    store.flush()
    del store
    loaded = load_citation_graph(tmp_path / "store")
    assert loaded.has_edge("A/RES/58/135", "A/RES/56/120", key="recalls")
    with pytest.raises(FileNotFoundError):
        load_citation_graph(tmp_path / "missing")


def test_keys_and_iris_round_trip() -> None:
    for key in ("A/RES/2200(XXI)[A]", "S/RES/1373(2001)", "decision:CTOC/COP/4/3", "treaty-series:2225/39574"):
        assert key_from_iri(iri_for_key(key)) == key
    assert iri_for_key("A/RES/2200(XXI)[A]") == "https://undocs.org/A/RES/2200(XXI)%5BA%5D"


@pytest.mark.parametrize("typed, key", [
    ("A/RES/56/120", "A/RES/56/120"), ("56/120", "A/RES/56/120"), ("a/res/56/120", "A/RES/56/120"),
    ("resolution 56/120", "A/RES/56/120"), ("S/RES/1373 (2001)", "S/RES/1373(2001)"),
    ("S/RES/1373(2001)", "S/RES/1373(2001)"), ("2200 (XXI) A", "A/RES/2200(XXI)[A]"),
    ("E/RES/2005/14", "E/RES/2005/14"), ("convention:UNTOC", "convention:UNTOC"),
    ("https://undocs.org/A/RES/55/25", "A/RES/55/25"),
])
def test_normalise_symbol(typed: str, key: str) -> None:
    assert normalise_symbol(typed) == key


def test_resolve_node_by_label_and_prefix(graph: nx.MultiDiGraph) -> None:
    assert resolve_node(graph, "58/135") == "A/RES/58/135"
    assert resolve_node(graph, "doc:00112233") == "doc:00112233aabbccdd"
    assert resolve_node(graph, "99/1") is None


def test_graph_from_records_matches_the_contract() -> None:
    g = graph_from_records([
        {"symbol": "A/RES/58/135", "body": "GA", "session": 58, "date": "2003-12-22", "language": "fr",
         "citations": [{"target": "A/RES/56/120", "kind": "ga-resolution", "relation": "recalls",
                        "text": "sa résolution 56/120", "date": "2001-12-19", "paragraph": "PP3"}]},
        {"symbol": None, "sha256": "00112233aabbccdd99", "body": "GA", "session": 60, "doc_type": "resolution",
         "citations": [{"target": "A/RES/55/25", "kind": "ga-resolution", "text": "Résolution 55/25"}]},
    ])
    assert g.nodes["A/RES/58/135"]["kind"] == "ga-resolution" and g.nodes["A/RES/58/135"]["in_corpus"]
    assert g.nodes["doc:00112233aabbccdd"]["kind"] == "ga-resolution"
    assert g.nodes["A/RES/56/120"]["date"] == "2001-12-19" and not g.nodes["A/RES/56/120"]["in_corpus"]
    assert g.edges["A/RES/58/135", "A/RES/56/120", "recalls"]["language"] == "fr"
