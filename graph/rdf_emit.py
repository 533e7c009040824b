"""Extractor record (dict) -> RDF triples for one document version, with provenance.

Everything one document says goes into its own named graph: its work and language version,
one reified unc:Citation per mention (exact span, offsets, relation, footnote, paragraph, the
extraction activity), the cited works as far as the citation describes them, and the direct
edges `<citing> cito:cites <cited>` / `<citing> unc:<relation> <cited>` for reasoner-less users.
unc:inCorpus is NOT emitted here: it depends on the whole corpus, so the store derives it.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from graph import iris
from graph.namespaces import CITO, ELI, OA, PREFIXES, UNC, curie
from ontology import ONTOLOGY_DIR

Triple = tuple[URIRef, URIRef, URIRef | Literal]
DATA = Path(__file__).resolve().parent / "data" / "kinds.json"
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@lru_cache(maxsize=1)
def kinds_config() -> dict[str, Any]:
    return json.loads(DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def body_labels() -> dict[str, list[Literal]]:
    """skos:prefLabel literals of the known bodies (ontology/bodies.ttl), by code."""
    g = Graph().parse(ONTOLOGY_DIR / "bodies.ttl")
    labels: dict[str, list[Literal]] = {}
    for body, code in g.subject_objects(SKOS.notation):
        labels[str(code)] = sorted(g.objects(body, SKOS.prefLabel), key=lambda l: (l.language or "", str(l)))
    return labels


def extractor_version(record: dict[str, Any]) -> str:
    """The version to credit in provenance: the record's own, else the extractors package's."""
    if record.get("extractor_version"):
        return str(record["extractor_version"])
    try:
        import extractors

        version = getattr(extractors, "__version__", None)
        if version:
            return str(version)
    except ImportError:  # pragma: no cover - extractors ship with uncite
        pass
    try:
        return metadata.version("uncite")
    except metadata.PackageNotFoundError:
        return "0.1.0"


def _roman(text: str) -> int:
    total = 0
    for a, b in zip(text, text[1:] + " "):
        value = _ROMAN[a]
        total += -value if b != " " and _ROMAN[b] > value else value
    return total


def session_from_key(key: str) -> int | None:
    """Session number a GA/HRC symbol carries (A/RES/55/25 -> 55, A/RES/2200(XXI)[A] -> 21)."""
    for pattern in kinds_config()["session_patterns"]:
        match = re.match(pattern, key)
        if match:
            group = match.group(1)
            return int(group) if group.isdigit() else _roman(group)
    return None


def kind_from_symbol(symbol: str) -> str | None:
    for pattern, kind in kinds_config()["symbol_kinds"]:
        if re.match(pattern, symbol):
            return kind
    return None


def document_kind(record: dict[str, Any]) -> str:
    """The kind of a corpus document: from its symbol, else from its body and type."""
    config = kinds_config()
    symbol = record.get("symbol")
    if symbol and (kind := kind_from_symbol(symbol)):
        return kind
    doc_type = (record.get("doc_type") or "").lower()
    body = record.get("body") or ""
    if doc_type in ("resolution", "decision") and body:
        for code, prefix in config["body_kind_prefixes"].items():
            if body == code or (code.endswith("-") and body.startswith(code)):
                candidate = f"{prefix}-{doc_type}"
                if candidate in config["kind_classes"]:
                    return candidate
    return "document" if symbol else "other"


def _date(value: Any) -> Literal | None:
    """An xsd:date literal, or None for anything that is not a real calendar date."""
    if not value:
        return None
    try:
        return Literal(dt.date.fromisoformat(str(value)).isoformat(), datatype=XSD.date)
    except ValueError:
        return None


class _Emitter:
    """Accumulates one document's triples; first description of a node wins (no conflicting values)."""

    def __init__(self) -> None:
        self.triples: list[Triple] = []
        self._seen: set[Triple] = set()
        self._described: set[URIRef] = set()

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal | None) -> None:
        if o is None:
            return
        triple = (s, p, o)
        if triple not in self._seen:
            self._seen.add(triple)
            self.triples.append(triple)

    def body(self, code: str | None) -> URIRef | None:
        if not code:
            return None
        node = URIRef(iris.body_iri(code))
        self.add(node, RDF.type, UNC.Body)
        self.add(node, SKOS.notation, Literal(code))
        for label in body_labels().get(code, []):
            self.add(node, SKOS.prefLabel, label)
        return node

    def work(self, key: str, kind: str, *, body: str | None = None, date: Any = None,
             session: int | None = None, draft: bool = False) -> URIRef:
        """Describe a work once: type, kind class, key, kind, symbol, body, date, session."""
        node = URIRef(iris.work_iri(key))
        if node in self._described:
            return node
        self._described.add(node)
        config = kinds_config()
        kind = kind if kind in config["kind_classes"] else "other"
        self.add(node, RDF.type, UNC.Work)
        classes = [config["draft_class"]] if draft else config["kind_classes"][kind]
        for name in classes:
            self.add(node, RDF.type, curie(name))
        self.add(node, UNC.key, Literal(key))
        self.add(node, UNC.kind, URIRef(iris.kind_iri(kind)))
        if iris.is_symbol_key(key):
            self.add(node, UNC.symbol, Literal(key))
        body = body or config["kind_bodies"].get(kind)
        self.add(node, ELI.passed_by, self.body(body))
        self.add(node, DCTERMS.date, _date(date))
        session = session if session is not None else session_from_key(key)
        if session is not None:
            self.add(node, UNC.session, Literal(int(session), datatype=XSD.integer))
        return node


