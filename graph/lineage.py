"""Lineage of a document: where it comes from (ancestors), what grew out of it (descendants), and the chains.

Chains are the maximal paths through the document in the transitive reduction of the time-ordered
citation DAG: if 58/135 recalls both 56/120 and 55/25, and 56/120 recalls 55/25, the chain is
55/25 → 56/120 → 58/135 and the direct 58/135 → 55/25 edge is implied, not a separate step.
Edges go citing -> cited ("up" = older, what it cites; "down" = newer, what cites it).
"""
from __future__ import annotations

import itertools
from collections.abc import Collection, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import networkx as nx

from graph.network import citation_digraph, compare_time, lexicon, normalise_symbol, resolve_node, time_key

Direction = Literal["up", "down", "both"]
MAX_CHAIN_WINDOW = 600  # nodes per side in which chains are reduced, when no depth is given


@dataclass
class Relative:
    """An ancestor or descendant: how far, when, and by which relations (direct) or via which work."""

    key: str
    label: str
    date: str | None
    year: int | None
    date_inferred: bool
    kind: str | None
    depth: int
    relations: list[str] = field(default_factory=list)
    via: str | None = None


@dataclass
class Lineage:
    """Everything `uncite lineage` shows for one document."""

    key: str
    label: str
    chains: list[list[str]]
    ancestors: list[Relative]
    descendants: list[Relative]
    reduced_edges: list[tuple[str, str]]  # citing -> cited edges of the transitive reduction used by chains
    labels: dict[str, str]
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def filter_graph(graph: nx.MultiDiGraph, relations: Collection[str] | None = None,
                 kinds: Collection[str] | None = None, bodies: Collection[str] | None = None,
                 keep: Collection[str] = (), exclude: Collection[str] = (),
                 time_order: bool = False) -> nx.MultiDiGraph:
    """View of `graph` with only the given relation types (minus `exclude`), node kinds and bodies
    (`keep` nodes stay whatever their kind); `time_order` also hides self-citations and citations of
    later documents.

    >>> g = nx.MultiDiGraph(); _ = g.add_edge("b", "a", key="recalls"); _ = g.add_edge("b", "c", key="cites")
    >>> sorted(filter_graph(g, relations=["recalls"]).edges()), sorted(filter_graph(g, exclude=["cites"]).edges())
    ([('b', 'a')], [('b', 'a')])
    """
    kinds_set, bodies_set, keep_set = set(kinds or ()), set(bodies or ()), set(keep)
    rel_set, out = set(relations or ()), set(exclude)
    nodes = graph.nodes
    if not (kinds_set or bodies_set or rel_set or out or time_order):
        return graph

    def node_ok(n: str) -> bool:
        a = nodes[n]
        return n in keep_set or ((not kinds_set or a.get("kind") in kinds_set)
                                 and (not bodies_set or a.get("body") in bodies_set))

    def edge_ok(u: str, v: str, k: str) -> bool:
        return ((not rel_set or k in rel_set) and k not in out
                and (not time_order or (u != v and compare_time(nodes[v], nodes[u]) != 1)))

    # One view level only: stacked networkx views multiply the cost of every neighbour lookup.
    return nx.subgraph_view(graph, filter_node=node_ok if (kinds_set or bodies_set) else nx.filters.no_filter,
                            filter_edge=edge_ok if (rel_set or out or time_order) else nx.filters.no_filter)


def chain_graph(graph: nx.MultiDiGraph, relations: Collection[str] | None = None,
                kinds: Collection[str] | None = None, bodies: Collection[str] | None = None,
                keep: Collection[str] = (), time_order: bool = False) -> nx.MultiDiGraph:
    """The citations chains follow: all relations but the structural ones (adopts, annexes) unless asked for.

    A resolution that adopts a convention made it rather than drew on it, so by default the convention
    does not become the resolution's ancestor. Other arguments as in filter_graph.

    >>> g = nx.MultiDiGraph([("A/RES/55/25", "convention:UNTOC", "adopts"), ("A/RES/56/120", "A/RES/55/25", "recalls")])
    >>> sorted(chain_graph(g).edges()), len(chain_graph(g, ["adopts"]).edges())
    ([('A/RES/56/120', 'A/RES/55/25')], 1)
    """
    exclude = () if relations else lexicon()["structural_relations"]
    return filter_graph(graph, relations, kinds, bodies, keep, exclude, time_order)


