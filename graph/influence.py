"""Influence in the citation graph: most cited, PageRank, HITS authorities, similarity, communities.

All functions take the contract graph (`nx.MultiDiGraph`, citing -> cited) or its collapsed DiGraph;
parallel typed edges between the same two documents count as one citation.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping
from typing import Literal

import networkx as nx

from graph.network import citation_digraph


def _simple(graph: nx.Graph) -> nx.DiGraph:
    return citation_digraph(graph) if graph.is_multigraph() else graph


def top(scores: Mapping[Hashable, float], n: int = 10) -> list[tuple[Hashable, float]]:
    """The `n` highest scores, ties by key.

    >>> top({"a": 1, "b": 3, "c": 3}, 2)
    [('b', 3), ('c', 3)]
    """
    return sorted(scores.items(), key=lambda kv: (-kv[1], str(kv[0])))[:n]


def in_degree_by_kind(graph: nx.Graph, n: int = 10) -> dict[str, list[tuple[Hashable, int]]]:
    """Most cited documents of each kind (number of distinct citing documents).

    >>> g = nx.MultiDiGraph([("b", "a", "recalls"), ("b", "a", "cites"), ("c", "a", "cites"), ("c", "u", "cites")])
    >>> g.nodes["a"]["kind"] = "ga-resolution"; g.nodes["u"]["kind"] = "convention"
    >>> in_degree_by_kind(g)
    {'convention': [('u', 1)], 'ga-resolution': [('a', 2)]}
    """
    simple = _simple(graph)
    by_kind: dict[str, dict[Hashable, int]] = defaultdict(dict)
    for node, degree in simple.in_degree():
        if degree:
            by_kind[simple.nodes[node].get("kind") or "unknown"][node] = degree
    return {kind: top(scores, n) for kind, scores in sorted(by_kind.items())}


def most_cited(graph: nx.Graph, n: int = 10, kinds: set[str] | None = None) -> list[tuple[Hashable, int]]:
    """The `n` documents cited by the most distinct documents (optionally only some kinds).

    >>> most_cited(nx.MultiDiGraph([("b", "a", "cites"), ("c", "a", "cites"), ("c", "b", "cites")]), 1)
    [('a', 2)]
    """
    simple = _simple(graph)
    return top({v: d for v, d in simple.in_degree()
                if d and (kinds is None or simple.nodes[v].get("kind") in kinds)}, n)


def pagerank(graph: nx.Graph, alpha: float = 0.85) -> dict[Hashable, float]:
    """PageRank (networkx) on the collapsed citation graph: documents cited by well-cited documents rank high.

    >>> pr = pagerank(nx.DiGraph([("b", "a"), ("c", "a"), ("c", "b")]))
    >>> max(pr, key=pr.get)
    'a'
    """
    return nx.pagerank(_simple(graph), alpha=alpha)


def hits_authorities(graph: nx.Graph, max_iter: int = 500) -> dict[Hashable, float]:
    """HITS authority scores (networkx): cited by good hubs, i.e. by documents that cite broadly.

    >>> auth = hits_authorities(nx.DiGraph([("h1", "a"), ("h2", "a"), ("h1", "b")]))
    >>> max(auth, key=auth.get)
    'a'
    """
    simple = _simple(graph)
    if simple.number_of_edges() == 0:
        return {n: 0.0 for n in simple}
    _hubs, authorities = nx.hits(simple, max_iter=max_iter, normalized=True)
    return authorities


def cocitation_counts(graph: nx.Graph, min_count: int = 2) -> Counter[tuple[Hashable, Hashable]]:
    """How often two documents are cited together by the same document (pairs sorted, counts >= min_count).

    >>> cocitation_counts(nx.DiGraph([("x", "a"), ("x", "b"), ("y", "a"), ("y", "b"), ("y", "c")]))
    Counter({('a', 'b'): 2})
    """
    simple = _simple(graph)
    counts: Counter[tuple[Hashable, Hashable]] = Counter()
    for citing in simple:
        refs = sorted(simple.successors(citing), key=str)
        for i, a in enumerate(refs):
            for b in refs[i + 1:]:
                counts[(a, b)] += 1
    return Counter({pair: c for pair, c in counts.items() if c >= min_count})


def _similar(simple: nx.DiGraph, node: Hashable, forward: bool, n: int) -> list[tuple[Hashable, float]]:
    """Salton (cosine) similarity of `node` with the others on shared citers (co-citation) or shared references."""
    first = simple.predecessors if forward else simple.successors
    second = simple.successors if forward else simple.predecessors
    degree = simple.in_degree if forward else simple.out_degree
    shared: Counter[Hashable] = Counter()
    for middle in first(node):
        for other in second(middle):
            if other != node:
                shared[other] += 1
    return top({o: c / math.sqrt(degree(node) * degree(o)) for o, c in shared.items()}, n)


def cocitation_similarity(graph: nx.Graph, node: Hashable, n: int = 10) -> list[tuple[Hashable, float]]:
    """Documents most often cited together with `node`, by Salton's cosine (shared citers / sqrt of in-degrees).

    >>> cocitation_similarity(nx.DiGraph([("x", "a"), ("x", "b"), ("y", "a"), ("y", "c")]), "a")
    [('b', 0.7071067811865475), ('c', 0.7071067811865475)]
    """
    return _similar(_simple(graph), node, True, n)


def coupling_similarity(graph: nx.Graph, node: Hashable, n: int = 10) -> list[tuple[Hashable, float]]:
    """Bibliographic coupling: documents sharing references with `node`, by cosine on out-degrees.

    >>> coupling_similarity(nx.DiGraph([("x", "a"), ("x", "b"), ("y", "a"), ("y", "b"), ("z", "b")]), "x")
    [('y', 1.0), ('z', 0.7071067811865475)]
    """
    return _similar(_simple(graph), node, False, n)


def communities(graph: nx.Graph, method: Literal["louvain", "greedy", "label"] = "louvain",
                seed: int = 42) -> list[set[Hashable]]:
    """Communities of the undirected citation graph (networkx's Louvain, greedy modularity or label propagation),
    largest first.

    >>> g = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y"), ("y", "z"), ("z", "x"), ("a", "x")])
    >>> sorted(sorted(c) for c in communities(g))
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    undirected = nx.Graph(_simple(graph).to_undirected(as_view=True))
    undirected.remove_edges_from(nx.selfloop_edges(undirected))
    if method == "louvain":
        found = nx.community.louvain_communities(undirected, seed=seed)
    elif method == "greedy":
        found = nx.community.greedy_modularity_communities(undirected)
    else:
        found = nx.community.asyn_lpa_communities(undirected, seed=seed)
    return sorted((set(c) for c in found), key=lambda c: (-len(c), sorted(map(str, c))[0]))
