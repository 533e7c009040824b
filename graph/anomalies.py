"""What looks wrong in the citation graph: cycles, citations of later documents, targets never defined.

Each is usually an extraction error (a wrong number, a misread session) or a gap in the corpus,
so the report lists the evidence (the citing text) to check by hand.
"""
from __future__ import annotations

import itertools
from collections.abc import Hashable
from typing import Any

import networkx as nx

from graph.network import citation_digraph, compare_time


def _simple(graph: nx.Graph) -> nx.DiGraph:
    return citation_digraph(graph) if graph.is_multigraph() else graph


def citation_cycles(graph: nx.Graph, limit: int = 100, length_bound: int | None = 6) -> list[list[Hashable]]:
    """Citation cycles (self-citations included), found with networkx's simple_cycles inside each
    strongly connected component; at most `limit`, shortest first.

    >>> citation_cycles(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("e", "e")]))
    [['e'], ['a', 'b', 'c']]
    """
    simple = _simple(graph)
    found: list[list[Hashable]] = [[n] for n in sorted(nx.nodes_with_selfloops(simple), key=str)]
    for component in nx.strongly_connected_components(simple):
        if len(component) < 2:
            continue
        sub = nx.DiGraph(simple.subgraph(component))
        sub.remove_edges_from(nx.selfloop_edges(sub))
        for cycle in itertools.islice(nx.simple_cycles(sub, length_bound=length_bound), limit):
            pivot = min(range(len(cycle)), key=lambda i: str(cycle[i]))
            found.append(cycle[pivot:] + cycle[:pivot])
    return sorted(found, key=lambda c: (len(c), [str(n) for n in c]))[:limit]


def future_citations(graph: nx.Graph) -> list[dict[str, Any]]:
    """Citations of a document dated after the citing one (with both dates and whether they were inferred).

    >>> g = nx.MultiDiGraph([("A/RES/55/25", "A/RES/56/120", "recalls")])
    >>> g.nodes["A/RES/55/25"].update(date="2000-11-15", year=2000); g.nodes["A/RES/56/120"].update(year=2001, date_inferred=True)
    >>> [(f["citing"], f["cited"], f["cited_date_inferred"]) for f in future_citations(g)]
    [('A/RES/55/25', 'A/RES/56/120', True)]
    """
    nodes = graph.nodes
    found = []
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else (
        (u, v, None, d) for u, v, d in graph.edges(data=True))
    seen: set[tuple[Hashable, Hashable]] = set()
    for u, v, relation, data in edges:
        if (u, v) in seen or compare_time(nodes[v], nodes[u]) != 1:
            continue
        seen.add((u, v))
        found.append({"citing": u, "cited": v, "relation": relation, "text": data.get("text"),
                      "citing_date": nodes[u].get("date") or nodes[u].get("year"),
                      "cited_date": nodes[v].get("date") or nodes[v].get("year"),
                      "citing_date_inferred": bool(nodes[u].get("date_inferred")),
                      "cited_date_inferred": bool(nodes[v].get("date_inferred"))})
    return sorted(found, key=lambda f: (str(f["citing"]), str(f["cited"])))


def undefined_targets(graph: nx.Graph) -> list[dict[str, Any]]:
    """Cited works that are not in the corpus (known only by citation) or never described at all.

    `defined=False` means the store has no unc:Work description for it (only an edge points to it).

    >>> g = nx.MultiDiGraph([("a", "b", "cites")]); g.nodes["a"]["in_corpus"] = True
    >>> g.nodes["b"].update(in_corpus=False, defined=False)
    >>> [(t["key"], t["cited_by"], t["defined"]) for t in undefined_targets(g)]
    [('b', ['a'], False)]
    """
    simple = _simple(graph)
    found = []
    for node, attrs in simple.nodes(data=True):
        if attrs.get("in_corpus"):
            continue
        citers = sorted(map(str, simple.predecessors(node)))
        found.append({"key": node, "kind": attrs.get("kind"), "defined": attrs.get("defined", True),
                      "cited_by": citers, "count": len(citers)})
    return sorted(found, key=lambda t: (-t["count"], str(t["key"])))


def anomaly_report(graph: nx.Graph, limit: int = 100) -> dict[str, Any]:
    """All three checks at once, as a JSON-ready dict.

    >>> sorted(anomaly_report(nx.MultiDiGraph()))
    ['cycles', 'future_citations', 'undefined_targets']
    """
    simple = _simple(graph)
    return {"cycles": citation_cycles(simple, limit=limit), "future_citations": future_citations(graph),
            "undefined_targets": undefined_targets(simple)}
