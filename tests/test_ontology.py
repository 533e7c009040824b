"""The ontology parses, is small, bilingual, aligned, and agrees with graph/namespaces.py."""
from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph import namespaces as ns
from graph.rdf_emit import kinds_config
from ontology import CONTEXT_FILE, ONTOLOGY_DIR, ONTOLOGY_FILE, shapes_graph, validate, vocabulary_graph

UNC = ns.UNC_IRI
CITO_CITES = URIRef("http://purl.org/spar/cito/cites")
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def unc_terms(graph: Graph) -> set[str]:
    return {str(s) for t in TERM_TYPES for s in graph.subjects(RDF.type, t) if str(s).startswith(UNC)}


def test_small_ontology(onto: Graph) -> None:
    terms = unc_terms(onto)
    relations = {UNC + r for r in kinds_config()["relations"]}
    # 15-25 core terms, plus the eight clause relations the contract names.
    assert 15 <= len(terms - relations) <= 25
    assert relations <= terms


def test_every_term_bilingual_and_defined(onto: Graph) -> None:
    for term in map(URIRef, unc_terms(onto)):
        for predicate in (RDFS.label, SKOS.definition):
            langs = {o.language for o in onto.objects(term, predicate) if isinstance(o, Literal)}
            assert {"en", "fr"} <= langs, f"{term} lacks an en+fr {predicate}"
        assert (term, RDFS.isDefinedBy, URIRef("https://w3id.org/uncite/ontology")) in onto


def test_every_relation_is_a_subproperty_of_cito_cites(onto: Graph) -> None:
    for name in kinds_config()["relations"]:
        assert (URIRef(UNC + name), RDFS.subPropertyOf, CITO_CITES) in onto, name


def test_relation_list_matches_shapes() -> None:
    shapes = shapes_graph()
    lists = [list(shapes.items(o)) for o in shapes.objects(None, URIRef("http://www.w3.org/ns/shacl#in"))]
    assert [URIRef(UNC + r) for r in kinds_config()["relations"]] in lists


@pytest.mark.parametrize("local, external", [
    ("Work", "http://data.europa.eu/eli/ontology#LegalResource"),
    ("Expression", "http://data.europa.eu/eli/ontology#LegalExpression"),
    ("Citation", "http://purl.org/spar/cito/Citation"),
    ("Citation", "http://www.w3.org/ns/oa#SpecificResource"),
    ("Body", "http://www.w3.org/2004/02/skos/core#Concept"),
    ("Body", "http://www.w3.org/ns/prov#Organization"),
    ("Report", "https://w3id.org/un/ontology/undo/Document"),
    ("Declaration", "https://w3id.org/un/ontology/undo/NormativeDocument"),
])
def test_class_alignments(onto: Graph, local: str, external: str) -> None:
    assert (URIRef(UNC + local), RDFS.subClassOf, URIRef(external)) in onto


@pytest.mark.parametrize("local, external", [
    ("citingWork", "http://purl.org/spar/cito/hasCitingEntity"),
    ("citedWork", "http://purl.org/spar/cito/hasCitedEntity"),
    ("inExpression", "http://www.w3.org/ns/oa#hasSource"),
    ("key", "http://purl.org/dc/terms/identifier"),
    ("symbol", "http://data.europa.eu/eli/ontology#id_local"),
    ("recalls", "http://data.europa.eu/eli/ontology#cites"),
])
def test_property_alignments(onto: Graph, local: str, external: str) -> None:
    assert (URIRef(UNC + local), RDFS.subPropertyOf, URIRef(external)) in onto


def test_every_unc_class_reaches_an_external_vocabulary(onto: Graph) -> None:
    for cls in onto.subjects(RDF.type, OWL.Class):
        if not str(cls).startswith(UNC):
            continue
        supers = {str(o) for o in onto.transitive_objects(cls, RDFS.subClassOf)} - {str(cls)}
        assert any(not s.startswith(UNC) for s in supers), cls


def test_namespace_module_matches_turtle(onto: Graph) -> None:
    """graph/namespaces.py UNC is the Turtle's term list, no more, no less."""
    python_terms = {str(ns.UNC[name]) for name in ns.UNC.__annotations__}
    assert python_terms == unc_terms(onto)


@pytest.mark.parametrize("namespace", [ns.CITO, ns.ELI, ns.OA, ns.UNDO])
def test_external_terms_used_in_turtle_are_declared_in_python(onto: Graph, namespace: type) -> None:
    base = str(namespace._NS)
    used = {str(t) for triple in onto for t in triple if isinstance(t, URIRef) and str(t).startswith(base)}
    declared = {base + name for name in namespace.__annotations__}
    assert used <= declared


def test_kind_scheme_covers_every_kind() -> None:
    vocab = vocabulary_graph()
    for kind in kinds_config()["kind_classes"]:
        concept = URIRef(f"https://w3id.org/uncite/id/kind/{kind}")
        assert (concept, RDF.type, SKOS.Concept) in vocab, kind
        assert {o.language for o in vocab.objects(concept, SKOS.prefLabel)} == {"en", "fr"}
    for name in {c for classes in kinds_config()["kind_classes"].values() for c in classes}:
        assert (ns.curie(name), RDF.type, OWL.Class) in vocab, name


def test_bodies_are_labelled_in_both_languages() -> None:
    vocab = vocabulary_graph()
    bodies = list(vocab.subjects(RDF.type, ns.UNC.Body))
    assert len(bodies) >= 10
    for body in bodies:
        assert {o.language for o in vocab.objects(body, SKOS.prefLabel)} == {"en", "fr"}


def test_vocabulary_passes_the_shapes() -> None:
    conforms, report = validate(vocabulary_graph())
    assert conforms, report


def test_jsonld_context_uses_known_prefixes() -> None:
    context = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    for prefix, iri in ns.PREFIXES.items():
        if prefix in context:
            assert context[prefix] == iri
    for term, value in context.items():
        target = value["@id"] if isinstance(value, dict) and "@id" in value else value
        if isinstance(target, str) and ":" in target and not target.startswith("http"):
            assert target.split(":", 1)[0] in context, term


def test_turtle_files_all_parse() -> None:
    for path in ONTOLOGY_DIR.glob("*.ttl"):
        assert len(Graph().parse(path, format="turtle")) > 0, path
