"""Load the citation graph from the Oxigraph store into networkx, following the shared graph contract.

Every analysis in graph/ (lineage, series, main path, influence, anomalies) works on the
`nx.MultiDiGraph` returned here, so that notebooks and the CLI read the store and nothing else.
Node id = target key ("A/RES/55/25", "convention:UNTOC"); edges go citing -> cited, keyed by relation.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import networkx as nx

DEFAULT_STORE = Path(".uncite/store")
UNDOCS = "https://undocs.org/"
ID_BASE = "https://w3id.org/uncite/id/"
UNC = "https://w3id.org/uncite/ontology#"
CITO_CITES = "http://purl.org/spar/cito/cites"
_DATA = Path(__file__).parent / "data" / "lineage.json"
_QUERIES = Path(__file__).parent / "queries"
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_WORK_PROPERTIES: dict[str, tuple[str, Any]] = {
    "kind": ("kind", lambda v: _local(v)), "passed_by": ("body", lambda v: _local(v)), "symbol": ("symbol", str),
    "date": ("date", str), "session": ("session", int), "prefLabel": ("label", str), "label": ("label", str),
    "agendaItem": ("agenda_item", str), "title": ("title", str), "inCorpus": ("in_corpus", str),
}
_LANG3 = {"eng": "en", "fra": "fr", "spa": "es", "ara": "ar", "rus": "ru", "zho": "zh", "chi": "zh"}


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """Words and patterns of the analysis layer (graph/data/lineage.json), read once."""
    return json.loads(_DATA.read_text(encoding="utf-8"))


def _query_text(name: str) -> str:
    return (_QUERIES / name).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- keys and dates

def key_from_iri(iri: str) -> str:
    """Target key of a work IRI (the inverse of the contract's IRI rule).

    >>> key_from_iri("https://undocs.org/A/RES/2200(XXI)%5BA%5D")
    'A/RES/2200(XXI)[A]'
    >>> key_from_iri("https://w3id.org/uncite/id/convention/UNTOC")
    'convention:UNTOC'
    """
    if iri.startswith(UNDOCS):
        return unquote(iri[len(UNDOCS):])
    if iri.startswith(ID_BASE):
        prefix, _, rest = iri[len(ID_BASE):].partition("/")
        return f"{prefix}:{unquote(rest)}"
    return iri


def iri_for_key(key: str) -> str:
    """Work IRI of a key, per the contract (UN symbols on undocs.org, other keys under w3id).

    >>> iri_for_key("S/RES/1373(2001)")
    'https://undocs.org/S/RES/1373(2001)'
    >>> iri_for_key("decision:CTOC/COP/4/3")
    'https://w3id.org/uncite/id/decision/CTOC/COP/4/3'
    """
    from urllib.parse import quote

    prefix, sep, rest = key.partition(":")
    if sep and re.fullmatch(r"[a-z][a-z-]*", prefix):
        return f"{ID_BASE}{prefix}/{quote(rest, safe='/()')}"
    return UNDOCS + quote(key, safe="/()")


def _roman(text: str) -> int:
    total = 0
    for a, b in zip(text, text[1:] + " "):
        value = _ROMAN[a]
        total += -value if b != " " and _ROMAN.get(b, 0) > value else value
    return total


def session_year(session: int, body: str | None) -> int | None:
    """Calendar year in which a session of `body` mostly sits (GA session n ~ 1945 + n).

    >>> session_year(56, "GA")
    2001
    """
    rules = lexicon()["session_year"]
    if body == "GA":
        return rules["GA"] + session
    if body == "HRC":
        hrc = rules["HRC"]
        return hrc["first_year"] + (session - 1) // hrc["sessions_per_year"]
    return None


def infer_year(key: str, session: int | None = None, body: str | None = None) -> int | None:
    """Year implied by a symbol (A/RES/56/x -> 2001, S/RES/1373(2001) -> 2001) or by body+session.

    >>> infer_year("A/RES/56/120"), infer_year("E/RES/2005/14"), infer_year("doc:ab12", 60, "GA")
    (2001, 2005, 2005)
    """
    for rule in lexicon()["year_rules"]:
        m = re.search(rule["pattern"], key)
        if not m:
            continue
        value = m.group(1)
        convert = rule["convert"]
        if convert == "year":
            return int(value)
        if convert == "ga-session":
            return session_year(int(value), "GA")
        if convert == "roman-ga-session":
            return session_year(_roman(value.upper()), "GA")
        if convert == "hrc-session":
            return session_year(int(value), "HRC")
    if session is not None and body is not None:
        return session_year(session, body)
    return None


def natural_key(text: str) -> tuple[Any, ...]:
    """Sort key that orders 'A/RES/55/25' before 'A/RES/55/255' and '56/9' before '56/10'."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", text) if p)


