"""Benchmark: lineage and whole-graph analyses on a synthetic corpus (default 25,000 documents, 250,000 citations).

Run:  .venv/bin/python tests/benchmarks/bench_lineage.py [--docs N] [--citations M] [--no-store]

Prints absolute times and ratios to baselines measured in the same run on the same graph (a plain
BFS for lineage, one linear pass over the graph for whole-graph analyses), so figures compare across
machines. Nothing is asserted: this is not a test.
"""
from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import networkx as nx  # noqa: E402

from graph.anomalies import anomaly_report  # noqa: E402
from graph.influence import cocitation_counts, communities, hits_authorities, pagerank  # noqa: E402
from graph.lineage import chain_graph, lineage, time_ordered_dag  # noqa: E402
from graph.mainpath import key_route_main_path, local_main_path, longest_path, spc  # noqa: E402
from graph.lineage_commands import analyse  # noqa: E402
from graph.network import citation_digraph, graph_from_records, iri_for_key, load_citation_graph  # noqa: E402
from graph.series import find_series  # noqa: E402

BODIES = (("GA", 0.6), ("ECOSOC", 0.25), ("SC", 0.15))


def synthetic_records(docs: int, citations: int, seed: int = 7) -> list[dict[str, Any]]:
    """Extractor-like records: GA/ECOSOC/SC resolutions over 75 sessions, topics that recur as series,
    citations mostly to the same topic's recent resolutions, to popular ones, and to a few conventions."""
    rng = random.Random(seed)
    topics = [f"Topic {t} on international cooperation in field {t % 97}" for t in range(800)]
    weights = [1 / (t + 1) ** 0.7 for t in range(len(topics))]
    counters: dict[tuple[str, int], int] = {}
    meta = []
    for i in range(docs):
        session = 1 + i * 75 // docs
        year = 1945 + session
        body = rng.choices([b for b, _ in BODIES], [w for _, w in BODIES])[0]
        n = counters[(body, session)] = counters.get((body, session), 0) + 1
        key = {"GA": f"A/RES/{session}/{n}", "ECOSOC": f"E/RES/{year}/{n}", "SC": f"S/RES/{i}({year})"}[body]
        date = None if rng.random() < 0.2 else f"{year}-12-{rng.randint(1, 28):02d}"
        topic = rng.choices(range(len(topics)), weights)[0]
        meta.append({"key": key, "body": body, "session": session if body == "GA" else None, "date": date,
                     "topic": topic, "year": year})
    instruments = [f"convention:C{c}" for c in range(100)]
    by_topic: dict[int, list[int]] = {}
    cited_pool: list[int] = []  # one entry per citation received: degree-proportional picks
    pairs: set[tuple[int, int]] = set()
    per_doc = citations / max(1, docs - 50)
    edges: dict[int, list[tuple[str, str, str]]] = {}
    for i, m in enumerate(meta):
        want = 0 if i < 50 else int(per_doc) + (1 if rng.random() < per_doc % 1 else 0)
        picked: list[tuple[str, str, str]] = []
        tries = 0
        while len(picked) < want and tries < want * 10:
            tries += 1
            r = rng.random()
            same = by_topic.get(m["topic"], [])
            if r < 0.5 and same:
                j = rng.choice(same[-20:])
            elif r < 0.8 and cited_pool:
                j = rng.choice(cited_pool)
            elif r < 0.95:
                j = rng.randrange(max(1, i))
            elif r < 0.999:
                target = rng.choice(instruments)
                if (i, -hash(target)) not in pairs:
                    pairs.add((i, -hash(target)))
                    picked.append((target, "cites", "the Convention"))
                continue
            else:
                j = min(docs - 1, i + rng.randint(1, 500))  # a misread number: cites a later document
            if j == i or (i, j) in pairs:
                continue
            pairs.add((i, j))
            cited_pool.append(j)
            other = meta[j]
            own = other["body"] == m["body"] and other["topic"] == m["topic"]
            picked.append((other["key"], "recalls" if own else "cites",
                           f"{'its' if own else 'the'} resolution {other['key']}"))
        edges[i] = picked
        by_topic.setdefault(m["topic"], []).append(i)
    total = sum(len(e) for e in edges.values())
    while total < citations:  # top up to the exact count asked for
        i = rng.randrange(50, docs)
        j = rng.randrange(i)
        if (i, j) not in pairs:
            pairs.add((i, j))
            edges[i].append((meta[j]["key"], "cites", f"the resolution {meta[j]['key']}"))
            total += 1
    records = []
    for i, m in enumerate(meta):
        records.append({"symbol": m["key"], "body": m["body"], "session": m["session"], "date": m["date"],
                        "title": topics[m["topic"]], "doc_type": "resolution", "language": "en",
                        "citations": [{"target": t, "relation": r, "text": x,
                                       "kind": "convention" if t.startswith("convention:") else None}
                                      for t, r, x in edges[i]]})
    return records


