"""Extractor records -> RDF: IRIs, work/expression split, reified mentions, direct edges, SHACL."""
from __future__ import annotations

import copy
import hashlib
import json
import re
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from graph import iris
from graph.namespaces import CITO, OA, UNC, UNDO
from graph.rdf_emit import emit_graph, emit_triples
from ontology import validate

SEEDS = Path(__file__).resolve().parents[1] / "corpus" / "seeds"
W = lambda key: URIRef(iris.work_iri(key))  # noqa: E731


def gold_records() -> list[dict]:
    """Gold records made extractor-shaped: real sha256, fake offsets, footnotes from the gold notes."""
    records = []
    for line in (SEEDS / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        record["sha256"] = hashlib.sha256((SEEDS / record["file"]).read_bytes()).hexdigest()
        if record["symbol"] is None:
            record["doc_type"] = "resolution"
        if record["file"].startswith("004"):
            record["doc_type"] = "draft-resolution"
        for i, cit in enumerate(record["citations"]):
            cit["start"], cit["end"] = 100 * i, 100 * i + len(cit["text"])
            match = re.match(r"footnote (\d+)", cit.get("note", ""))
            cit["footnote"] = int(match.group(1)) if match else None
            cit.setdefault("relation", "cites")
        records.append(record)
    return records


@pytest.fixture(scope="module")
def records() -> dict[str, dict]:
    return {r["file"][:3]: r for r in gold_records()}


@pytest.mark.parametrize("key, iri", [
    ("A/RES/55/25", "https://undocs.org/A/RES/55/25"),
    ("S/RES/1373(2001)", "https://undocs.org/S/RES/1373(2001)"),
    ("A/RES/2200(XXI)[A]", "https://undocs.org/A/RES/2200(XXI)%5BA%5D"),
    ("E/CN.15/2003/5", "https://undocs.org/E/CN.15/2003/5"),
    ("convention:UNTOC", "https://w3id.org/uncite/id/convention/UNTOC"),
    ("decision:CTOC/COP/4/3", "https://w3id.org/uncite/id/decision/CTOC/COP/4/3"),
    ("treaty-series:2225/39574", "https://w3id.org/uncite/id/treaty-series/2225/39574"),
    ("rules:nelson-mandela", "https://w3id.org/uncite/id/rules/nelson-mandela"),
    ("A/AC 1/2", "https://undocs.org/A/AC%201/2"),
])
def test_work_iris(key: str, iri: str) -> None:
    assert iris.work_iri(key) == iri
    assert iris.key_from_iri(iri) == key


def test_language_version_iris() -> None:
    assert iris.expression_iri("A/RES/56/120", "fr") == "https://undocs.org/fr/A/RES/56/120"
    assert iris.expression_iri("doc:0123456789abcdef", "fr") == "https://w3id.org/uncite/id/doc/0123456789abcdef/fr"
    assert iris.graph_iri("ab" * 32) == "https://w3id.org/uncite/graph/" + "ab" * 32


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_graph_passes_the_shapes(records: dict, prefix: str) -> None:
    conforms, report = validate(emit_graph(records[prefix]))
    assert conforms, report


def test_one_work_two_language_versions(records: dict) -> None:
    fr, en = emit_graph(records["000"]), emit_graph(records["003"])
    work = W("A/RES/56/120")
    assert (work, RDF.type, UNC.Work) in fr and (work, RDF.type, UNC.Work) in en
    assert (work, RDF.type, UNDO.Resolution) in fr
    fr_expr, en_expr = URIRef("https://undocs.org/fr/A/RES/56/120"), URIRef("https://undocs.org/en/A/RES/56/120")
    assert (fr_expr, URIRef("http://data.europa.eu/eli/ontology#realizes"), work) in fr
    assert (en_expr, URIRef("http://data.europa.eu/eli/ontology#realizes"), work) in en
    # The citation of 55/25 belongs to the work in both, and keeps its own expression and words.
    for graph, expr, words in ((fr, fr_expr, "sa résolution 55/25 du 15 novembre 2000"),
                               (en, en_expr, "its resolution 55/25 of 15 November 2000")):
        assert (work, CITO.cites, W("A/RES/55/25")) in graph
        assert (work, UNC.recalls, W("A/RES/55/25")) in graph
        [mention] = [m for m in graph.subjects(UNC.citedWork, W("A/RES/55/25"))]
        assert (mention, UNC.citingWork, work) in graph
        assert (mention, UNC.inExpression, expr) in graph
        quotes = [s for s in graph.objects(mention, OA.hasSelector) if (s, RDF.type, OA.TextQuoteSelector) in graph]
        assert [str(graph.value(q, OA.exact)) for q in quotes] == [words]


def test_every_mention_has_its_direct_edges(records: dict) -> None:
    for record in records.values():
        graph = emit_graph(record)
        mentions = list(graph.subjects(RDF.type, UNC.Citation))
        assert len(mentions) == len(record["citations"])
        for m in mentions:
            citing, cited, relation = graph.value(m, UNC.citingWork), graph.value(m, UNC.citedWork), graph.value(m, UNC.relation)
            assert (citing, CITO.cites, cited) in graph
            assert (citing, relation, cited) in graph


def test_mention_provenance(records: dict) -> None:
    record = records["001"]
    graph = emit_graph(record)
    [mention] = graph.subjects(UNC.citedWork, W("E/CN.15/2003/5"))
    assert graph.value(mention, UNC.footnote) == Literal(1, datatype=XSD.integer)
    activity = graph.value(mention, URIRef("http://www.w3.org/ns/prov#wasGeneratedBy"))
    assert activity == URIRef(iris.extraction_iri(record["sha256"]))
    agent = graph.value(activity, URIRef("http://www.w3.org/ns/prov#wasAssociatedWith"))
    assert graph.value(agent, URIRef("http://www.w3.org/2002/07/owl#versionInfo")) is not None
    positions = [s for s in graph.objects(mention, OA.hasSelector) if (s, RDF.type, OA.TextPositionSelector) in graph]
    cit = next(c for c in record["citations"] if c["target"] == "E/CN.15/2003/5")
    assert [(int(graph.value(p, OA.start)), int(graph.value(p, OA.end))) for p in positions] == [(cit["start"], cit["end"])]


def test_cited_work_known_by_citation(records: dict) -> None:
    graph = emit_graph(records["001"])
    cited = W("A/RES/55/25")
    assert graph.value(cited, UNC.key) == Literal("A/RES/55/25")
    assert graph.value(cited, UNC.symbol) == Literal("A/RES/55/25")
    assert graph.value(cited, UNC.kind) == URIRef(iris.kind_iri("ga-resolution"))
    assert graph.value(cited, UNC.session) == Literal(55, datatype=XSD.integer)
    assert graph.value(cited, URIRef("http://purl.org/dc/terms/date")) == Literal("2000-11-15", datatype=XSD.date)
    assert graph.value(cited, URIRef("http://data.europa.eu/eli/ontology#passed_by")) == URIRef(iris.body_iri("GA"))
    convention = W("convention:UNTOC")
    assert graph.value(convention, UNC.symbol) is None
    assert (convention, RDF.type, UNDO.Convention) in graph
    # inCorpus depends on the whole corpus: the store derives it, a document graph never states it.
    assert not list(graph.triples((None, UNC.inCorpus, None)))


def test_document_without_symbol_gets_a_content_iri(records: dict) -> None:
    record = records["002"]
    graph = emit_graph(record)
    work = URIRef(f"https://w3id.org/uncite/id/doc/{record['sha256'][:16]}")
    assert graph.value(work, UNC.key) == Literal(f"doc:{record['sha256'][:16]}")
    assert graph.value(work, UNC.kind) == URIRef(iris.kind_iri("ga-resolution"))
    assert graph.value(work, UNC.session) == Literal(60, datatype=XSD.integer)
    assert graph.value(work, UNC.symbol) is None


def test_draft_resolution_class(records: dict) -> None:
    graph = emit_graph(records["004"])
    assert (W("CTOC/COP/2010/L.9"), RDF.type, UNC.DraftResolution) in graph
    assert (W("decision:CTOC/COP/4/3"), RDF.type, UNDO.Decision) in graph


def test_adopted_by_becomes_an_adopts_edge(records: dict) -> None:
    record = copy.deepcopy(records["000"])
    next(c for c in record["citations"] if c["target"] == "convention:UNTOC")["adopted_by"] = "A/RES/55/25"
    graph = emit_graph(record)
    assert (W("A/RES/55/25"), UNC.adopts, W("convention:UNTOC")) in graph
    assert (W("A/RES/55/25"), CITO.cites, W("convention:UNTOC")) in graph
    assert validate(graph)[0]


def test_emission_is_deterministic(records: dict) -> None:
    assert emit_triples(records["002"]) == emit_triples(copy.deepcopy(records["002"]))


def test_unknown_relation_falls_back_to_cites(records: dict) -> None:
    record = copy.deepcopy(records["003"])
    record["citations"][0]["relation"] = "ponders"
    graph = emit_graph(record)
    assert graph.value(URIRef(iris.citation_iri(record["sha256"], 1)), UNC.relation) == UNC.cites


def test_invalid_dates_are_left_out(records: dict) -> None:
    record = copy.deepcopy(records["001"])
    record["date"] = "2003-02-30"
    graph = emit_graph(record)
    assert graph.value(W("A/RES/58/135"), URIRef("http://purl.org/dc/terms/date")) is None
    assert validate(graph)[0]


def test_record_without_hash_is_refused(records: dict) -> None:
    record = copy.deepcopy(records["001"])
    record["sha256"] = None
    with pytest.raises(ValueError, match="001_"):
        emit_triples(record)


def test_shapes_catch_a_missing_direct_edge(records: dict) -> None:
    graph = emit_graph(records["001"])
    graph.remove((W("A/RES/58/135"), CITO.cites, W("A/RES/55/25")))
    conforms, report = validate(graph)
    assert not conforms and "materialised" in report


def test_shapes_catch_a_missing_offset(records: dict) -> None:
    record = copy.deepcopy(records["001"])
    record["citations"][0]["start"] = None
    conforms, report = validate(emit_graph(record))
    assert not conforms and "TextPositionSelector" in report


def test_shapes_catch_a_bad_relation(records: dict) -> None:
    graph = emit_graph(records["001"])
    mention = URIRef(iris.citation_iri(records["001"]["sha256"], 1))
    graph.set((mention, UNC.relation, URIRef("http://example.org/likes")))
    assert not validate(graph)[0]


def test_agenda_item_is_emitted_and_valid(records: dict) -> None:
    record = copy.deepcopy(records["003"])
    record["agenda_item"] = "110"
    graph = emit_graph(record)
    work = URIRef(iris.work_iri("A/RES/56/120"))
    assert (work, UNC.agendaItem, Literal("110", datatype=XSD.string)) in graph
    conforms, report = validate(graph)
    assert conforms, report