def time_key(attrs: Mapping[str, Any], node: str = "") -> tuple[Any, ...]:
    """Sort key for the order of time: real date, else (inferred) year, unknown last; ties by symbol.

    >>> sorted(["b", "a"], key=lambda n: time_key({"a": {"year": 2001}, "b": {"date": "2000-11-15", "year": 2000}}[n], n))
    ['b', 'a']
    """
    year = attrs.get("year")
    date = attrs.get("date")
    if year is None:
        return (1, 0, "", natural_key(node))
    return (0, year, date or f"{year:04d}-99", natural_key(node))


def compare_time(a: Mapping[str, Any], b: Mapping[str, Any]) -> int | None:
    """-1, 0, 1 as `a` is older than, as old as, newer than `b`; None when either time is unknown.

    Full dates are compared when both have them; otherwise years (an inferred year equals any date
    in that year, so it never makes an anomaly on its own).

    >>> compare_time({"date": "2000-11-15", "year": 2000}, {"year": 2001})
    -1
    >>> compare_time({"date": "2001-12-19", "year": 2001}, {"year": 2001}) is None
    False
    """
    if a.get("date") and b.get("date"):
        return (a["date"] > b["date"]) - (a["date"] < b["date"])
    ya, yb = a.get("year"), b.get("year")
    if ya is None or yb is None:
        return None
    return (ya > yb) - (ya < yb)


def normalise_symbol(text: str) -> str:
    """Turn what a user types into a target key.

    >>> normalise_symbol("56/120"), normalise_symbol("S/RES/1373 (2001)"), normalise_symbol("a/res/55/25")
    ('A/RES/56/120', 'S/RES/1373(2001)', 'A/RES/55/25')
    >>> normalise_symbol("resolution 2200 (XXI) A"), normalise_symbol("convention:UNTOC")
    ('A/RES/2200(XXI)[A]', 'convention:UNTOC')
    """
    raw = text.strip()
    prefix, sep, _rest = raw.partition(":")
    if sep and re.fullmatch(r"[a-z][a-z-]*", prefix) and prefix not in {"http", "https"}:
        return raw
    if raw.startswith(("http://", "https://")):
        return key_from_iri(raw)
    words = "|".join(re.escape(w) for w in lexicon()["symbol_prefix_words"])
    cleaned = re.sub(rf"^(?:{words})\s+", "", raw, flags=re.IGNORECASE).strip()
    upper = re.sub(r"\s+", " ", cleaned.upper())
    for rule in lexicon()["symbol_rules"]:
        m = re.match(rule["pattern"], upper)
        if m:
            groups = [g for g in m.groups()]
            if groups and groups[-1] is not None and "part_template" in rule and len(groups) == 3:
                return rule["part_template"].format(*groups)
            return rule["template"].format(*[g for g in groups if g is not None])
    return re.sub(r"\s+", "", upper)


def resolve_node(graph: nx.Graph, text: str) -> str | None:
    """Node of `graph` a user means by `text`: its key, its symbol in any spelling, or its label.

    >>> g = nx.MultiDiGraph(); g.add_node("A/RES/56/120", label="A/RES/56/120")
    >>> resolve_node(g, "56/120")
    'A/RES/56/120'
    """
    if text in graph:
        return text
    key = normalise_symbol(text)
    if key in graph:
        return key
    folded = text.strip().casefold()
    for node, attrs in graph.nodes(data=True):
        if folded in {str(node).casefold(), str(attrs.get("label") or "").casefold(),
                      str(attrs.get("iri") or "").casefold()}:
            return node
    matches = [n for n in graph if str(n).casefold().startswith(folded)] if len(folded) >= 6 else []
    return matches[0] if len(matches) == 1 else None