def emit_triples(record: dict[str, Any]) -> list[Triple]:
    """All triples of one document version (no inCorpus: the store derives it)."""
    sha = record.get("sha256")
    if not sha:
        raise ValueError(f"{record.get('file')}: record has no sha256; cannot name its graph")
    out = _Emitter()
    lang = record.get("language") or None
    key = iris.document_key(record.get("symbol"), sha)
    doc_type = (record.get("doc_type") or "").lower()
    work = out.work(key, document_kind(record), body=record.get("body"), date=record.get("date"),
                    session=record.get("session"), draft=doc_type.startswith("draft"))
    if record.get("title"):
        out.add(work, DCTERMS.title, Literal(record["title"], lang=lang))
    if record.get("agenda_item"):
        out.add(work, UNC.agendaItem, Literal(str(record["agenda_item"]), datatype=XSD.string))

    expr = URIRef(iris.expression_iri(key, lang))
    out.add(expr, RDF.type, UNC.Expression)
    out.add(expr, ELI.realizes, work)
    out.add(work, ELI.is_realized_by, expr)
    if lang:
        out.add(expr, DCTERMS.language, Literal(lang, datatype=XSD.language))
        out.add(expr, ELI.language, URIRef(kinds_config()["language_base"] + iris.encode_path(lang)))

    version = extractor_version(record)
    activity = URIRef(iris.extraction_iri(sha))
    agent = URIRef(iris.agent_iri(version))
    out.add(activity, RDF.type, PROV.Activity)
    out.add(activity, PROV.used, expr)
    out.add(activity, PROV.wasAssociatedWith, agent)
    out.add(agent, RDF.type, PROV.SoftwareAgent)
    out.add(agent, RDFS.label, Literal(f"uncite extractor {version}"))
    out.add(agent, OWL.versionInfo, Literal(version))

    relations = set(kinds_config()["relations"])
    for index, cit in enumerate(record.get("citations") or [], start=1):
        target = cit["target"]
        cited = out.work(target, cit.get("kind") or "other", body=cit.get("body"), date=cit.get("date"))
        relation = UNC[cit.get("relation") if cit.get("relation") in relations else "cites"]
        out.add(work, CITO.cites, cited)
        out.add(work, relation, cited)

        node = URIRef(iris.citation_iri(sha, index))
        out.add(node, RDF.type, UNC.Citation)
        out.add(node, UNC.citingWork, work)
        out.add(node, UNC.citedWork, cited)
        out.add(node, UNC.relation, relation)
        out.add(node, UNC.inExpression, expr)
        out.add(node, PROV.wasGeneratedBy, activity)
        quote = URIRef(f"{node}/quote")
        out.add(node, OA.hasSelector, quote)
        out.add(quote, RDF.type, OA.TextQuoteSelector)
        out.add(quote, OA.exact, Literal(cit.get("text") or ""))
        if cit.get("start") is not None and cit.get("end") is not None:
            position = URIRef(f"{node}/position")
            out.add(node, OA.hasSelector, position)
            out.add(position, RDF.type, OA.TextPositionSelector)
            out.add(position, OA.start, Literal(int(cit["start"]), datatype=XSD.integer))
            out.add(position, OA.end, Literal(int(cit["end"]), datatype=XSD.integer))
        if cit.get("footnote") is not None:
            out.add(node, UNC.footnote, Literal(int(cit["footnote"]), datatype=XSD.integer))
        if cit.get("paragraph"):
            out.add(node, UNC.paragraph, Literal(str(cit["paragraph"])))
        if cit.get("locator"):
            out.add(node, UNC.locator, Literal(str(cit["locator"])))

        adopter_key = cit.get("adopted_by")
        if adopter_key and adopter_key != target:
            # What the text states about the instrument: "adopted by resolution 55/25".
            adopter = out.work(adopter_key, kind_from_symbol(adopter_key) or "other")
            out.add(adopter, UNC.adopts, cited)
            out.add(adopter, CITO.cites, cited)
    return out.triples


def document_graph_iri(record: dict[str, Any]) -> str:
    return iris.graph_iri(record["sha256"])


def emit_graph(record: dict[str, Any]) -> Graph:
    """The document's triples as an rdflib Graph (identifier = its named graph IRI)."""
    graph = Graph(identifier=URIRef(document_graph_iri(record)))
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    for triple in emit_triples(record):
        graph.add(triple)
    return graph


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def nt_term(term: URIRef | Literal) -> str:
    """N-Triples syntax of a term, datatype always explicit (rdflib's n3() would write 5 for
    "5"^^xsd:nonNegativeInteger, which SPARQL reads back as xsd:integer)."""
    if isinstance(term, Literal):
        lexical = f'"{str(term).translate(_ESCAPES)}"'
        if term.language:
            return f"{lexical}@{term.language}"
        return f"{lexical}^^<{term.datatype}>" if term.datatype else lexical
    return f"<{term}>"


def ntriples_lines(triples: Iterable[Triple]) -> Iterable[str]:
    """N-Triples lines, also valid inside SPARQL INSERT DATA."""
    for s, p, o in triples:
        yield f"{nt_term(s)} {nt_term(p)} {nt_term(o)} ."
