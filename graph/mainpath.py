"""Main path analysis (Hummon & Doreian 1989; key-route variants of Liu & Lu 2012) and the longest path.

Input is a citation DAG with edges citing -> cited (e.g. `graph.lineage.time_ordered_dag(g)`).
Knowledge flows the other way, from the cited (older) work to the citing (newer) one, so every
path returned here is listed oldest first. SPC counts are keyed by the DAG's own (citing, cited) edges.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping
from typing import Literal

import networkx as nx

from graph.network import time_key

Edge = tuple[Hashable, Hashable]
Search = Literal["local", "global"]


def _flow(dag: nx.DiGraph) -> nx.DiGraph:
    """Knowledge-flow view: cited -> citing (old -> new)."""
    return dag.reverse(copy=False)


def spc(dag: nx.DiGraph, exact: bool = True) -> dict[Edge, float]:
    """Search path count of each citation: how many source-to-sink paths go through it.

    One pass over a topological order counts paths from the sources (N-), one pass back counts paths
    to the sinks (N+); SPC(cited -> citing) = N-(cited) * N+(citing). Linear in nodes + edges.
    `exact=False` returns each count divided by the number of all source-sink paths, computed in
    log space (floats), for graphs whose counts have thousands of digits.

    >>> dag = nx.DiGraph([("C", "A"), ("C", "B"), ("D", "C"), ("E", "C"), ("F", "D"), ("F", "E"), ("E", "B")])
    >>> s = spc(dag); s[("F", "E")], s[("E", "B")], s[("C", "A")]
    (3, 1, 2)
    """
    flow = _flow(dag)
    order = list(nx.topological_sort(flow))
    if exact:
        n_minus: dict[Hashable, float] = {}
        for v in order:
            preds = flow._pred[v]
            n_minus[v] = sum(n_minus[u] for u in preds) if preds else 1
        n_plus: dict[Hashable, float] = {}
        for v in reversed(order):
            succs = flow._succ[v]
            n_plus[v] = sum(n_plus[w] for w in succs) if succs else 1
        return {(citing, cited): n_minus[cited] * n_plus[citing] for citing, cited in dag.edges()}

    def logsum(values: list[float]) -> float:
        top = max(values)
        return top + math.log(sum(math.exp(x - top) for x in values))

    lm: dict[Hashable, float] = {}
    for v in order:
        preds = flow._pred[v]
        lm[v] = logsum([lm[u] for u in preds]) if preds else 0.0
    lp: dict[Hashable, float] = {}
    for v in reversed(order):
        succs = flow._succ[v]
        lp[v] = logsum([lp[w] for w in succs]) if succs else 0.0
    sinks = [v for v in order if not flow._succ[v] and flow._pred[v]]
    total = logsum([lm[v] for v in sinks]) if sinks else 0.0
    return {(citing, cited): math.exp(lm[cited] + lp[citing] - total) for citing, cited in dag.edges()}


def _weighted_flow(dag: nx.DiGraph, weights: Mapping[Edge, float]) -> nx.DiGraph:
    flow = nx.DiGraph()
    flow.add_nodes_from(dag.nodes(data=True))
    flow.add_edges_from((cited, citing, {"spc": weights[(citing, cited)]}) for citing, cited in dag.edges())
    return flow


def _pick(candidates: list[Hashable], score: Callable[[Hashable], float], nodes: nx.classes.reportviews.NodeView) -> Hashable:
    """Highest score; ties go to the earlier document (then the lower symbol)."""
    return min(candidates, key=lambda n: (-score(n), time_key(nodes[n], str(n))))


def _forward(flow: nx.DiGraph, start: Hashable) -> list[Hashable]:
    path = [start]
    while flow._succ[path[-1]]:
        here = path[-1]
        path.append(_pick(list(flow._succ[here]), lambda n: flow._succ[here][n]["spc"], flow.nodes))
    return path


def _backward(flow: nx.DiGraph, start: Hashable) -> list[Hashable]:
    path = [start]
    while flow._pred[path[-1]]:
        here = path[-1]
        path.append(_pick(list(flow._pred[here]), lambda n: flow._pred[here][n]["spc"], flow.nodes))
    return path[::-1]


def local_main_path(dag: nx.DiGraph, weights: Mapping[Edge, float] | None = None) -> list[Hashable]:
    """Hummon–Doreian local (forward) main path: from the heaviest source edge, always take the heaviest next edge.

    Ties (which every local search meets at its end) go to the earlier document, then the lower key.

    >>> dag = nx.DiGraph([("C", "A"), ("C", "B"), ("D", "C"), ("E", "C"), ("F", "D"), ("F", "E"), ("E", "B")])
    >>> local_main_path(dag)  # A->C and B->C tie at 2, then C->D and C->E tie at 2
    ['A', 'C', 'D', 'F']
    """
    flow = _weighted_flow(dag, weights if weights is not None else spc(dag))
    starts = [(u, v) for u, v in flow.edges() if not flow._pred[u]]
    if not starts:
        return []
    best = max(flow.edges[e]["spc"] for e in starts)
    tied = [e for e in starts if flow.edges[e]["spc"] == best]
    first = min(tied, key=lambda e: (time_key(flow.nodes[e[0]], str(e[0])), time_key(flow.nodes[e[1]], str(e[1]))))
    return [first[0], *_forward(flow, first[1])]


def global_main_path(dag: nx.DiGraph, weights: Mapping[Edge, float] | None = None) -> list[Hashable]:
    """Global main path: the source-to-sink path with the largest total SPC (networkx's dag_longest_path).

    >>> dag = nx.DiGraph([("C", "A"), ("C", "B"), ("D", "C"), ("E", "C"), ("F", "D"), ("F", "E"), ("E", "B")])
    >>> global_main_path(dag)
    ['A', 'C', 'E', 'F']
    """
    flow = _weighted_flow(dag, weights if weights is not None else spc(dag))
    return nx.dag_longest_path(flow, weight="spc", default_weight=0)


def key_routes(dag: nx.DiGraph, k: int = 3, weights: Mapping[Edge, float] | None = None) -> list[Edge]:
    """The `k` citations with the highest SPC, as (cited, citing) flow edges, heaviest first."""
    weights = weights if weights is not None else spc(dag)
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1], time_key(dag.nodes[kv[0][1]], str(kv[0][1]))))
    return [(cited, citing) for (citing, cited), _ in ranked[:k]]


def key_route_main_path(dag: nx.DiGraph, k: int = 3, search: Search = "global",
                        weights: Mapping[Edge, float] | None = None) -> list[list[Hashable]]:
    """Key-route main paths: each of the top-k SPC citations extended back to a source and on to a sink.

    `search="local"` extends greedily (heaviest edge each step); `"global"` takes the heaviest whole
    path before and after the key route (dag_longest_path on the part of the graph it can reach).
    Returns one path per key route, oldest first, without duplicates.

    >>> dag = nx.DiGraph([("C", "A"), ("C", "B"), ("D", "C"), ("E", "C"), ("F", "D"), ("F", "E"), ("E", "B")])
    >>> key_route_main_path(dag, k=1)
    [['A', 'C', 'E', 'F']]
    """
    weights = weights if weights is not None else spc(dag)
    flow = _weighted_flow(dag, weights)
    paths: list[list[Hashable]] = []
    for tail, head in key_routes(dag, k, weights):
        if search == "local":
            before, after = _backward(flow, tail), _forward(flow, head)
        else:
            up = flow.subgraph(nx.ancestors(flow, tail) | {tail}).copy()  # copies: views slow dag_longest_path
            down = flow.subgraph(nx.descendants(flow, head) | {head}).copy()
            before = nx.dag_longest_path(up, weight="spc", default_weight=0) or [tail]
            after = nx.dag_longest_path(down, weight="spc", default_weight=0) or [head]
        path = before + after
        if path not in paths:
            paths.append(path)
    return paths


def main_path_network(paths: list[list[Hashable]]) -> nx.DiGraph:
    """Union of main paths as one flow DiGraph (old -> new), e.g. to draw the key-route network.

    >>> sorted(main_path_network([["a", "b"], ["a", "c"]]).edges())
    [('a', 'b'), ('a', 'c')]
    """
    network = nx.DiGraph()
    for path in paths:
        nx.add_path(network, path)
    return network


def longest_path(dag: nx.DiGraph) -> list[Hashable]:
    """Longest chain of citations (most steps), oldest first (networkx's dag_longest_path).

    >>> longest_path(nx.DiGraph([("c", "b"), ("b", "a"), ("c", "a")]))
    ['a', 'b', 'c']
    """
    return nx.dag_longest_path(_flow(dag))
