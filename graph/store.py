"""The persistent Oxigraph store: one named graph per document version, replaced transactionally.

Layout (all graph IRIs under https://w3id.org/uncite/graph/):
- <sha256 hex>  one document version, exactly what graph.rdf_emit emits for it;
- index         `<graph> dcterms:source <file:///abs/path>`: which path currently holds which version;
- derived       `unc:inCorpus true|false` per work, recomputed for the works each replace touches, so a
                work cited before it entered the corpus flips to true when it does (never stale);
- ontology      ontology/uncite.ttl + kinds.ttl + bodies.ttl, so queries can use labels and hierarchies.

Each document replace is ONE SPARQL update (Oxigraph applies an update atomically): drop the path's
old version, insert the new one, move the index entry, recompute inCorpus. A crash or an error
leaves the store as it was before that document.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Literal as Lit

import pyoxigraph as ox

from graph import iris
from graph.namespaces import PREFIXES, UNC
from graph.rdf_emit import Triple, emit_triples, ntriples_lines
from ontology import VOCABULARY_FILES

DEFAULT_STORE = Path(".uncite") / "store"
_DCT_SOURCE = "<http://purl.org/dc/terms/source>"
_DCT_IDENTIFIER = "<http://purl.org/dc/terms/identifier>"
_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_IS_REALIZED_BY = "<http://data.europa.eu/eli/ontology#is_realized_by>"
_SPECIAL_GRAPHS = {str(iris.INDEX_GRAPH), str(iris.DERIVED_GRAPH), str(iris.ONTOLOGY_GRAPH)}

Outcome = Lit["added", "replaced", "unchanged"]


@dataclass(frozen=True)
class BuildResult:
    path: str
    graph: str
    outcome: Outcome


def _iri(value: str) -> str:
    return f"<{value}>"


def _values(works: Iterable[str]) -> str:
    return " ".join(_iri(w) for w in sorted(works))


class UnciteStore:
    """uncite's view of a pyoxigraph.Store (persistent when `path` is given, in memory otherwise)."""

    def __init__(self, path: str | os.PathLike[str] | None = DEFAULT_STORE, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        if self.path is None:
            self.raw = ox.Store()
        elif read_only:
            self.raw = ox.Store.read_only(str(self.path))
        else:
            self.path.mkdir(parents=True, exist_ok=True)
            self.raw = ox.Store(str(self.path))

    # ------------------------------------------------------------------ reading
    def query(self, sparql: str, **kwargs: Any) -> Any:
        """Run SPARQL with the union of all graphs as default graph (prefixes of PREFIXES predeclared)."""
        kwargs.setdefault("use_default_graph_as_union", True)
        kwargs.setdefault("prefixes", PREFIXES)
        return self.raw.query(sparql, **kwargs)

    def quad_count(self) -> int:
        return len(self.raw)

    def triple_count(self) -> int:
        """Distinct triples over the document, derived and ontology graphs (not the index)."""
        result = self.raw.query(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
            f"FILTER (?g != {_iri(str(iris.INDEX_GRAPH))}) }} }}"
        )
        return int(next(iter(result))["n"].value)

    def graph_for_path(self, path: str | os.PathLike[str]) -> str | None:
        source = _iri(iris.file_iri(str(Path(path).resolve())))
        rows = self.raw.query(f"SELECT ?g WHERE {{ GRAPH {_iri(str(iris.INDEX_GRAPH))} {{ ?g {_DCT_SOURCE} {source} }} }}")
        graphs = [row["g"].value for row in rows]
        return graphs[0] if graphs else None

    def documents(self) -> list[tuple[str, str]]:
        """(absolute path, graph IRI) of every indexed document, sorted by path."""
        rows = self.raw.query(f"SELECT ?g ?f WHERE {{ GRAPH {_iri(str(iris.INDEX_GRAPH))} {{ ?g {_DCT_SOURCE} ?f }} }}")
        out = [(_path_of(row["f"].value), row["g"].value) for row in rows]
        return sorted(out)

    def document_graphs(self) -> list[str]:
        return sorted(g.value for g in self.raw.named_graphs() if g.value not in _SPECIAL_GRAPHS)

    def _graph_exists(self, graph: str) -> bool:
        return self.raw.contains_named_graph(ox.NamedNode(graph))

    def _works_in(self, graph: str) -> set[str]:
        rows = self.raw.query(
            f"SELECT DISTINCT ?w WHERE {{ GRAPH {_iri(graph)} {{ ?w {_RDF_TYPE} {_iri(str(UNC.Work))} }} }}"
        )
        return {row["w"].value for row in rows}

    def _paths_of(self, graph: str) -> set[str]:
        rows = self.raw.query(f"SELECT ?f WHERE {{ GRAPH {_iri(str(iris.INDEX_GRAPH))} {{ {_iri(graph)} {_DCT_SOURCE} ?f }} }}")
        return {row["f"].value for row in rows}

    # ------------------------------------------------------------------ writing
    def apply(self, operations: list[str]) -> None:
        """Run the operations as ONE SPARQL update request, i.e. one transaction."""
        if operations:
            self.raw.update(" ;\n".join(operations))

    def ensure_vocabulary(self) -> bool:
        """Load (or refresh) the ontology graph; True when it changed. Idempotent."""
        digest = hashlib.sha256(b"".join(Path(p).read_bytes() for p in VOCABULARY_FILES)).hexdigest()
        graph = _iri(str(iris.ONTOLOGY_GRAPH))
        index = _iri(str(iris.INDEX_GRAPH))
        stamp = f'"vocabulary:{digest}"'
        if bool(self.raw.query(f"ASK {{ GRAPH {index} {{ {graph} {_DCT_IDENTIFIER} {stamp} }} }}")):
            return False
        from ontology import vocabulary_graph

        body = "\n".join(ntriples_lines(vocabulary_graph()))  # type: ignore[arg-type]
        self.apply([
            f"DROP SILENT GRAPH {graph}",
            f"DELETE WHERE {{ GRAPH {index} {{ {graph} {_DCT_IDENTIFIER} ?old }} }}",
            f"INSERT DATA {{ GRAPH {graph} {{\n{body}\n}} GRAPH {index} {{ {graph} {_DCT_IDENTIFIER} {stamp} }} }}",
        ])
        return True

    def replacement_operations(self, path: str | os.PathLike[str], record: dict[str, Any],
                               triples: list[Triple] | None = None) -> tuple[list[str], str, Outcome]:
        """The update operations that make `path` hold `record` (empty when already so)."""
        abs_path = str(Path(path).resolve())
        new_graph = iris.graph_iri(record["sha256"])
        old_graph = self.graph_for_path(abs_path)
        if old_graph == new_graph and self._graph_exists(new_graph):
            return [], new_graph, "unchanged"
        triples = triples if triples is not None else emit_triples(record)
        index = _iri(str(iris.INDEX_GRAPH))
        source = _iri(iris.file_iri(abs_path))
        affected = {str(s) for s, p, o in triples if p.n3() == _RDF_TYPE and o == UNC.Work}
        ops: list[str] = [f"DELETE WHERE {{ GRAPH {index} {{ ?g {_DCT_SOURCE} {source} }} }}"]
        if old_graph and old_graph != new_graph:
            affected |= self._works_in(old_graph)
            if self._paths_of(old_graph) <= {iris.file_iri(abs_path)}:  # no other path shares that version
                ops.append(f"DROP SILENT GRAPH {_iri(old_graph)}")
        body = "\n".join(ntriples_lines(triples))
        ops.append(
            f"INSERT DATA {{ GRAPH {_iri(new_graph)} {{\n{body}\n}} "
            f"GRAPH {index} {{ {_iri(new_graph)} {_DCT_SOURCE} {source} }} }}"
        )
        ops.extend(self._in_corpus_operations(affected))
        return ops, new_graph, ("replaced" if old_graph else "added")

    def _in_corpus_operations(self, works: set[str]) -> list[str]:
        """Recompute unc:inCorpus for `works` from what the document graphs say right now."""
        if not works:
            return []
        derived = _iri(str(iris.DERIVED_GRAPH))
        in_corpus = _iri(str(UNC.inCorpus))
        values = _values(works)
        return [
            f"DELETE {{ GRAPH {derived} {{ ?w {in_corpus} ?o }} }} WHERE {{ VALUES ?w {{ {values} }} "
            f"GRAPH {derived} {{ ?w {in_corpus} ?o }} }}",
            f"INSERT {{ GRAPH {derived} {{ ?w {in_corpus} ?b }} }} WHERE {{ VALUES ?w {{ {values} }} "
            f"FILTER EXISTS {{ GRAPH ?t {{ ?w {_RDF_TYPE} {_iri(str(UNC.Work))} }} }} "
            f"BIND (EXISTS {{ GRAPH ?g {{ ?w {_IS_REALIZED_BY} ?e }} }} AS ?b) }}",
        ]

    def replace_document(self, path: str | os.PathLike[str], record: dict[str, Any]) -> BuildResult:
        """Make `path` hold this version of its document, atomically; unchanged files cost one lookup."""
        ops, graph, outcome = self.replacement_operations(path, record)
        self.apply(ops)
        return BuildResult(str(Path(path).resolve()), graph, outcome)

    def remove_document(self, path: str | os.PathLike[str]) -> bool:
        """Forget a path (and its version's graph unless another path holds the same content)."""
        abs_path = str(Path(path).resolve())
        old_graph = self.graph_for_path(abs_path)
        if old_graph is None:
            return False
        index = _iri(str(iris.INDEX_GRAPH))
        ops = [f"DELETE WHERE {{ GRAPH {index} {{ ?g {_DCT_SOURCE} {_iri(iris.file_iri(abs_path))} }} }}"]
        affected = self._works_in(old_graph)
        if self._paths_of(old_graph) <= {iris.file_iri(abs_path)}:
            ops.append(f"DROP SILENT GRAPH {_iri(old_graph)}")
        ops.extend(self._in_corpus_operations(affected))
        derived = _iri(str(iris.DERIVED_GRAPH))
        # Works that no document mentions any more lose their derived flag too.
        ops.append(
            f"DELETE {{ GRAPH {derived} {{ ?w ?p ?o }} }} WHERE {{ GRAPH {derived} {{ ?w ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?t {{ ?w {_RDF_TYPE} {_iri(str(UNC.Work))} }} }} }}"
        )
        self.apply(ops)
        return True

    def recompute_in_corpus(self) -> None:
        """Rebuild the whole derived graph from the document graphs (repair; build keeps it current)."""
        derived = _iri(str(iris.DERIVED_GRAPH))
        self.apply([
            f"DROP SILENT GRAPH {derived}",
            f"INSERT {{ GRAPH {derived} {{ ?w {_iri(str(UNC.inCorpus))} ?b }} }} WHERE {{ "
            f"{{ SELECT DISTINCT ?w WHERE {{ GRAPH ?t {{ ?w {_RDF_TYPE} {_iri(str(UNC.Work))} }} }} }} "
            f"BIND (EXISTS {{ GRAPH ?g {{ ?w {_IS_REALIZED_BY} ?e }} }} AS ?b) }}",
        ])

    def flush(self) -> None:
        if self.path is not None:
            self.raw.flush()


def _path_of(file_iri: str) -> str:
    from urllib.parse import unquote

    return unquote(file_iri[len("file://"):]) if file_iri.startswith("file://") else file_iri


# ---------------------------------------------------------------------- ready queries
QUERY_DIR = Path(__file__).resolve().parent / "queries"


def ready_query_path(name: str) -> Path | None:
    """graph/queries/<name>.rq for a bare ready-query name such as "who-cites"."""
    candidate = QUERY_DIR / (name if name.endswith(".rq") else f"{name}.rq")
    return candidate if candidate.is_file() else None


def query_parameters(sparql: str) -> list[str]:
    """Names of the parameters a query declares as `VALUES ?name { UNDEF }`."""
    import re

    return re.findall(r"VALUES\s+[?$]([A-Za-z_][A-Za-z0-9_]*)\s*\{\s*UNDEF\s*\}", sparql)


def sparql_term(value: str) -> str:
    """A parameter value as SPARQL: <iri> stays, integers stay, anything else becomes a string literal."""
    import json
    import re

    if value.startswith("<") and value.endswith(">"):
        return value
    if re.fullmatch(r"-?\d+", value):
        return value
    return json.dumps(value, ensure_ascii=False)


def bind_parameters(sparql: str, params: dict[str, str]) -> str:
    """Replace each `VALUES ?name { UNDEF }` placeholder by the given value (unbound ones stay open)."""
    import re

    for name, value in params.items():
        pattern = re.compile(rf"VALUES\s+[?$]{re.escape(name)}\s*\{{\s*UNDEF\s*\}}")
        if not pattern.search(sparql):
            declared = ", ".join(f"?{p}" for p in query_parameters(sparql)) or "none"
            raise ValueError(f"the query has no parameter ?{name} (it declares: {declared})")
        term = sparql_term(value)
        sparql = pattern.sub(lambda _m: f"VALUES ?{name} {{ {term} }}", sparql)
    return sparql
