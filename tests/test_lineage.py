"""graph.lineage and `uncite lineage`: chains as the transitive reduction of the time-ordered citation DAG."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from graph.cli import main
from graph.lineage import ancestors, chains, descendants, lineage, lineage_reduction, time_ordered_dag
from graph.network import complete_node

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"


def build(edges: list[tuple[str, str, str]], nodes: dict[str, dict]) -> nx.MultiDiGraph:
    """A contract graph from (citing, cited, relation) triples and node attributes."""
    g = nx.MultiDiGraph()
    for key, attrs in nodes.items():
        g.add_node(key, **complete_node(key, dict(attrs)))
    for citing, cited, relation in edges:
        for key in (citing, cited):
            if key not in g:
                g.add_node(key, **complete_node(key, {}))
        g.add_edge(citing, cited, key=relation, relation=relation, text=None)
    return g


@pytest.fixture()
def seedlike() -> nx.MultiDiGraph:
    """The seeds' shape: 58/135 recalls 56/120 and 55/25; 56/120 recalls 55/25; a 60th-session text cites 55/25."""
    return build(
        [("A/RES/56/120", "A/RES/55/25", "recalls"), ("A/RES/56/120", "convention:UNTOC", "cites"),
         ("A/RES/58/135", "A/RES/56/120", "recalls"), ("A/RES/58/135", "A/RES/55/25", "recalls"),
         ("A/RES/58/135", "convention:UNTOC", "cites"), ("A/RES/55/25", "convention:UNTOC", "adopts"),
         ("doc:00112233aabbccdd", "A/RES/55/25", "cites"), ("doc:00112233aabbccdd", "A/RES/59/159", "recalls")],
        {"A/RES/55/25": {"date": "2000-11-15", "kind": "ga-resolution", "body": "GA"},
         "A/RES/56/120": {"date": "2001-12-19", "kind": "ga-resolution", "body": "GA"},
         "A/RES/58/135": {"date": "2003-12-22", "kind": "ga-resolution", "body": "GA"},
         "A/RES/59/159": {"date": "2004-12-20", "kind": "ga-resolution", "body": "GA"},
         "convention:UNTOC": {"kind": "convention"},
         "doc:00112233aabbccdd": {"kind": "ga-resolution", "body": "GA", "session": 60,
                                  "title": "Renforcement du Programme", "in_corpus": True}})


def test_chain_skips_the_implied_direct_edge(seedlike: nx.MultiDiGraph) -> None:
    result = lineage(seedlike, "A/RES/56/120", kinds=["ga-resolution"])
    assert result.chains == [["A/RES/55/25", "A/RES/56/120", "A/RES/58/135"]]
    assert ("A/RES/58/135", "A/RES/55/25") not in result.reduced_edges


def test_adoption_is_not_a_chain_step_unless_asked(seedlike: nx.MultiDiGraph) -> None:
    result = lineage(seedlike, "A/RES/56/120")
    assert result.chains == [["A/RES/55/25", "A/RES/56/120", "A/RES/58/135"],
                             ["convention:UNTOC", "A/RES/56/120", "A/RES/58/135"]]
    assert seedlike.nodes["convention:UNTOC"]["year"] is None  # built by hand, no adoption_years here
    asked = lineage(seedlike, "A/RES/56/120", relations=["cites", "recalls", "adopts"])
    assert asked.chains == [["convention:UNTOC", "A/RES/55/25", "A/RES/56/120", "A/RES/58/135"]]


def test_descendants_reach_the_60th_session_resolution(seedlike: nx.MultiDiGraph) -> None:
    result = lineage(seedlike, "55/25", direction="down")
    assert result.key == "A/RES/55/25"
    assert result.chains == [["A/RES/55/25", "A/RES/56/120", "A/RES/58/135"],
                             ["A/RES/55/25", "doc:00112233aabbccdd"]]
    assert [r.key for r in result.descendants] == ["A/RES/56/120", "A/RES/58/135", "doc:00112233aabbccdd"]
    assert result.labels["doc:00112233aabbccdd"] == "Renforcement du Programme (GA, session 60)"
    assert result.ancestors == []


def test_ancestors_are_ordered_by_date_with_relations_and_via(seedlike: nx.MultiDiGraph) -> None:
    found = ancestors(seedlike, "A/RES/58/135")
    assert [(r.key, r.depth, r.relations) for r in found] == [
        ("A/RES/55/25", 1, ["recalls"]), ("A/RES/56/120", 1, ["recalls"]), ("convention:UNTOC", 1, ["cites"])]
    deep = ancestors(seedlike, "doc:00112233aabbccdd")
    assert [(r.key, r.via) for r in deep] == [("A/RES/55/25", None), ("A/RES/59/159", None),
                                             ("convention:UNTOC", "A/RES/55/25")]
    assert [r.key for r in descendants(seedlike, "convention:UNTOC", depth=1)] == [
        "A/RES/55/25", "A/RES/56/120", "A/RES/58/135"]