def nquads(records: list[dict[str, Any]]) -> str:
    """The same corpus as N-Quads following the contract (works, direct edges, reified mentions)."""
    unc, cito = "https://w3id.org/uncite/ontology#", "http://purl.org/spar/cito/"
    xsd, rdf = "http://www.w3.org/2001/XMLSchema#", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    kinds = {"GA": "ga-resolution", "ECOSOC": "ecosoc-resolution", "SC": "sc-resolution"}
    lines = []
    for n, rec in enumerate(records):
        g = f"<https://w3id.org/uncite/graph/{n:064x}>"
        w = f"<{iri_for_key(rec['symbol'])}>"
        lines += [f"{w} <{rdf}> <{unc}Work> {g} .", f'{w} <{unc}key> "{rec["symbol"]}" {g} .',
                  f'{w} <{unc}symbol> "{rec["symbol"]}" {g} .',
                  f"{w} <{unc}kind> <https://w3id.org/uncite/id/kind/{kinds[rec['body']]}> {g} .",
                  f"{w} <http://data.europa.eu/eli/ontology#passed_by> <https://w3id.org/uncite/id/body/{rec['body']}> {g} .",
                  f'{w} <http://purl.org/dc/terms/title> "{rec["title"]}"@en {g} .',
                  f'{w} <{unc}inCorpus> "true"^^<{xsd}boolean> <https://w3id.org/uncite/graph/derived> .']
        if rec["date"]:
            lines.append(f'{w} <http://purl.org/dc/terms/date> "{rec["date"]}"^^<{xsd}date> {g} .')
        if rec["session"]:
            lines.append(f'{w} <{unc}session> "{rec["session"]}"^^<{xsd}integer> {g} .')
        for k, cit in enumerate(rec["citations"], start=1):
            t = f"<{iri_for_key(cit['target'])}>"
            c = f"<https://w3id.org/uncite/id/citation/{n:016x}/{k}>"
            q = f"<https://w3id.org/uncite/id/citation/{n:016x}/{k}/quote>"
            lines += [f"{t} <{rdf}> <{unc}Work> {g} .", f'{t} <{unc}key> "{cit["target"]}" {g} .',
                      f"{w} <{cito}cites> {t} {g} .", f"{w} <{unc}{cit['relation']}> {t} {g} .",
                      f"{c} <{rdf}> <{unc}Citation> {g} .", f"{c} <{unc}citingWork> {w} {g} .",
                      f"{c} <{unc}citedWork> {t} {g} .", f"{c} <{unc}relation> <{unc}{cit['relation']}> {g} .",
                      f"{c} <http://www.w3.org/ns/oa#hasSelector> {q} {g} .",
                      f"{q} <{rdf}> <http://www.w3.org/ns/oa#TextQuoteSelector> {g} .",
                      f'{q} <http://www.w3.org/ns/oa#exact> "{cit["text"]}" {g} .']
    return "\n".join(lines) + "\n"


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    """Best wall time of `repeat` runs (seconds) and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=25_000)
    parser.add_argument("--citations", type=int, default=250_000)
    parser.add_argument("--no-store", action="store_true", help="skip loading through a pyoxigraph store")
    parser.add_argument("--samples", type=int, default=20, help="documents whose lineage is timed")
    args = parser.parse_args()

    t, records = timed(lambda: synthetic_records(args.docs, args.citations))
    print(f"generated {len(records)} records, {sum(len(r['citations']) for r in records)} citations in {t:.1f} s")
    t_build, graph = timed(lambda: graph_from_records(records))
    print(f"nx graph built directly: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges "
          f"in {t_build:.2f} s")

    if not args.no_store:
        import pyoxigraph as ox

        with tempfile.TemporaryDirectory() as tmp:
            data = nquads(records)
            store = ox.Store(str(Path(tmp) / "store"))
            t_bulk, _ = timed(lambda: store.bulk_load(input=data, format=ox.RdfFormat.N_QUADS))
            store.flush()
            print(f"store: {data.count(chr(10))} quads bulk-loaded in {t_bulk:.1f} s")
            t_load, loaded = timed(lambda: load_citation_graph(store))
            print(f"load_citation_graph(store): {loaded.number_of_nodes()} nodes, {loaded.number_of_edges()} edges "
                  f"in {t_load:.1f} s  ({t_load / t_build:.1f}x building from records)")
            del store, loaded, data

    # ---------------------------------------------------------------- lineage of one document
    rng = random.Random(1)
    keys = [r["symbol"] for r in records]
    sample = [keys[rng.randrange(len(keys) // 4, 3 * len(keys) // 4)] for _ in range(args.samples)]
    simple = nx.DiGraph(graph)
    rows = []
    for key in sample:
        t_bfs, reach = timed(lambda: len(nx.descendants(simple, key)) + len(nx.ancestors(simple, key)), 3)
        t_lin, result = timed(lambda: lineage(graph, key), 1)
        t_d2, _ = timed(lambda: lineage(graph, key, depth=2), 1)
        rows.append((t_lin, t_d2, t_bfs, reach, len(result.chains)))
    med = lambda i: statistics.median(r[i] for r in rows)  # noqa: E731
    worst = max(r[0] for r in rows)
    print(f"\nlineage of one document ({len(rows)} mid-corpus documents, median; lineage reaches "
          f"{int(med(3))} documents up+down):")
    print(f"  baseline plain BFS up+down (nx.ancestors + nx.descendants): {med(2) * 1000:7.1f} ms")
    print(f"  lineage(), default (all depths, chain window auto-limited):  {med(0) * 1000:7.1f} ms  "
          f"= {med(0) / med(2):.1f}x BFS   (worst {worst * 1000:.0f} ms)")
    print(f"  lineage(depth=2):                                            {med(1) * 1000:7.1f} ms  "
          f"= {med(1) / med(2):.1f}x BFS")

    # ---------------------------------------------------------------- whole-graph analyses
    t_base, _ = timed(lambda: sum(1 for _ in nx.bfs_edges(simple.to_undirected(as_view=True), keys[0])), 1)
    t_scan, _ = timed(lambda: sum(1 for _ in graph.edges(keys=True, data=True)), 1)
    print(f"\nwhole graph (baselines: one BFS over the undirected graph {t_base:.2f} s; "
          f"one scan of all edges {t_scan:.2f} s)")
    results: list[tuple[str, float]] = []

    def run(name: str, fn: Callable[[], Any]) -> Any:
        t, value = timed(fn)
        results.append((name, t))
        print(f"  {name:<42} {t:7.2f} s  = {t / t_base:6.1f}x BFS")
        return value

    simple = run("collapse to one edge per citing pair", lambda: citation_digraph(graph))
    dag = run("time-ordered DAG (chain_graph + order)", lambda: time_ordered_dag(chain_graph(graph)))
    weights = run("SPC, exact integers", lambda: spc(dag))
    digits = max(len(str(w)) for w in weights.values())
    run("SPC, normalised floats (log space)", lambda: spc(dag, exact=False))
    run("local main path (given SPC)", lambda: local_main_path(dag, weights))
    run("key-route main paths, global, k=3", lambda: key_route_main_path(dag, 3, "global", weights))
    run("longest path", lambda: longest_path(dag))
    run("PageRank", lambda: pagerank(simple))
    run("HITS authorities", lambda: hits_authorities(simple))
    found = run("communities (Louvain)", lambda: communities(simple))
    series = run("series", lambda: find_series(graph))
    run("co-citation counts (pairs >= 2)", lambda: cocitation_counts(simple))
    run("anomaly report", lambda: anomaly_report(graph))
    total = sum(t for _, t in results)
    print(f"  {'total whole-graph analyses':<42} {total:7.2f} s  = {total / t_base:6.1f}x BFS")
    t_all, _ = timed(lambda: analyse(graph))
    print(f"  {'uncite analyse (its own set, one call)':<42} {t_all:7.2f} s  = {t_all / t_base:6.1f}x BFS")
    print(f"\n(largest exact SPC has {digits} digits; {len(found)} communities; {len(series)} series)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
