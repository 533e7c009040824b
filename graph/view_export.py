"""`uncite export html|graphml|gexf|csv`: the citation graph (or one document's lineage) for people and tools.

HTML is the interactive offline page of graph/html_view.py; GraphML (Cytoscape, yEd) and GEXF (Gephi)
come from the networkx writers, which accept only scalar attributes, so None is left out and lists
(e.g. an edge's `mentions`) become JSON text; CSV is two files, nodes and edges, for spreadsheets.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from graph import html_view

FORMATS = ("html", "graphml", "gexf", "csv")
NODE_COLUMNS = ("id", "key", "label", "kind", "body", "session", "date", "year", "date_inferred", "title",
                "in_corpus", "iri", "cited_by", "cites")
EDGE_COLUMNS = ("source", "target", "relation", "text", "paragraph", "footnote", "language")


def load_graph(store: Any) -> nx.MultiDiGraph:
    """A graph as given, or the store's graph (a pyoxigraph.Store or a store directory)."""
    if isinstance(store, nx.Graph):
        return store
    from graph.network import load_citation_graph

    return load_citation_graph(store)


def neighbourhood(graph: nx.MultiDiGraph, focus: str, depth: int | None = None) -> tuple[nx.MultiDiGraph, str]:
    """The focus document's lineage: what it cites and what cites it, transitively, up to `depth` steps.

    Followed in citation direction only (not siblings that merely cite the same work); depth None =
    the whole lineage. Edges among the kept works stay, so cross-links in the lineage are visible.
    """
    from graph.lineage import ancestors, descendants
    from graph.network import resolve_node

    key = resolve_node(graph, focus)
    if key is None:
        raise KeyError(f"{focus!r} is not in the graph ({graph.number_of_nodes()} works); "
                       "give a symbol such as A/RES/58/135 or a key such as convention:UNTOC")
    keep = {key} | {r.key for r in ancestors(graph, key, depth)} | {r.key for r in descendants(graph, key, depth)}
    return graph.subgraph(keep).copy(), key


def _scalar(value: Any) -> str | int | float | bool | None:
    """A value GraphML/GEXF can hold: None stays None (to be omitted), containers become JSON."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple, set, dict)):
        return json.dumps(sorted(value) if isinstance(value, set) else value, ensure_ascii=False, default=str)
    return str(value)


def _clean_attrs(items: Iterable[dict[str, Any]]) -> None:
    """In place: drop None, flatten containers, and make an attribute one type across all items.

    The writers declare one type per attribute name; a name that is int here and str there
    would be declared twice, so mixed names become text everywhere.
    """
    items = list(items)
    types: dict[str, set[type]] = {}
    for attrs in items:
        for name in list(attrs):
            value = _scalar(attrs[name])
            if value is None:
                del attrs[name]
                continue
            attrs[name] = value
            types.setdefault(name, set()).add(bool if isinstance(value, bool) else type(value))
    mixed = {name for name, kinds in types.items() if len(kinds) > 1}
    for attrs in items:
        for name in mixed & attrs.keys():
            attrs[name] = str(attrs[name])


def serialisable_copy(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose graph, node and edge attributes the networkx XML writers accept."""
    out = nx.MultiDiGraph()
    out.graph.update(graph.graph)
    out.add_nodes_from((n, dict(a)) for n, a in graph.nodes(data=True))
    out.add_edges_from((u, v, k, dict(a)) for u, v, k, a in graph.edges(keys=True, data=True))
    for n in out.nodes:
        out.nodes[n]["cited_by"] = html_view.citations_received(graph, n)
    _clean_attrs([out.graph])
    _clean_attrs(a for _, a in out.nodes(data=True))
    _clean_attrs(a for _, _, a in out.edges(data=True))
    return out