def test_transitive_reduction_of_a_diamond() -> None:
    # d cites b, c and a; b and c cite a: the chains through b and c skip d -> a.
    g = build([("d", "b", "cites"), ("d", "c", "cites"), ("d", "a", "cites"), ("b", "a", "cites"),
               ("c", "a", "cites")],
              {"a": {"date": "1990-01-01"}, "b": {"date": "1991-01-01"}, "c": {"date": "1992-01-01"},
               "d": {"date": "1993-01-01"}})
    reduced, notes = lineage_reduction(g, "a", direction="down")
    assert sorted(reduced.edges()) == [("b", "a"), ("c", "a"), ("d", "b"), ("d", "c")]
    assert notes == []
    assert chains(g, "a", direction="down") == [["a", "b", "d"], ["a", "c", "d"]]
    assert chains(g, "d", direction="up") == [["a", "b", "d"], ["a", "c", "d"]]


def test_time_order_drops_citations_of_later_documents_and_breaks_cycles() -> None:
    g = build([("old", "new", "cites"), ("new", "old", "recalls"), ("x", "y", "cites"), ("y", "x", "cites")],
              {"old": {"date": "2000-01-01"}, "new": {"date": "2003-01-01"}, "x": {"session": 56, "body": "GA"},
               "y": {"session": 56, "body": "GA"}})
    dag = time_ordered_dag(g)
    assert nx.is_directed_acyclic_graph(dag)
    assert dag.has_edge("new", "old") and not dag.has_edge("old", "new")
    assert dag.has_edge("y", "x") and not dag.has_edge("x", "y")  # same session: keep the edge to the earlier key
    result = lineage(g, "old")
    assert result.chains == [["old", "new"]]
    assert any("dated after it" in n for n in result.notes)


def test_depth_direction_and_filters(seedlike: nx.MultiDiGraph) -> None:
    # depth 1 still holds 55/25 (cited directly); the reduction inside that window keeps the chain.
    assert lineage(seedlike, "A/RES/58/135", direction="up", depth=1, kinds=["ga-resolution"]).chains == [
        ["A/RES/55/25", "A/RES/56/120", "A/RES/58/135"]]
    sixtieth = "doc:00112233aabbccdd"
    assert lineage(seedlike, sixtieth, direction="up", depth=1).chains == [
        ["A/RES/55/25", sixtieth], ["A/RES/59/159", sixtieth]]
    assert lineage(seedlike, sixtieth, direction="up", relations=["cites", "recalls", "adopts"]).chains == [
        ["A/RES/59/159", sixtieth], ["convention:UNTOC", "A/RES/55/25", sixtieth]]  # undated sorts last
    up = lineage(seedlike, "A/RES/58/135", direction="up", kinds=["ga-resolution"])
    assert up.chains == [["A/RES/55/25", "A/RES/56/120", "A/RES/58/135"]] and up.descendants == []
    only_cites = lineage(seedlike, "A/RES/58/135", direction="up", relations=["cites"])
    assert only_cites.chains == [["convention:UNTOC", "A/RES/58/135"]]
    by_body = lineage(seedlike, "A/RES/55/25", direction="down", bodies=["GA"])
    assert [r.key for r in by_body.descendants] == ["A/RES/56/120", "A/RES/58/135", "doc:00112233aabbccdd"]


def test_large_lineage_is_cut_to_a_window_with_a_note() -> None:
    g = build([(f"n{i}", f"n{i - 1}", "cites") for i in range(1, 30)],
              {f"n{i}": {"date": f"{1950 + i}-01-01"} for i in range(30)})
    result = lineage(g, "n0", direction="down", cap=10)
    assert result.chains == [[f"n{i}" for i in range(10)]]
    assert any("limited to depth 9" in n for n in result.notes)
    assert len(result.descendants) == 29  # the listing is not cut


def test_unknown_symbol_raises_key_error(seedlike: nx.MultiDiGraph) -> None:
    with pytest.raises(KeyError):
        lineage(seedlike, "A/RES/99/1")


# ----------------------------------------------------------------------------- CLI on a store