# --------------------------------------------------------------------------- node attributes

def fallback_label(key: str, attrs: Mapping[str, Any]) -> str:
    """A readable label for a work without symbol: '<title…> (GA, session 60)', else the key.

    >>> fallback_label("doc:0011", {"title": None, "body": "GA", "session": 60, "kind": "ga-resolution"})
    'ga-resolution (GA, session 60) doc:0011'
    """
    context = ", ".join(x for x in (attrs.get("body"), f"session {attrs['session']}" if attrs.get("session") else None) if x)
    title = attrs.get("title")
    if title:
        short = title if len(title) <= 60 else title[:59].rstrip() + "…"
        return f"{short} ({context})" if context else short
    if context:
        return f"{attrs.get('kind') or 'document'} ({context}) {key}"
    return key


def complete_node(key: str, attrs: dict[str, Any]) -> dict[str, Any]:
    """Fill the contract's node attributes: year (inferred from session/symbol when no date), label..."""
    attrs.setdefault("key", key)
    attrs.setdefault("iri", iri_for_key(key))
    for name in ("kind", "body", "session", "date", "title"):
        attrs.setdefault(name, None)
    attrs.setdefault("in_corpus", False)
    attrs.setdefault("defined", True)
    date = attrs.get("date")
    if date and re.match(r"\d{4}", str(date)):
        attrs["date"] = str(date)[:10]
        attrs["year"] = int(str(date)[:4])
        attrs["date_inferred"] = False
    else:
        attrs["date"] = None
        attrs["year"] = infer_year(key, attrs.get("session"), attrs.get("body"))
        attrs["date_inferred"] = attrs["year"] is not None
    if not attrs.get("label"):
        attrs["label"] = attrs.get("symbol") or (fallback_label(key, attrs) if key.startswith("doc:") else key)
    return attrs


def _add_mention(graph: nx.MultiDiGraph, citing: str, cited: str, relation: str, mention: dict[str, Any]) -> None:
    """Add one mention: the first sets the edge's attributes, later ones are counted in `mentions`."""
    if graph.has_edge(citing, cited, key=relation):
        data = graph.edges[citing, cited, relation]
        if mention.get("text") is not None and mention not in data["mentions"]:
            data["mentions"].append(mention)
            data["count"] = len(data["mentions"])
        return
    mentions = [mention] if mention.get("text") is not None else []
    graph.add_edge(citing, cited, key=relation, relation=relation, text=mention.get("text"),
                   paragraph=mention.get("paragraph"), footnote=mention.get("footnote"),
                   language=mention.get("language"), mentions=mentions, count=max(1, len(mentions)))


