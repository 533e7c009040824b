"""`uncite lineage` and `uncite analyse`: lineage of one document and the whole-graph analyses, from the store."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from typing import Any

import networkx as nx

from graph.network import (DEFAULT_STORE, load_citation_graph, load_lineage_graph, normalise_symbol, open_store,
                           resolve_node)

ARROW = " → "


def when(attrs: Mapping[str, Any]) -> str:
    """Date for display: the date, '~2001' for a year inferred from the session, '?' when unknown.

    >>> when({"date": "2001-12-19"}), when({"year": 2001, "date_inferred": True}), when({})
    ('2001-12-19', '~2001', '?')
    """
    if attrs.get("date"):
        return str(attrs["date"])
    if attrs.get("year") is not None:
        return f"~{attrs['year']}" if attrs.get("date_inferred") else str(attrs["year"])
    return "?"


def format_text(graph: nx.MultiDiGraph, result: Any) -> str:
    """Chains one per line (oldest first, with arrows), then ancestors and descendants with date and relation."""
    nodes = graph.nodes
    label = lambda n: result.labels.get(n, n)  # noqa: E731
    head = nodes[result.key]
    lines = [f"{result.label}  ({when(head)}{', ' + head['title'] if head.get('title') and head.get('title') != result.label else ''})"]
    lines.append("")
    lines.append("Chains (oldest first):" if result.chains else "Chains: none")
    lines.extend("  " + ARROW.join(label(n) for n in chain) for chain in result.chains)
    for title, relatives in (("Ancestors (cited, directly or through others)", result.ancestors),
                             ("Descendants (citing it, directly or through others)", result.descendants)):
        if not relatives:
            continue
        lines.append("")
        lines.append(f"{title}:")
        for r in relatives:
            how = ", ".join(r.relations) if r.relations else f"via {label(r.via)}"
            lines.append(f"  {when(nodes[r.key]):<11} {r.label}  [{how}; depth {r.depth}]")
    inferred = any(nodes[n].get("date_inferred") for n in {result.key, *(r.key for r in result.ancestors + result.descendants)})
    notes = list(result.notes) + (["~ dates are inferred from the session or symbol"] if inferred else [])
    if notes:
        lines.append("")
        lines.extend(f"note: {n}" for n in notes)
    return "\n".join(lines)


def format_mermaid(graph: nx.MultiDiGraph, result: Any) -> str:
    """Mermaid flowchart of the reduced lineage, older -> newer."""
    ids = {n: f"n{i}" for i, n in enumerate(sorted(result.labels, key=str))}
    esc = lambda s: str(s).replace('"', "'")  # noqa: E731
    lines = ["graph LR"]
    used = {n for edge in result.reduced_edges for n in edge} | {result.key}
    for n in sorted(used, key=str):
        lines.append(f'  {ids[n]}["{esc(result.labels.get(n, n))}<br/>{when(graph.nodes[n])}"]')
    for citing, cited in result.reduced_edges:
        lines.append(f"  {ids[cited]} --> {ids[citing]}")
    lines.append(f"  style {ids[result.key]} stroke-width:3px")
    return "\n".join(lines)


def run_lineage(args: argparse.Namespace) -> int:
    """`uncite lineage SYMBOL`."""
    from graph.lineage import lineage

    try:
        store = open_store(args.store)
    except FileNotFoundError as exc:
        print(f"uncite lineage: {exc}", file=sys.stderr)
        return 2
    graph = load_lineage_graph(store, normalise_symbol(args.symbol))  # the usual case: a symbol or key
    key = resolve_node(graph, args.symbol)
    if key is None:  # a label, an IRI prefix...: look in the whole graph
        graph = load_citation_graph(store)
        key = resolve_node(graph, args.symbol)
    if key is None:
        print(f"uncite lineage: {args.symbol} ({normalise_symbol(args.symbol)}) is not in the store {args.store}",
              file=sys.stderr)
        return 1
    result = lineage(graph, key, depth=args.depth, direction=args.direction, relations=args.relation,
                     bodies=args.body, kinds=args.kind, max_chains=args.max_chains)
    if args.format == "json":
        data = result.to_json()
        data["nodes"] = {n: {k: graph.nodes[n].get(k) for k in ("label", "kind", "date", "year", "date_inferred",
                                                                  "in_corpus", "title")} for n in result.labels}
        print(json.dumps(data, ensure_ascii=False, indent=2))
    elif args.format == "mermaid":
        print(format_mermaid(graph, result))
    else:
        print(format_text(graph, result))
    return 0


def analyse(graph: nx.MultiDiGraph, n: int = 10, routes: int = 3) -> dict[str, Any]:
    """Whole-graph report: most cited, PageRank, HITS, main paths, longest path, series, anomalies."""
    from graph.anomalies import anomaly_report
    from graph.influence import hits_authorities, in_degree_by_kind, most_cited, pagerank, top
    from graph.lineage import chain_graph, time_ordered_dag
    from graph.mainpath import key_route_main_path, local_main_path, longest_path, spc
    from graph.network import citation_digraph
    from graph.series import find_series

    simple = citation_digraph(graph)  # collapsed once, shared by the rankings
    dag = time_ordered_dag(chain_graph(graph))
    weights = spc(dag)
    anomalies = anomaly_report(graph)
    return {
        "documents": graph.number_of_nodes(),
        "in_corpus": sum(1 for _, c in graph.nodes(data="in_corpus") if c),
        "citations": simple.number_of_edges(),
        "most_cited": most_cited(simple, n),
        "most_cited_by_kind": in_degree_by_kind(simple, max(3, n // 3)),
        "pagerank": top(pagerank(simple), n),
        "authorities": top(hits_authorities(simple), n),
        "main_path": local_main_path(dag, weights),
        "key_route_main_paths": key_route_main_path(dag, routes, "global", weights),
        "longest_path": longest_path(dag),
        "series": [s.to_json() for s in find_series(graph)],
        "anomalies": {"cycles": anomalies["cycles"], "future_citations": anomalies["future_citations"],
                      "undefined_targets": len(anomalies["undefined_targets"]),
                      "never_described": [t["key"] for t in anomalies["undefined_targets"] if not t["defined"]]},
    }


def format_analysis(graph: nx.MultiDiGraph, report: Mapping[str, Any], n: int) -> str:
    """Human-readable `uncite analyse` report."""
    nodes = graph.nodes
    label = lambda k: nodes[k].get("label") or k  # noqa: E731
    path = lambda p: ARROW.join(label(k) for k in p) if p else "(none)"  # noqa: E731
    out = [f"{report['documents']} documents ({report['in_corpus']} in the corpus), {report['citations']} citations", ""]
    out.append(f"Most cited (top {n}, by distinct citing documents):")
    out.extend(f"  {c:>5}  {label(k)}  [{nodes[k].get('kind') or '?'}, {when(nodes[k])}]" for k, c in report["most_cited"])
    out += ["", "PageRank:"]
    out.extend(f"  {s:.4f}  {label(k)}" for k, s in report["pagerank"])
    out += ["", "Main path (Hummon–Doreian SPC, local forward search):", "  " + path(report["main_path"])]
    out.append("Key-route main paths (global search):")
    out.extend("  " + path(p) for p in report["key_route_main_paths"])
    out += ["Longest citation chain:", "  " + path(report["longest_path"]), ""]
    out.append(f"Series ({len(report['series'])}):")
    for s in report["series"][: max(n, 10)]:
        gaps = f"; no resolution in session(s) {', '.join(map(str, s['gaps']))}" if s["gaps"] else ""
        out.append(f"  {path(s['members'])}{gaps}")
    anomalies = report["anomalies"]
    out += ["", "Anomalies:",
            f"  cycles: {len(anomalies['cycles'])}" + "".join(f"\n    {path(c + c[:1])}" for c in anomalies["cycles"][:n]),
            f"  citations of later documents: {len(anomalies['future_citations'])}" + "".join(
                f"\n    {label(f['citing'])} ({f['citing_date']}) cites {label(f['cited'])} ({f['cited_date']})"
                for f in anomalies["future_citations"][:n]),
            f"  targets not in the corpus: {anomalies['undefined_targets']}"
            f" (never described in the store: {len(anomalies['never_described'])})"]
    return "\n".join(out)


def run_analyse(args: argparse.Namespace) -> int:
    """`uncite analyse`."""
    try:
        graph = load_citation_graph(args.store)
    except FileNotFoundError as exc:
        print(f"uncite analyse: {exc}", file=sys.stderr)
        return 2
    report = analyse(graph, args.top)
    if args.format == "json":
        print(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    else:
        print(format_analysis(graph, report, args.top))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `lineage` and `analyse` to the `uncite` command."""
    p = subparsers.add_parser("lineage", help="where a document comes from and what grew out of it",
                              description="Chains (transitive reduction of the time-ordered citation DAG), "
                                          "ancestors and descendants of one document.")
    p.add_argument("symbol", metavar="SYMBOL", help='e.g. "A/RES/56/120", "56/120", "S/RES/1373 (2001)"')
    p.add_argument("--store", default=str(DEFAULT_STORE), help="store directory (default: %(default)s)")
    p.add_argument("--direction", choices=("up", "down", "both"), default="both",
                   help="up = what it cites, down = what cites it (default: both)")
    p.add_argument("--depth", type=int, default=None, help="citation steps to follow (default: all)")
    p.add_argument("--relation", action="extend", nargs="+", metavar="R",
                   help="only these relations (cites, recalls, reaffirms, takesNoteOf, ...)")
    p.add_argument("--kind", action="extend", nargs="+", metavar="K", help="only these kinds, e.g. ga-resolution")
    p.add_argument("--body", action="extend", nargs="+", metavar="B", help="only these bodies, e.g. GA")
    p.add_argument("--max-chains", type=int, default=50, help="chains to list at most (default: %(default)s)")
    p.add_argument("--format", choices=("text", "json", "mermaid"), default="text")
    p.set_defaults(func=run_lineage)

    a = subparsers.add_parser("analyse", help="most cited documents, main path, series and anomalies",
                              description="Whole-graph analyses of the citation graph in the store.")
    a.add_argument("--store", default=str(DEFAULT_STORE), help="store directory (default: %(default)s)")
    a.add_argument("--top", type=int, default=10, help="entries per ranking (default: %(default)s)")
    a.add_argument("--format", choices=("text", "json"), default="text")
    a.set_defaults(func=run_analyse)