TRIG = """
@prefix unc: <https://w3id.org/uncite/ontology#> . @prefix cito: <http://purl.org/spar/cito/> .
@prefix dcterms: <http://purl.org/dc/terms/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix kind: <https://w3id.org/uncite/id/kind/> . @prefix eli: <http://data.europa.eu/eli/ontology#> .
<https://w3id.org/uncite/graph/a> {
 <https://undocs.org/A/RES/55/25> a unc:Work ; unc:key "A/RES/55/25" ; unc:symbol "A/RES/55/25" ;
   unc:kind kind:ga-resolution ; dcterms:date "2000-11-15"^^xsd:date .
 <https://undocs.org/A/RES/56/120> a unc:Work ; unc:key "A/RES/56/120" ; unc:symbol "A/RES/56/120" ;
   unc:kind kind:ga-resolution ; dcterms:date "2001-12-19"^^xsd:date ;
   cito:cites <https://undocs.org/A/RES/55/25> ; unc:recalls <https://undocs.org/A/RES/55/25> .
 <https://undocs.org/A/RES/58/135> a unc:Work ; unc:key "A/RES/58/135" ; unc:symbol "A/RES/58/135" ;
   unc:kind kind:ga-resolution ; dcterms:date "2003-12-22"^^xsd:date ;
   cito:cites <https://undocs.org/A/RES/55/25>, <https://undocs.org/A/RES/56/120> ;
   unc:recalls <https://undocs.org/A/RES/55/25>, <https://undocs.org/A/RES/56/120> .
 <https://w3id.org/uncite/id/doc/0011> a unc:Work ; unc:key "doc:0011" ; unc:kind kind:ga-resolution ;
   unc:session 60 ; eli:passed_by <https://w3id.org/uncite/id/body/GA> ; cito:cites <https://undocs.org/A/RES/55/25> .
}
"""


@pytest.fixture()
def store_dir(tmp_path: Path) -> Path:
    store = ox.Store(str(tmp_path / "store"))
    store.load(input=TRIG, format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    return tmp_path / "store"


def test_cli_text_prints_the_chain_then_relatives(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lineage", "56/120", "--store", str(store_dir)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "  A/RES/55/25 → A/RES/56/120 → A/RES/58/135" in out
    assert any(line.strip().startswith("2000-11-15") and "A/RES/55/25" in line and "recalls" in line for line in out)
    assert any(line.strip().startswith("2003-12-22") and "A/RES/58/135" in line for line in out)


def test_cli_json_and_mermaid(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lineage", "A/RES/55/25", "--store", str(store_dir), "--direction", "down", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert ["A/RES/55/25", "doc:0011"] in data["chains"]
    assert data["nodes"]["doc:0011"]["date_inferred"] is True
    assert main(["lineage", "A/RES/55/25", "--store", str(store_dir), "--format", "mermaid"]) == 0
    mermaid = capsys.readouterr().out
    assert mermaid.startswith("graph LR") and "-->" in mermaid


def test_cli_unknown_symbol_and_missing_store(store_dir: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lineage", "99/1", "--store", str(store_dir)]) == 1
    assert "A/RES/99/1" in capsys.readouterr().err
    assert main(["lineage", "56/120", "--store", str(tmp_path / "nowhere")]) == 2


def test_cli_analyse(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyse", "--store", str(store_dir), "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert "Most cited" in out and "A/RES/55/25" in out and "Main path" in out and "Series" in out


# ----------------------------------------------------------------------------- the seed corpus


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """corpus/seeds built into a fresh store with `uncite build` (extractor + store, as a user would)."""
    path = tmp_path_factory.mktemp("seeds") / "store"
    assert main(["build", str(SEEDS), "--store", str(path)]) == 0
    return path


def test_seed_lineage_of_56_120(seed_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["lineage", "A/RES/56/120", "--store", str(seed_store)]) == 0
    out = capsys.readouterr().out
    chain_lines = [line.strip() for line in out.splitlines() if "→" in line]
    assert any("A/RES/55/25 → A/RES/56/120 → A/RES/58/135" in line for line in chain_lines), out
    assert not any(line.endswith("A/RES/55/25 → A/RES/58/135") for line in chain_lines)


def test_seed_lineage_of_55_25_reaches_the_60th_session(seed_store: Path) -> None:
    from graph.network import load_citation_graph

    graph = load_citation_graph(seed_store)
    sixtieth = [n for n, a in graph.nodes(data=True) if a.get("in_corpus") and a.get("session") == 60
                and not a.get("symbol")]
    assert len(sixtieth) == 1
    result = lineage(graph, "A/RES/55/25", direction="down")
    assert sixtieth[0] in {r.key for r in result.descendants}
    assert any(chain[-1] == sixtieth[0] for chain in result.chains)
    assert graph.nodes[sixtieth[0]]["date_inferred"] and graph.nodes[sixtieth[0]]["year"] == 2005
    assert result.labels[sixtieth[0]] != sixtieth[0]  # shown by its label, not its id