def time_ordered_dag(graph: nx.Graph) -> nx.DiGraph:
    """Citation DAG in the order of time: drop citations of later documents, break same-time cycles.

    Edges to an older (or undated) document stay; an edge to a newer one is an anomaly and is dropped;
    inside a cycle among same-time/undated documents only edges to the earlier-sorting one stay.

    >>> g = nx.DiGraph([("new", "old"), ("old", "new")])
    >>> g.nodes["new"].update(date="2003-12-22", year=2003); g.nodes["old"].update(date="2000-11-15", year=2000)
    >>> list(time_ordered_dag(g).edges())
    [('new', 'old')]
    """
    simple = citation_digraph(graph) if graph.is_multigraph() else graph.copy()
    nodes = simple.nodes
    for u, v in [(u, v) for u, v in simple.edges() if u == v or compare_time(nodes[v], nodes[u]) == 1]:
        simple.remove_edge(u, v)
    if nx.is_directed_acyclic_graph(simple):
        return simple
    rank = {n: time_key(nodes[n], n) for n in simple}
    for component in nx.strongly_connected_components(simple):
        if len(component) > 1:
            sub = simple.subgraph(component)
            simple.remove_edges_from([(u, v) for u, v in sub.edges() if rank[v] >= rank[u]])
    return simple


def _relative(graph: nx.Graph, node: str, depth: int, relations: list[str], via: str | None) -> Relative:
    a = graph.nodes[node]
    return Relative(key=node, label=a.get("label") or node, date=a.get("date"), year=a.get("year"),
                    date_inferred=bool(a.get("date_inferred")), kind=a.get("kind"), depth=depth,
                    relations=relations, via=via)


def _relatives(graph: nx.MultiDiGraph, key: str, depth: int | None, reverse: bool) -> list[Relative]:
    view = graph.reverse(copy=False) if reverse else graph
    found: dict[str, Relative] = {}
    level = {key: 0}
    for parent, child in nx.bfs_edges(view, key, depth_limit=depth):
        level[child] = level[parent] + 1
        if level[child] == 1:
            u, v = (child, key) if reverse else (key, child)
            found[child] = _relative(graph, child, 1, sorted(graph[u][v]), None)
        else:
            found[child] = _relative(graph, child, level[child], [], parent)
    return sorted(found.values(), key=lambda r: time_key(graph.nodes[r.key], r.key))


def ancestors(graph: nx.MultiDiGraph, key: str, depth: int | None = None) -> list[Relative]:
    """What `key` cites, directly (with the relations) or through others (`via`), oldest first.

    >>> g = nx.MultiDiGraph([("c", "b", "recalls"), ("b", "a", "recalls")])
    >>> [(r.key, r.depth, r.relations, r.via) for r in ancestors(g, "c")]
    [('a', 2, [], 'b'), ('b', 1, ['recalls'], None)]
    """
    return _relatives(graph, key, depth, reverse=False)


def descendants(graph: nx.MultiDiGraph, key: str, depth: int | None = None) -> list[Relative]:
    """What cites `key`, directly or through others, oldest first.

    >>> g = nx.MultiDiGraph([("c", "b", "recalls"), ("b", "a", "recalls")])
    >>> [(r.key, r.depth) for r in descendants(g, "a", depth=1)]
    [('b', 1)]
    """
    return _relatives(graph, key, depth, reverse=True)


