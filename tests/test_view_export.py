"""`export_view` to GraphML, GEXF, CSV and HTML, read back with the tools' own readers."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import networkx as nx
import pytest

from graph.view_export import csv_paths, export_view, neighbourhood

ROOT = Path(__file__).resolve().parents[1]


def lineage_graph() -> nx.MultiDiGraph:
    """55/25 <- 56/120 <- 58/135 <- 60/177, plus a sibling (57/173 also cites 55/25) and French text."""
    g = nx.MultiDiGraph()
    for key, year, title in (("A/RES/55/25", 2000, "Convention contre la criminalité « transnationale »"),
                             ("A/RES/56/120", 2001, None), ("A/RES/58/135", 2003, "Coopération internationale"),
                             ("A/RES/60/177", 2005, None), ("A/RES/57/173", 2002, None)):
        g.add_node(key, key=key, label=key, kind="ga-resolution", body="GA", session=year - 1945,
                   date=None if year == 2001 else f"{year}-12-20", year=year, title=title,
                   in_corpus=year != 2000, date_inferred=year == 2001, iri=f"https://undocs.org/{key}")
    g.add_node("convention:UNTOC", key="convention:UNTOC", label="convention:UNTOC", kind="convention",
               body=None, session=None, date=None, year=None, title=None, in_corpus=False, date_inferred=False)
    for u, v, rel, text, fn in (("A/RES/56/120", "A/RES/55/25", "recalls", "sa résolution 55/25", None),
                                ("A/RES/58/135", "A/RES/56/120", "recalls", "sa résolution 56/120", None),
                                ("A/RES/58/135", "A/RES/56/120", "cites", "56/120", 2),
                                ("A/RES/60/177", "A/RES/58/135", "reaffirms", "sa résolution 58/135", None),
                                ("A/RES/57/173", "A/RES/55/25", "cites", "55/25", None),
                                ("A/RES/56/120", "convention:UNTOC", "cites", "la Convention", None)):
        g.add_edge(u, v, key=rel, relation=rel, text=text, paragraph="PP2", footnote=fn, language="fr",
                   mentions=[{"text": text, "language": "fr"}], count=1)
    return g


def test_graphml_round_trip_omits_none_and_keeps_types(tmp_path: Path) -> None:
    g = lineage_graph()
    out = export_view(g, "graphml", tmp_path / "g.graphml")[0]
    back = nx.read_graphml(out, force_multigraph=True)
    assert (back.number_of_nodes(), back.number_of_edges()) == (g.number_of_nodes(), g.number_of_edges())
    assert "title" not in back.nodes["A/RES/56/120"] and "date" not in back.nodes["A/RES/56/120"]
    assert back.nodes["A/RES/55/25"]["title"] == "Convention contre la criminalité « transnationale »"
    assert back.nodes["A/RES/58/135"]["session"] == 58 and back.nodes["A/RES/58/135"]["in_corpus"] is True
    assert back.nodes["A/RES/55/25"]["cited_by"] == 2
    relations = sorted(d["relation"] for _, _, d in back.edges("A/RES/58/135", data=True))
    assert relations == ["cites", "recalls"]
    mention = next(d for u, v, d in back.edges(data=True) if d["relation"] == "reaffirms")
    assert json.loads(mention["mentions"]) == [{"text": "sa résolution 58/135", "language": "fr"}]


def test_gexf_round_trip_with_layout_and_colours(tmp_path: Path) -> None:
    g = lineage_graph()
    out = export_view(g, "gexf", tmp_path / "g.gexf")[0]
    back = nx.read_gexf(out)
    assert (back.number_of_nodes(), back.number_of_edges()) == (g.number_of_nodes(), g.number_of_edges())
    assert back.nodes["A/RES/58/135"]["label"] == "A/RES/58/135"
    xs = {n: back.nodes[n]["viz"]["position"]["x"] for n in ("A/RES/55/25", "A/RES/58/135", "A/RES/60/177")}
    assert xs["A/RES/55/25"] < xs["A/RES/58/135"] < xs["A/RES/60/177"]  # Gephi opens on the time layout
    assert "color" in back.nodes["convention:UNTOC"]["viz"]


def test_csv_to_a_directory_and_to_a_prefix(tmp_path: Path) -> None:
    g = lineage_graph()
    (tmp_path / "dir").mkdir()
    nodes_path, edges_path = export_view(g, "csv", tmp_path / "dir")
    assert (nodes_path.name, edges_path.name) == ("nodes.csv", "edges.csv")
    assert csv_paths(tmp_path / "exp" / "seed.csv") == (tmp_path / "exp" / "seed_nodes.csv",
                                                          tmp_path / "exp" / "seed_edges.csv")
    written = export_view(g, "csv", tmp_path / "exp" / "seed")
    assert [p.name for p in written] == ["seed_nodes.csv", "seed_edges.csv"]
    with written[0].open(encoding="utf-8", newline="") as fh:
        nodes = {row["id"]: row for row in csv.DictReader(fh)}
    with written[1].open(encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert len(nodes) == g.number_of_nodes() and len(edges) == g.number_of_edges()
    assert nodes["A/RES/55/25"]["title"] == "Convention contre la criminalité « transnationale »"
    assert nodes["A/RES/56/120"]["date"] == "" and nodes["A/RES/56/120"]["date_inferred"] == "true"
    assert (nodes["A/RES/55/25"]["cited_by"], nodes["A/RES/58/135"]["cites"]) == ("2", "1")
    assert {"source": "A/RES/58/135", "target": "A/RES/56/120", "relation": "cites", "footnote": "2"}.items() \
        <= next(e for e in edges if e["relation"] == "cites" and e["source"] == "A/RES/58/135").items()


def test_focus_keeps_the_lineage_not_the_siblings(tmp_path: Path) -> None:
    g = lineage_graph()
    sub, key = neighbourhood(g, "58/135", depth=1)
    assert key == "A/RES/58/135"
    assert set(sub) == {"A/RES/56/120", "A/RES/58/135", "A/RES/60/177"}
    whole, _ = neighbourhood(g, "A/RES/58/135")
    assert set(whole) == {"A/RES/55/25", "A/RES/56/120", "A/RES/58/135", "A/RES/60/177", "convention:UNTOC"}
    assert "A/RES/57/173" not in whole  # cites the same ancestor, but is not in 58/135's lineage
    out = export_view(g, "graphml", tmp_path / "f.graphml", focus="A/RES/58/135", depth=1)[0]
    assert nx.read_graphml(out, force_multigraph=True).number_of_edges() == 3
    with pytest.raises(KeyError, match="A/RES/99/999"):
        export_view(g, "html", tmp_path / "x.html", focus="A/RES/99/999")


def test_html_is_one_file_with_no_external_reference(tmp_path: Path) -> None:
    g = lineage_graph()
    g.nodes["A/RES/58/135"]["title"] = "<script>alert(1)</script>"
    out = export_view(g, "html", tmp_path / "lineage.html", focus="A/RES/58/135", depth=1)[0]
    page = out.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert not re.search(r"""<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=""", page, re.IGNORECASE)
    assert "uncite lineage of A/RES/58/135 (depth 1)" in page
    assert "vis-network" in page and "Content-Security-Policy" in page


def test_unknown_format_and_negative_depth_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="graphml"):
        export_view(lineage_graph(), "pdf", tmp_path / "x.pdf")
    with pytest.raises(ValueError, match="depth"):
        export_view(lineage_graph(), "html", tmp_path / "x.html", focus="A/RES/58/135", depth=-1)


def test_from_a_store_directory(tmp_path: Path) -> None:
    """The path a user gives `uncite export --store DIR`: a pyoxigraph store on disk."""
    ox = pytest.importorskip("pyoxigraph")
    store_dir = tmp_path / "store"
    store = ox.Store(str(store_dir))
    cites, key = ox.NamedNode("http://purl.org/spar/cito/cites"), ox.NamedNode("https://w3id.org/uncite/ontology#key")
    a, b = ox.NamedNode("https://undocs.org/A/RES/58/135"), ox.NamedNode("https://undocs.org/A/RES/56/120")
    store.extend([ox.Quad(a, cites, b), ox.Quad(a, key, ox.Literal("A/RES/58/135"))])
    store.flush()
    del store
    out = export_view(store_dir, "graphml", tmp_path / "s.graphml")[0]
    back = nx.read_graphml(out, force_multigraph=True)
    assert list(back.edges()) == [("A/RES/58/135", "A/RES/56/120")]
