"""RDF namespaces for uncite. `UNC` mirrors ontology/uncite.ttl term for term (tests/test_ontology.py
checks both directions), so a typo in Python fails at import instead of emitting a dangling IRI."""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace, URIRef

UNC_IRI = "https://w3id.org/uncite/ontology#"
ID = Namespace("https://w3id.org/uncite/id/")
GRAPH = Namespace("https://w3id.org/uncite/graph/")
UNDOCS = "https://undocs.org/"


class UNC(DefinedNamespace):
    """uncite ontology terms (https://w3id.org/uncite/ontology#)."""

    _fail = True
    _NS = Namespace(UNC_IRI)

    Work: URIRef
    Expression: URIRef
    Citation: URIRef
    Body: URIRef
    Declaration: URIRef
    Report: URIRef
    DraftResolution: URIRef
    TreatySeriesEntry: URIRef
    key: URIRef
    symbol: URIRef
    kind: URIRef
    session: URIRef
    agendaItem: URIRef
    inCorpus: URIRef
    citingWork: URIRef
    citedWork: URIRef
    relation: URIRef
    inExpression: URIRef
    footnote: URIRef
    paragraph: URIRef
    locator: URIRef
    cites: URIRef
    recalls: URIRef
    reaffirms: URIRef
    takesNoteOf: URIRef
    welcomes: URIRef
    endorses: URIRef
    adopts: URIRef
    annexes: URIRef


class CITO(DefinedNamespace):
    """The CiTO terms uncite uses."""

    _fail = True
    _NS = Namespace("http://purl.org/spar/cito/")

    cites: URIRef
    Citation: URIRef
    hasCitingEntity: URIRef
    hasCitedEntity: URIRef
    hasCitationCharacterization: URIRef
    citesAsAuthority: URIRef
    confirms: URIRef
    citesForInformation: URIRef
    agreesWith: URIRef
    supports: URIRef


class ELI(DefinedNamespace):
    """The ELI terms uncite uses."""

    _fail = True
    _NS = Namespace("http://data.europa.eu/eli/ontology#")

    LegalResource: URIRef
    LegalExpression: URIRef
    cites: URIRef
    id_local: URIRef
    is_realized_by: URIRef
    realizes: URIRef
    passed_by: URIRef
    language: URIRef


class OA(DefinedNamespace):
    """The W3C Web Annotation terms uncite uses."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/oa#")

    SpecificResource: URIRef
    TextQuoteSelector: URIRef
    TextPositionSelector: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    exact: URIRef
    start: URIRef
    end: URIRef


class UNDO(DefinedNamespace):
    """The UN Document Ontology (UNDO) classes uncite uses."""

    _fail = True
    _NS = Namespace("https://w3id.org/un/ontology/undo/")

    Agent: URIRef
    Document: URIRef
    NormativeDocument: URIRef
    DeliberativeDocument: URIRef
    OfficialCompilation: URIRef
    Resolution: URIRef
    Decision: URIRef
    Convention: URIRef
    Protocol: URIRef
    Treaty: URIRef
    Charter: URIRef
    Rules: URIRef


PREFIXES: dict[str, str] = {
    "unc": UNC_IRI,
    "cito": "http://purl.org/spar/cito/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "undo": "https://w3id.org/un/ontology/undo/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "kind": "https://w3id.org/uncite/id/kind/",
    "body": "https://w3id.org/uncite/id/body/",
    "undocs": UNDOCS,
    "uid": str(ID),
}


def curie(name: str) -> URIRef:
    """Expand "unc:Report" using PREFIXES (for class names kept in data files)."""
    prefix, _, local = name.partition(":")
    return URIRef(PREFIXES[prefix] + local)


def sparql_prologue() -> str:
    """PREFIX lines for every namespace above, prepended to ready queries when they lack them."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
