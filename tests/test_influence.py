"""graph.influence: rankings and similarities on graphs small enough to check by hand."""
from __future__ import annotations

import networkx as nx
import pytest

from graph.influence import (cocitation_counts, cocitation_similarity, communities, coupling_similarity,
                             hits_authorities, in_degree_by_kind, most_cited, pagerank, top)


@pytest.fixture()
def graph() -> nx.MultiDiGraph:
    # r1..r3 cite the convention; r2, r3 also cite 55/25 (r3 twice: recalls + cites counts once).
    g = nx.MultiDiGraph([("r1", "convention:UNTOC", "cites"), ("r2", "convention:UNTOC", "cites"),
                         ("r3", "convention:UNTOC", "welcomes"), ("r2", "A/RES/55/25", "recalls"),
                         ("r3", "A/RES/55/25", "recalls"), ("r3", "A/RES/55/25", "cites"),
                         ("r3", "r2", "recalls")])
    g.nodes["convention:UNTOC"]["kind"] = "convention"
    for n in ("A/RES/55/25", "r1", "r2", "r3"):
        g.nodes[n]["kind"] = "ga-resolution"
    return g


def test_in_degree_counts_distinct_citing_documents(graph: nx.MultiDiGraph) -> None:
    assert most_cited(graph, 2) == [("convention:UNTOC", 3), ("A/RES/55/25", 2)]
    assert in_degree_by_kind(graph) == {"convention": [("convention:UNTOC", 3)],
                                        "ga-resolution": [("A/RES/55/25", 2), ("r2", 1)]}
    assert most_cited(graph, kinds={"ga-resolution"}) == [("A/RES/55/25", 2), ("r2", 1)]


def test_pagerank_and_hits(graph: nx.MultiDiGraph) -> None:
    pr = pagerank(graph)
    assert pytest.approx(sum(pr.values())) == 1.0
    assert top(pr, 1)[0][0] == "convention:UNTOC"
    auth = hits_authorities(graph)
    assert top(auth, 1)[0][0] == "convention:UNTOC"
    assert auth["r1"] == pytest.approx(0.0)
    assert hits_authorities(nx.DiGraph([("x", "x")]).subgraph([])) == {}


def test_cocitation_and_coupling(graph: nx.MultiDiGraph) -> None:
    # r2 cites {UNTOC, 55/25}; r3 cites {UNTOC, 55/25, r2}: UNTOC & 55/25 co-cited twice, others once.
    assert cocitation_counts(graph, 1) == {("A/RES/55/25", "convention:UNTOC"): 2, ("A/RES/55/25", "r2"): 1,
                                           ("convention:UNTOC", "r2"): 1}
    assert cocitation_counts(graph) == {("A/RES/55/25", "convention:UNTOC"): 2}
    # co-citation cosine: 2 / sqrt(2 * 3)
    assert cocitation_similarity(graph, "A/RES/55/25")[0] == ("convention:UNTOC", pytest.approx(2 / 6 ** 0.5))
    # coupling of r2 (2 refs) and r3 (3 refs): 2 shared -> 2 / sqrt(6); r1 (1 ref) shares 1 -> 1 / sqrt(2)
    assert coupling_similarity(graph, "r2") == [("r3", pytest.approx(2 / 6 ** 0.5)), ("r1", pytest.approx(2 ** -0.5))]


@pytest.mark.parametrize("method", ["louvain", "greedy", "label"])
def test_communities_split_two_clusters(method: str) -> None:
    g = nx.DiGraph()
    for group in ("abcd", "wxyz"):
        g.add_edges_from((u, v) for u in group for v in group if u < v)
    g.add_edge("a", "w")
    found = communities(g, method=method)  # type: ignore[arg-type]
    assert sorted(sorted(c) for c in found) == [list("abcd"), list("wxyz")]