def _hex_rgb(color: str) -> dict[str, int]:
    color = color.lstrip("#")
    return {"r": int(color[0:2], 16), "g": int(color[2:4], 16), "b": int(color[4:6], 16), "a": 1.0}


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    """GEXF with the HTML view's layout and colours as viz data, so Gephi opens on the same picture."""
    out = serialisable_copy(graph)
    positions, _, _ = html_view.layout(graph)
    style = html_view.load_style()
    for n, attrs in out.nodes(data=True):
        x, y = positions[n]
        kind = str(graph.nodes[n].get("kind") or "other")
        attrs["viz"] = {"position": {"x": float(x), "y": float(-y), "z": 0.0},
                        "size": float(8 + 4 * attrs.get("cited_by", 0) ** 0.5),
                        "color": _hex_rgb(html_view._color(kind, style["kinds"], style))}
    nx.write_gexf(out, path)


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _scalar(value)


def csv_paths(out: str | Path) -> tuple[Path, Path]:
    """Where CSV goes: into a directory (`out/` exists or ends with a slash) as nodes.csv + edges.csv,
    otherwise `out` is a prefix: `exp/seed` -> exp/seed_nodes.csv + exp/seed_edges.csv (a trailing
    `.csv` is dropped first)."""
    text = str(out)
    path = Path(out)
    if path.is_dir() or text.endswith(("/", "\\")):
        return path / "nodes.csv", path / "edges.csv"
    stem = path.name[:-4] if path.name.lower().endswith(".csv") else path.name
    return path.with_name(f"{stem}_nodes.csv"), path.with_name(f"{stem}_edges.csv")


def write_csv(graph: nx.MultiDiGraph, out: str | Path) -> list[Path]:
    """nodes.csv (one row per work, with citations received/made) and edges.csv (one row per citation), UTF-8."""
    nodes_path, edges_path = csv_paths(out)
    nodes_path.parent.mkdir(parents=True, exist_ok=True)
    node_extra = sorted({k for _, a in graph.nodes(data=True) for k in a} - set(NODE_COLUMNS))
    edge_extra = sorted({k for _, _, a in graph.edges(data=True) for k in a} - set(EDGE_COLUMNS))
    with nodes_path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([*NODE_COLUMNS, *node_extra])
        for n, a in graph.nodes(data=True):
            row = {**a, "id": n, "cited_by": html_view.citations_received(graph, n),
                   "cites": len(set(graph.successors(n)))}
            writer.writerow([_csv_value(row.get(c)) for c in (*NODE_COLUMNS, *node_extra)])
    with edges_path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([*EDGE_COLUMNS, *edge_extra])
        for u, v, k, a in graph.edges(keys=True, data=True):
            row = {"relation": k, **a, "source": u, "target": v}
            writer.writerow([_csv_value(row.get(c)) for c in (*EDGE_COLUMNS, *edge_extra)])
    return [nodes_path, edges_path]


def export_view(store: Any, fmt: str, out: str | Path, focus: str | None = None,
                depth: int | None = None) -> list[Path]:
    """Export the graph of `store` (pyoxigraph.Store, store directory, or an nx graph) as `fmt` to `out`.

    `focus` (a symbol or key) with optional `depth` keeps only that document's lineage neighbourhood.
    For html/graphml/gexf `out` is the file; for csv see `csv_paths`. Returns the files written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if depth is not None and depth < 0:
        raise ValueError("depth must be 0 or more")
    graph = load_graph(store)
    key = None
    if focus is not None:
        graph, key = neighbourhood(graph, focus, depth)
    if fmt == "csv":
        return write_csv(graph, out)
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "html":
        title = "uncite citation graph" if key is None else (
            f"uncite lineage of {graph.nodes[key].get('label') or key}"
            + (f" (depth {depth})" if depth is not None else ""))
        html_view.write_html(graph, path, title=title, focus=key)
    elif fmt == "graphml":
        nx.write_graphml(serialisable_copy(graph), path)
    else:
        write_gexf(graph, path)
    return [path]