def adoption_years(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Give an undated instrument the year of the resolution that adopts or annexes it (flagged inferred).

    >>> g = nx.MultiDiGraph([("A/RES/55/25", "convention:UNTOC", "adopts")])
    >>> g.nodes["A/RES/55/25"].update(year=2000); g.nodes["convention:UNTOC"].update(year=None)
    >>> adoption_years(g).nodes["convention:UNTOC"]["year"], g.nodes["convention:UNTOC"]["date_inferred"]
    (2000, True)
    """
    structural = set(lexicon()["structural_relations"])
    for adopter, instrument, relation in graph.edges(keys=True):
        attrs = graph.nodes[instrument]
        year = graph.nodes[adopter].get("year")
        if relation in structural and attrs.get("year") is None and year is not None:
            attrs.update(year=year, date_inferred=True, adopted_by=adopter)
    return graph


# --------------------------------------------------------------------------- from the store

def open_store(store: Any = None) -> Any:
    """A pyoxigraph.Store from a Store, a directory, or None (the default `.uncite/store`)."""
    import pyoxigraph

    if isinstance(store, pyoxigraph.Store):
        return store
    path = Path(store) if store is not None else DEFAULT_STORE
    if not path.exists():
        raise FileNotFoundError(f"no store at {path}: build one first (see `uncite --help`)")
    try:
        return pyoxigraph.Store.read_only(str(path))
    except OSError:
        return pyoxigraph.Store(str(path))


def _rows(store: Any, query_file: str) -> list[dict[str, str | None]]:
    """Rows of a ready query as plain strings ('' = unbound -> None), over the union of all graphs.

    Serialised to CSV inside Oxigraph: reading terms one by one from Python costs ~10x more on large stores.
    """
    import csv
    import io

    import pyoxigraph

    result = store.query(_query_text(query_file), use_default_graph_as_union=True)
    reader = csv.reader(io.StringIO(result.serialize(format=pyoxigraph.QueryResultsFormat.CSV).decode("utf-8")))
    header = next(reader, [])
    return [{name: (value if value != "" else None) for name, value in zip(header, row)} for row in reader]


def _local(iri: str) -> str:
    """Local name of an IRI: after '#', else after the last '/' (percent-decoded)."""
    cut = iri.rfind("#")
    tail = iri[(cut if cut >= 0 else iri.rfind("/")) + 1:]
    return unquote(tail) if "%" in tail else tail


def _lang_of(expr: str | None, lang: str | None) -> str | None:
    if lang:
        code = _local(lang).lower() if lang.startswith("http") else lang.lower()
        return _LANG3.get(code, code)
    if expr and expr.startswith(UNDOCS):
        first = expr[len(UNDOCS):].split("/", 1)[0]
        if re.fullmatch(r"[a-z]{2}", first):
            return first
    return None


def _selected_works(store: Any, select: str) -> set[str]:
    """IRIs bound to ?work by a SPARQL SELECT query, or by a bare group pattern."""
    from graph.namespaces import PREFIXES

    query = select if re.search(r"\bSELECT\b", select, re.IGNORECASE) else f"SELECT DISTINCT ?work WHERE {{ {select} }}"
    rows = store.query(query, use_default_graph_as_union=True, prefixes=PREFIXES)
    return {s["work"].value for s in rows if s["work"] is not None}


def load_citation_graph(store: Any = None, select: str | None = None,
                        neighbours: bool = False) -> nx.MultiDiGraph:
    """Read the works and citations of the store into an `nx.MultiDiGraph` (contract node/edge attributes).

    `store`: a pyoxigraph.Store or a store directory (default `.uncite/store`). `select`: a SPARQL
    SELECT binding `?work` (or just a group pattern over `?work`) to load only part of the graph;
    `neighbours=True` also keeps the works those selected ones cite or are cited by. The usual
    prefixes (unc:, cito:, dcterms:, eli:, kind:, body:...) are predeclared.

    >>> import pyoxigraph as ox
    >>> s = ox.Store(); W = ox.NamedNode
    >>> s.add(ox.Quad(W("https://undocs.org/A/RES/56/120"), W("http://purl.org/spar/cito/cites"),
    ...               W("https://undocs.org/A/RES/55/25")))
    >>> sorted(load_citation_graph(s).edges(keys=True))
    [('A/RES/56/120', 'A/RES/55/25', 'cites')]
    """
    store = open_store(store)
    keep = _selected_works(store, select) if select else None
    graph = nx.MultiDiGraph()
    iri_key: dict[str, str] = {}
    merged: dict[str, dict[str, Any]] = {}
    attributes: dict[str, list[tuple[str, str, str | None]]] = {}
    for row in _rows(store, "network_works.rq"):
        attributes.setdefault(row["work"], []).append((_local(row["property"]), row["value"] or "", row["lang"]))
    for iri, values in attributes.items():
        if not any(p == "Work" for p, _, _ in values):
            continue  # a body or an expression: not a node
        if keep is not None and iri not in keep and not neighbours:
            continue
        keys = sorted(v for p, v, _ in values if p == "key")
        key = keys[0] if keys else key_from_iri(iri)
        iri_key[iri] = key
        attrs = merged.setdefault(key, {"key": key, "iri": iri})
        for prop, value, lang in sorted(values, key=lambda pv: (pv[0], pv[1])):
            name, conv = _WORK_PROPERTIES.get(prop, (None, str))
            if name is None:
                continue
            if name == "title":
                if attrs.get("title") is None or lang == "en":
                    attrs["title"] = value
            elif name == "in_corpus":
                attrs["in_corpus"] = attrs.get("in_corpus", False) or value in {"true", "1"}
            elif attrs.get(name) is None:
                attrs[name] = conv(value)

    def node_for(iri: str) -> str:
        key = iri_key.get(iri)
        if key is None:  # cited but never described as a unc:Work
            key = iri_key[iri] = key_from_iri(iri)
            merged.setdefault(key, {"key": key, "iri": iri, "defined": False})
        return key

    def wanted(citing: str, cited: str) -> bool:
        if keep is None:
            return True
        return (citing in keep and cited in keep) or (neighbours and (citing in keep or cited in keep))

    mentions: list[tuple[str, str, str, dict[str, Any]]] = []
    for row in _rows(store, "network_mentions.rq"):
        citing, cited = row["citing"], row["cited"]
        if not wanted(citing, cited):
            continue
        footnote = row["footnote"]
        mention = {"text": row["exact"], "paragraph": row["paragraph"],
                   "footnote": int(footnote) if footnote and footnote.isdigit() else footnote,
                   "language": _lang_of(row["expr"], row["lang"]), "citation": row["citation"]}
        mentions.append((node_for(citing), node_for(cited), _local(row["relation"] or "cites"), mention))
    direct: list[tuple[str, str, str]] = []
    for row in _rows(store, "network_edges.rq"):
        citing, cited = row["citing"], row["cited"]
        if wanted(citing, cited):
            direct.append((node_for(citing), node_for(cited), _local(row["property"])))

    wanted_nodes = None if keep is None else {iri_key.get(i, key_from_iri(i)) for i in keep}
    if wanted_nodes is not None and neighbours:
        wanted_nodes |= {k for c, d, *_ in mentions + direct for k in (c, d)}
    for key, attrs in merged.items():
        if wanted_nodes is None or key in wanted_nodes:
            graph.add_node(key, **complete_node(key, attrs))
    for citing, cited, relation, mention in sorted(mentions, key=lambda m: (m[0], m[1], m[2], m[3]["citation"])):
        _add_mention(graph, citing, cited, relation, {k: v for k, v in mention.items() if k != "citation"})
    typed = {(u, v) for u, v, _ in direct if _ != "cites"} | {(u, v) for u, v, _ in graph.edges(keys=True)}
    for citing, cited, relation in sorted(direct):
        if relation == "cites" and (citing, cited) in typed:
            continue  # the cito:cites materialisation of a typed edge is not a separate citation
        if not graph.has_edge(citing, cited, key=relation):
            _add_mention(graph, citing, cited, relation, {})
    for node in graph.nodes:  # endpoints only known through edges
        if "year" not in graph.nodes[node]:
            graph.nodes[node].update(complete_node(node, dict(merged.get(node, {"defined": False}))))
    return adoption_years(graph)


def load_lineage_graph(store: Any, key: str) -> nx.MultiDiGraph:
    """Only what `key` cites and what cites it, transitively (SPARQL `cito:cites*` both ways), with the
    citations among them: all a lineage needs, without reading the whole store.

    Any path between two of these works runs through works of the same closure, so chains computed
    on this part equal those on the whole graph.

    >>> import pyoxigraph as ox
    >>> s = ox.Store(); W = ox.NamedNode; cites = W("http://purl.org/spar/cito/cites")
    >>> s.add(ox.Quad(W("https://undocs.org/A/RES/56/120"), cites, W("https://undocs.org/A/RES/55/25")))
    >>> s.add(ox.Quad(W("https://undocs.org/A/RES/60/1"), cites, W("https://undocs.org/A/RES/59/1")))
    >>> sorted(load_lineage_graph(s, "A/RES/55/25"))
    ['A/RES/55/25', 'A/RES/56/120']
    """
    iri = iri_for_key(key)
    select = (f"SELECT DISTINCT ?work WHERE {{ {{ <{iri}> cito:cites* ?work }} UNION {{ ?work cito:cites* <{iri}> }} }}")
    return load_citation_graph(store, select=select)


# --------------------------------------------------------------------------- from extractor records

@lru_cache(maxsize=1)
def _symbol_kinds() -> list[tuple[str, str]]:
    """Symbol pattern -> kind, shared with the RDF emitter (graph/data/kinds.json)."""
    data = json.loads((_DATA.parent / "kinds.json").read_text(encoding="utf-8"))
    return [(pattern, kind) for pattern, kind in data.get("symbol_kinds", [])]


def kind_from_symbol(symbol: str) -> str | None:
    """Kind a symbol implies ("A/RES/..." -> "ga-resolution"), None when it implies none.

    >>> kind_from_symbol("S/RES/1373(2001)"), kind_from_symbol("A/60/131")
    ('sc-resolution', None)
    """
    for pattern, kind in _symbol_kinds():
        if re.match(pattern, symbol):
            return kind
    return None


def record_key(record: Mapping[str, Any]) -> str:
    """Node key of an extracted document: its symbol, else `doc:<first 16 hex of sha256>`."""
    if record.get("symbol"):
        return str(record["symbol"])
    if record.get("sha256"):
        return f"doc:{str(record['sha256'])[:16]}"
    return f"doc:{Path(str(record.get('file', 'unknown'))).stem}"


def graph_from_records(records: Iterable[Mapping[str, Any]]) -> nx.MultiDiGraph:
    """Build the same graph straight from extractor JSON records (no store): for notebooks, tests, benchmarks.

    >>> g = graph_from_records([{"symbol": "A/RES/56/120", "body": "GA", "session": 56, "citations":
    ...     [{"target": "A/RES/55/25", "kind": "ga-resolution", "relation": "recalls", "text": "sa résolution 55/25",
    ...       "date": "2000-11-15"}]}])
    >>> g.nodes["A/RES/55/25"]["date"], g.nodes["A/RES/56/120"]["date_inferred"]
    ('2000-11-15', True)
    """
    graph = nx.MultiDiGraph()
    docs: dict[str, dict[str, Any]] = {}
    cited: dict[str, dict[str, Any]] = {}
    edges: list[tuple[str, str, str, dict[str, Any]]] = []
    for record in records:
        key = record_key(record)
        attrs = docs.setdefault(key, {"in_corpus": True, "symbol": record.get("symbol")})
        for name in ("body", "session", "date", "title", "agenda_item"):
            if record.get(name) is not None and attrs.get(name) is None:
                attrs[name] = record[name]
        if attrs.get("kind") is None and record.get("symbol"):
            attrs["kind"] = kind_from_symbol(str(record["symbol"]))
        if attrs.get("kind") is None and record.get("doc_type") and record.get("body"):
            attrs["kind"] = f"{str(record['body']).lower()}-{record['doc_type']}"
        for cit in record.get("citations", []):
            target = cit["target"]
            info = cited.setdefault(target, {})
            for name, src in (("kind", "kind"), ("date", "date"), ("body", "body")):
                if cit.get(src) is not None and info.get(name) is None:
                    info[name] = cit[src]
            edges.append((key, target, cit.get("relation") or "cites",
                          {"text": cit.get("text"), "paragraph": cit.get("paragraph"),
                           "footnote": cit.get("footnote"), "language": record.get("language")}))
    for key, info in cited.items():
        if key not in docs:
            symbol = None if re.match(r"^[a-z-]+:", key) else key
            graph.add_node(key, **complete_node(key, {**info, "symbol": symbol, "in_corpus": False}))
    for key, attrs in docs.items():
        kind_hint = cited.get(key, {})
        attrs.setdefault("kind", kind_hint.get("kind"))
        if attrs.get("kind") is None:
            attrs["kind"] = kind_hint.get("kind")
        if attrs.get("date") is None and kind_hint.get("date"):
            attrs["date"] = kind_hint["date"]
        graph.add_node(key, **complete_node(key, attrs))
    for citing, target, relation, mention in edges:
        _add_mention(graph, citing, target, relation, mention)
    return adoption_years(graph)


def citation_digraph(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """Collapse parallel typed edges into one citing -> cited edge with the set of `relations`.

    >>> g = nx.MultiDiGraph([("b", "a", "recalls"), ("b", "a", "cites")])
    >>> citation_digraph(g).edges["b", "a"]["relations"]
    ['cites', 'recalls']
    """
    simple = nx.DiGraph()
    simple.add_nodes_from(graph.nodes(data=True))
    simple.add_edges_from((u, v, {"relations": sorted(keys)})
                          for u, nbrs in graph.adjacency() for v, keys in nbrs.items() if keys)
    return simple
