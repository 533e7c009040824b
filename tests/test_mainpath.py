"""graph.mainpath: SPC and main paths on networks whose answers were worked out by hand."""
from __future__ import annotations

import math

import networkx as nx
import pytest

from graph.mainpath import (global_main_path, key_route_main_path, key_routes, local_main_path, longest_path,
                            main_path_network, spc)


def citation_dag(flow: list[tuple[str, str]], years: bool = True) -> nx.DiGraph:
    """Citation DAG (citing -> cited) from knowledge-flow edges (cited -> citing); A is oldest, then B..."""
    dag = nx.DiGraph([(new, old) for old, new in flow])
    if years:
        for node in dag:
            dag.nodes[node]["year"] = 1990 + ord(node) - ord("A")
    return dag


# Textbook-style example. Flow A->C, B->C, C->D, C->E, D->F, E->F, B->E; sources A, B; sink F.
# Paths from sources N-: A1 B1 C2 D2 E3 F5.  Paths to sinks N+: F1 E1 D1 C2 B3 A2.
# SPC(u->v) = N-(u) * N+(v); 5 source-sink paths: ACDF ACEF BCDF BCEF BEF.
TEXTBOOK = [("A", "C"), ("B", "C"), ("C", "D"), ("C", "E"), ("D", "F"), ("E", "F"), ("B", "E")]
TEXTBOOK_SPC = {("A", "C"): 2, ("B", "C"): 2, ("C", "D"): 2, ("C", "E"): 2, ("D", "F"): 2, ("E", "F"): 3,
                ("B", "E"): 1}

# Local and global searches disagree here. Flow A->B, A->C, A->E, B->C, B->E, B->F, D->E, E->F;
# sources A, D; sinks C, F. N-: A1 D1 B1 C2 E3 F4. N+: C1 F1 E1 B3 A5 D1. 6 paths in all.
SPLIT = [("A", "B"), ("A", "C"), ("A", "E"), ("B", "C"), ("B", "E"), ("B", "F"), ("D", "E"), ("E", "F")]
SPLIT_SPC = {("A", "B"): 3, ("A", "C"): 1, ("A", "E"): 1, ("B", "C"): 1, ("B", "E"): 1, ("B", "F"): 1,
             ("D", "E"): 1, ("E", "F"): 3}


@pytest.mark.parametrize("flow, expected", [(TEXTBOOK, TEXTBOOK_SPC), (SPLIT, SPLIT_SPC)])
def test_spc_counts(flow: list[tuple[str, str]], expected: dict[tuple[str, str], int]) -> None:
    counts = spc(citation_dag(flow))
    assert {(old, new): c for (new, old), c in counts.items()} == expected


def test_spc_conservation_and_normalised_variant() -> None:
    dag = citation_dag(SPLIT)
    counts = spc(dag)
    sources = [n for n in dag if dag.out_degree(n) == 0]  # cite nothing: the oldest
    total = sum(c for (new, old), c in counts.items() if old in sources)
    assert total == 6
    shares = spc(dag, exact=False)
    for edge, count in counts.items():
        assert math.isclose(shares[edge], count / total)


def test_spc_counts_every_path_in_a_layered_graph() -> None:
    # Two layers of 3 fully connected: 3 * 3 * 3 = 27 source-sink paths; each middle edge carries 3 * 3 = 9.
    flow = [(a, b) for a in "ABC" for b in "DEF"] + [(b, c) for b in "DEF" for c in "GHI"]
    counts = spc(citation_dag(flow))
    assert set(counts.values()) == {3}
    flow3 = flow + [(c, d) for c in "GHI" for d in "JKL"]
    counts3 = spc(citation_dag(flow3))
    assert counts3[("E", "B")] == 1 * 9 and counts3[("H", "E")] == 3 * 3 and counts3[("K", "H")] == 9


def test_local_main_path_breaks_ties_by_time() -> None:
    assert local_main_path(citation_dag(TEXTBOOK)) == ["A", "C", "D", "F"]
    assert local_main_path(citation_dag(SPLIT)) == ["A", "B", "C"]


def test_global_main_path() -> None:
    # SPLIT: A-B-E-F weighs 3+1+3 = 7, every other source-sink path at most 4.
    assert global_main_path(citation_dag(SPLIT)) == ["A", "B", "E", "F"]


def test_key_route_variants() -> None:
    dag = citation_dag(SPLIT)
    assert key_routes(dag, 2) == [("A", "B"), ("E", "F")]  # SPC 3 each; the earlier one first
    assert key_route_main_path(dag, k=1, search="local") == [["A", "B", "C"]]
    assert key_route_main_path(dag, k=1, search="global") == [["A", "B", "E", "F"]]
    # E->F extended backwards: locally A (earliest of three SPC-1 edges), globally A-B (3 + 1).
    assert key_route_main_path(dag, k=2, search="local") == [["A", "B", "C"], ["A", "E", "F"]]
    assert key_route_main_path(dag, k=2, search="global") == [["A", "B", "E", "F"]]
    network = main_path_network(key_route_main_path(dag, k=2, search="local"))
    assert sorted(network.edges()) == [("A", "B"), ("A", "E"), ("B", "C"), ("E", "F")]


def test_longest_path() -> None:
    assert longest_path(citation_dag(SPLIT)) == ["A", "B", "E", "F"]
    assert longest_path(nx.DiGraph()) == []


def test_empty_and_edgeless_graphs() -> None:
    assert spc(nx.DiGraph()) == {}
    lonely = nx.DiGraph()
    lonely.add_node("A/RES/1/1")
    assert local_main_path(lonely) == [] and key_route_main_path(lonely) == []
