"""Key -> IRI rules. One place decides every IRI uncite mints, so re-building gives the same IRIs.

- UN symbol key (no `prefix:`)  -> https://undocs.org/<symbol>          (work)
                                -> https://undocs.org/<lang>/<symbol>   (language version)
- `prefix:rest` key             -> https://w3id.org/uncite/id/<prefix>/<rest>
- corpus document without symbol -> key `doc:<first 16 hex of sha256>` -> .../id/doc/<hex16>
- named graph of a document version -> https://w3id.org/uncite/graph/<sha256>
"""
from __future__ import annotations

import re
from urllib.parse import quote, unquote

from graph.namespaces import GRAPH, ID, UNDOCS

# Characters an IRI path segment may carry as-is (RFC 3987 ipchar minus '%'), plus '/' between segments.
_PATH_SAFE = "/()-._~!$&'*+,;=:@"
_PREFIXED = re.compile(r"^([a-z][a-z0-9-]*):(.+)$")

INDEX_GRAPH = GRAPH["index"]  # path -> graph bookkeeping
DERIVED_GRAPH = GRAPH["derived"]  # facts recomputed from all documents (unc:inCorpus)
ONTOLOGY_GRAPH = GRAPH["ontology"]  # ontology, kinds and bodies


def encode_path(text: str) -> str:
    """Percent-encode what an IRI path cannot hold (space, [ ], %, non-ASCII...), keep / ( )."""
    return quote(text, safe=_PATH_SAFE)


def is_symbol_key(key: str) -> bool:
    """A UN document symbol, as opposed to a `prefix:rest` key such as convention:UNTOC."""
    return _PREFIXED.match(key) is None


def work_iri(key: str) -> str:
    """The work IRI for an extractor key."""
    match = _PREFIXED.match(key)
    if match is None:
        return UNDOCS + encode_path(key)
    prefix, rest = match.groups()
    return f"{ID}{prefix}/{encode_path(rest)}"


def expression_iri(key: str, language: str | None) -> str:
    """The IRI of one language version of a work (ELI expression)."""
    lang = (language or "und").lower()
    match = _PREFIXED.match(key)
    if match is None:
        return f"{UNDOCS}{encode_path(lang)}/{encode_path(key)}"
    return f"{work_iri(key)}/{encode_path(lang)}"


def document_key(symbol: str | None, sha256: str) -> str:
    """The key of a corpus document: its symbol, else a content-derived `doc:<hex16>`."""
    return symbol if symbol else f"doc:{sha256[:16]}"


def key_from_iri(iri: str) -> str | None:
    """Invert work_iri (for consumers that hold an IRI and want the key back)."""
    if iri.startswith(UNDOCS):
        return unquote(iri[len(UNDOCS):])
    base = str(ID)
    if iri.startswith(base):
        prefix, _, rest = iri[len(base):].partition("/")
        if prefix in ("kind", "body", "citation", "extraction", "agent") or not rest:
            return None
        return f"{prefix}:{unquote(rest)}"
    return None


def graph_iri(sha256: str) -> str:
    """The named graph holding one document version."""
    return f"{GRAPH}{sha256}"


def body_iri(code: str) -> str:
    return f"{ID}body/{encode_path(code)}"


def kind_iri(kind: str) -> str:
    return f"{ID}kind/{encode_path(kind)}"


def citation_iri(sha256: str, index: int) -> str:
    """The n-th (1-based) mention of a document version."""
    return f"{ID}citation/{sha256[:16]}/{index}"


def extraction_iri(sha256: str) -> str:
    """The PROV activity that extracted a document version."""
    return f"{ID}extraction/{sha256[:16]}"


def agent_iri(version: str) -> str:
    return f"{ID}agent/uncite-extractor/{encode_path(version)}"


def file_iri(path: str) -> str:
    """file: IRI of an absolute path (index bookkeeping only)."""
    return "file://" + encode_path(path)
