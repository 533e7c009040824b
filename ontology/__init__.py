"""The uncite ontology and SHACL shapes (Turtle files beside this module)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph

ONTOLOGY_DIR = Path(__file__).resolve().parent
ONTOLOGY_FILE = ONTOLOGY_DIR / "uncite.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"
# The vocabulary a data graph is read against: the ontology plus its two SKOS schemes.
VOCABULARY_FILES = (ONTOLOGY_FILE, ONTOLOGY_DIR / "kinds.ttl", ONTOLOGY_DIR / "bodies.ttl")


@lru_cache(maxsize=1)
def vocabulary_graph() -> "Graph":
    """Ontology + kinds + bodies in one rdflib Graph (parsed once)."""
    from rdflib import Graph

    graph = Graph()
    for path in VOCABULARY_FILES:
        graph.parse(path, format="turtle")
    return graph


@lru_cache(maxsize=1)
def shapes_graph() -> "Graph":
    from rdflib import Graph

    return Graph().parse(SHAPES_FILE, format="turtle")


def validate(data: "Graph") -> tuple[bool, str]:
    """Run the SHACL shapes over `data` read together with the vocabulary; (conforms, report text).

    The vocabulary is merged in by hand: pySHACL only mixes ont_graph in when it runs inference.
    """
    from pyshacl import validate as shacl_validate

    from rdflib import Graph

    merged = Graph()
    for graph in (data, vocabulary_graph()):
        for triple in graph:
            merged.add(triple)
    conforms, _, text = shacl_validate(
        merged, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=False
    )
    return bool(conforms), str(text)
