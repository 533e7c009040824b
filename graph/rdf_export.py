"""Export the store as Turtle, N-Triples, N-Quads, TriG or JSON-LD.

Triple formats (Turtle, N-Triples, JSON-LD) carry the union of the document, derived and
ontology graphs, each triple once; quad formats (N-Quads, TriG) keep one graph per document
version, which is the provenance. The index graph (local file paths) is never exported.
Output is sorted so two exports of the same store are byte-identical.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Iterator

import pyoxigraph as ox

from graph import iris
from graph.namespaces import PREFIXES
from graph.store import UnciteStore
from ontology import CONTEXT_FILE

RDF_FORMATS: dict[str, tuple[ox.RdfFormat | None, bool]] = {
    # name: (pyoxigraph format or None for JSON-LD via rdflib, keeps named graphs)
    "turtle": (ox.RdfFormat.TURTLE, False),
    "ttl": (ox.RdfFormat.TURTLE, False),
    "ntriples": (ox.RdfFormat.N_TRIPLES, False),
    "nt": (ox.RdfFormat.N_TRIPLES, False),
    "nquads": (ox.RdfFormat.N_QUADS, True),
    "nq": (ox.RdfFormat.N_QUADS, True),
    "trig": (ox.RdfFormat.TRIG, True),
    "jsonld": (None, False),
    "json-ld": (None, False),
}

_NOT_INDEX = f"FILTER (?g != <{iris.INDEX_GRAPH}>)"


def union_triples(store: UnciteStore) -> Iterator[ox.Triple]:
    """Every distinct triple outside the index graph, sorted."""
    return iter(store.raw.query(
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_NOT_INDEX} }} "
        f"ORDER BY ?s ?p ?o }}"
    ))


def dataset_quads(store: UnciteStore) -> list[ox.Quad]:
    """Every quad outside the index graph, sorted by graph then triple."""
    quads = [q for q in store.raw if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == str(iris.INDEX_GRAPH))]
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def load_context() -> dict:
    return json.loads(Path(CONTEXT_FILE).read_text(encoding="utf-8"))


def export(store: UnciteStore, fmt: str, out: str | os.PathLike[str] | IO[bytes]) -> int:
    """Write the store in `fmt` to `out` (a path or binary file); returns the number of statements."""
    try:
        ox_format, quads = RDF_FORMATS[fmt.lower()]
    except KeyError:
        raise ValueError(f"unknown RDF format {fmt!r}; choose from {', '.join(sorted(RDF_FORMATS))}") from None
    if ox_format is None:
        return _export_jsonld(store, out)
    items = dataset_quads(store) if quads else list(union_triples(store))
    target = str(out) if isinstance(out, (str, os.PathLike)) else out
    ox.serialize(items, target, format=ox_format, prefixes=PREFIXES)
    return len(items)


def _export_jsonld(store: UnciteStore, out: str | os.PathLike[str] | IO[bytes]) -> int:
    """Compacted JSON-LD with the uncite context (ontology/context.jsonld) embedded."""
    from rdflib import Graph

    graph = Graph()
    count = 0
    for t in union_triples(store):
        graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
        count += 1
    data = graph.serialize(format="json-ld", context=load_context()["@context"], auto_compact=True)
    payload = data.encode("utf-8")
    if isinstance(out, (str, os.PathLike)):
        Path(out).write_bytes(payload)
    else:
        out.write(payload)
    return count


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal):  # -> rdflib Node
    """Convert a pyoxigraph term to the equal rdflib term (for rdflib users and round-trip tests)."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == _XSD_STRING else datatype)


def to_rdflib_graph(store: UnciteStore):  # -> rdflib.Graph
    """The union of the exported graphs as an rdflib Graph (Python users; tests compare exports to it)."""
    from rdflib import Graph

    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    for t in union_triples(store):
        graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return graph