def time_respecting(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """View without self-citations and citations of later documents (cheap: nothing is copied).

    >>> g = nx.MultiDiGraph([("a", "b", "cites")]); g.nodes["a"]["year"] = 2000; g.nodes["b"]["year"] = 2005
    >>> list(time_respecting(g).edges())
    []
    """
    return filter_graph(graph, time_order=True)


def _window(graph: nx.Graph, key: str, depth: int | None, reverse: bool, cap: int) -> tuple[set[str], int | None]:
    """Nodes within `depth` steps on one side; without depth, the largest depth that keeps <= cap nodes
    (at least depth 1). BFS layers are read lazily, so a huge closure is never walked in full."""
    view = graph.reverse(copy=False) if reverse else graph
    nodes: set[str] = set()
    for level, layer in enumerate(nx.bfs_layers(view, [key])):
        if depth is not None and level > depth:
            break
        if depth is None and level > 1 and len(nodes) + len(layer) > cap:
            return nodes, level - 1
        nodes.update(layer)
    return nodes, depth


def lineage_reduction(graph: nx.Graph, key: str, depth: int | None = None, direction: Direction = "both",
                      cap: int = MAX_CHAIN_WINDOW, ordered: bool = False) -> tuple[nx.DiGraph, list[str]]:
    """Transitive reduction of the time-ordered citation DAG around `key` (its up side and its down side).

    Only the window around `key` is ordered and reduced, so the cost follows the lineage, not the
    corpus. Cross edges (a descendant citing an ancestor) always go through `key` and are implied,
    so each side is reduced on its own. Without `depth`, a side larger than `cap` nodes is cut at
    the largest depth that fits, and a note says so. `ordered=True` says `graph` already hides
    citations of later documents (a time_order view).

    >>> g = nx.DiGraph([("58", "56"), ("58", "55"), ("56", "55")])
    >>> sorted(lineage_reduction(g, "56")[0].edges())
    [('56', '55'), ('58', '56')]
    """
    if not ordered:
        graph = time_respecting(graph) if graph.is_multigraph() else nx.subgraph_view(
            graph, filter_edge=lambda u, v: u != v and compare_time(graph.nodes[v], graph.nodes[u]) != 1)
    reduced = nx.DiGraph()
    reduced.add_node(key, **graph.nodes[key])
    notes = []
    for side, reverse in (("up", False), ("down", True)):
        if direction not in (side, "both"):
            continue
        nodes, used = _window(graph, key, depth, reverse, cap)
        if used is not None and depth is None:
            notes.append(f"{side} chains limited to depth {used} ({cap} nodes); pass --depth to choose")
        window = nx.DiGraph()
        window.add_nodes_from((n, graph.nodes[n]) for n in nodes)
        window.add_edges_from((u, v) for u in nodes for v in graph._succ[u] if v in nodes)
        dag = time_ordered_dag(window)
        reduced.add_nodes_from(dag.nodes(data=True))
        reduced.add_edges_from(nx.transitive_reduction(dag).edges())
    return reduced, notes


def _paths(reduced: nx.DiGraph, start: str, reverse: bool) -> Iterator[list[str]]:
    """Maximal paths from `start` following cited (or citing) edges, newest-cited first, lazily."""
    nbrs = reduced.predecessors if reverse else reduced.successors
    nodes = reduced.nodes
    stack = [[start]]
    while stack:
        path = stack.pop()
        nexts = sorted((n for n in nbrs(path[-1]) if n not in path),
                       key=lambda n: time_key(nodes[n], n), reverse=not reverse)
        if not nexts:
            yield path
        stack.extend(path + [n] for n in reversed(nexts))


def chains(graph: nx.Graph, key: str, depth: int | None = None, direction: Direction = "both",
           limit: int = 50, reduced: nx.DiGraph | None = None) -> list[list[str]]:
    """Chains through `key`, oldest first: maximal paths through it in the reduced DAG (at most `limit`).

    >>> g = nx.DiGraph([("58/135", "56/120"), ("58/135", "55/25"), ("56/120", "55/25")])
    >>> chains(g, "56/120")
    [['55/25', '56/120', '58/135']]
    """
    if reduced is None:
        reduced, _ = lineage_reduction(graph, key, depth, direction)
    ups = list(itertools.islice(_paths(reduced, key, False), limit)) if direction != "down" else [[key]]
    downs = list(itertools.islice(_paths(reduced, key, True), limit)) if direction != "up" else [[key]]
    found = [list(reversed(up)) + down[1:] for up, down in itertools.islice(itertools.product(ups, downs), limit)]
    nodes = reduced.nodes
    return sorted((c for c in found if len(c) > 1), key=lambda c: [time_key(nodes[n], n) for n in c])


def lineage(graph: nx.MultiDiGraph, key: str, depth: int | None = None, direction: Direction = "both",
            relations: Collection[str] | None = None, bodies: Collection[str] | None = None,
            kinds: Collection[str] | None = None, max_chains: int = 50,
            cap: int = MAX_CHAIN_WINDOW) -> Lineage:
    """Ancestors, descendants and chains of `key` with the given filters (the `uncite lineage` answer).

    Chains follow citations but not adoption (see chain_graph) unless `relations` names it; the
    ancestor and descendant lists show every relation.

    `key` may be spelt as users do ("56/120", "S/RES/1373 (2001)"); it is resolved with resolve_node.

    >>> g = nx.MultiDiGraph([("58", "56", "recalls"), ("58", "55", "recalls"), ("56", "55", "recalls")])
    >>> for n, y in (("55", 2000), ("56", 2001), ("58", 2003)): g.nodes[n].update(year=y, label=n)
    >>> lineage(g, "56").chains
    [['55', '56', '58']]
    """
    found_key = resolve_node(graph, key)
    if found_key is None:
        raise KeyError(f"{key!r} ({normalise_symbol(key)}) is not in the graph")
    key = found_key
    view = filter_graph(graph, relations, kinds, bodies, keep=[key])
    followed = chain_graph(graph, relations, kinds, bodies, keep=[key], time_order=True)
    reduced, notes = lineage_reduction(followed, key, depth, direction, cap, ordered=True)
    found = chains(followed, key, depth, direction, max_chains, reduced)
    ups = ancestors(view, key, depth) if direction != "down" else []
    downs = descendants(view, key, depth) if direction != "up" else []
    labels = {n: graph.nodes[n].get("label") or n for n in {key, *reduced.nodes, *(r.key for r in ups + downs)}}
    if len(found) >= max_chains:
        notes.append(f"only the first {max_chains} chains are listed")
    nodes = graph.nodes
    later = [(key, v) for v in view.successors(key) if compare_time(nodes[v], nodes[key]) == 1]
    later += [(u, key) for u in view.predecessors(key) if compare_time(nodes[key], nodes[u]) == 1]
    notes.extend(f"{u} cites {v}, which is dated after it: left out of the chains" for u, v in later)
    return Lineage(key=key, label=labels[key], chains=found, ancestors=ups, descendants=downs,
                   reduced_edges=sorted(reduced.edges()), labels=labels, notes=notes)
