"""graph.anomalies: cycles, citations of later documents, undefined targets."""
from __future__ import annotations

import networkx as nx

from graph.anomalies import anomaly_report, citation_cycles, future_citations, undefined_targets
from graph.network import complete_node


def graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    nodes = {"A/RES/55/25": {"date": "2000-11-15", "in_corpus": True},
             "A/RES/56/120": {"date": "2001-12-19", "in_corpus": True},
             "A/RES/58/135": {"in_corpus": True, "session": 58, "body": "GA"},  # year inferred: 2003
             "A/RES/57/1": {"in_corpus": False, "defined": False},
             "convention:UNTOC": {"in_corpus": False}}
    for key, attrs in nodes.items():
        g.add_node(key, **complete_node(key, dict(attrs)))
    g.add_edge("A/RES/56/120", "A/RES/55/25", key="recalls", text="its resolution 55/25")
    g.add_edge("A/RES/55/25", "A/RES/56/120", key="cites", text="resolution 56/120")  # a misread number
    g.add_edge("A/RES/55/25", "A/RES/58/135", key="cites", text="resolution 58/135")
    g.add_edge("A/RES/58/135", "A/RES/57/1", key="cites", text="resolution 57/1")
    g.add_edge("A/RES/58/135", "A/RES/58/135", key="cites", text="the present resolution")
    g.add_edge("A/RES/58/135", "convention:UNTOC", key="cites", text="the Convention")
    g.add_edge("A/RES/56/120", "convention:UNTOC", key="cites", text="the Convention")
    return g


def test_cycles_include_self_citations_and_are_rotated() -> None:
    assert citation_cycles(graph()) == [["A/RES/58/135"], ["A/RES/55/25", "A/RES/56/120"]]
    triangle = nx.DiGraph([("b", "c"), ("c", "a"), ("a", "b"), ("a", "c")])
    assert citation_cycles(triangle) == [["a", "c"], ["a", "b", "c"]]
    assert citation_cycles(triangle, length_bound=2) == [["a", "c"]]
    assert citation_cycles(nx.DiGraph([("a", "b")])) == []


def test_future_citations_name_both_dates_and_inference() -> None:
    found = future_citations(graph())
    assert [(f["citing"], f["cited"]) for f in found] == [("A/RES/55/25", "A/RES/56/120"),
                                                          ("A/RES/55/25", "A/RES/58/135")]
    assert found[1]["cited_date"] == 2003 and found[1]["cited_date_inferred"] is True
    assert found[0]["text"] == "resolution 56/120" and found[0]["cited_date"] == "2001-12-19"


def test_undefined_targets() -> None:
    found = undefined_targets(graph())
    assert [(t["key"], t["count"], t["defined"]) for t in found] == [("convention:UNTOC", 2, True),
                                                                      ("A/RES/57/1", 1, False)]
    assert found[0]["cited_by"] == ["A/RES/56/120", "A/RES/58/135"]


def test_report_bundles_the_three() -> None:
    report = anomaly_report(graph())
    assert len(report["cycles"]) == 2 and len(report["future_citations"]) == 2
    assert len(report["undefined_targets"]) == 2
