"""Benchmark: load throughput and ready-query latency, pyoxigraph store vs rdflib's in-memory engine.

Synthesises a corpus through the real emitter (graph.rdf_emit), so every citation carries uncite's full
provenance (reified mention, quote + position selectors, relation, expression, activity), until the data
holds ~275,000 triples per --scale unit. Then, in the same run:
  load   rdflib: parse N-Triples (union) and N-Quads (Dataset); pyoxigraph: bulk_load N-Quads, and
         uncite's transactional per-document replace (what `uncite build` does) on a sample;
  query  the ready queries of graph/queries (bound to a heavily cited target) plus the two reference
         queries (who cites X over cito:cites; GROUP BY over all citations), median latency per engine.
Prints a table and the rdflib/oxigraph ratios. Not collected by pytest; no timing is asserted anywhere.

    .venv/bin/python tests/benchmarks/bench_store.py [--scale 0.5] [--seed 7]   # --scale 1: 275k quads
"""
from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402
from rdflib import Dataset, Graph  # noqa: E402

from graph import iris  # noqa: E402
from graph.rdf_emit import emit_triples, ntriples_lines  # noqa: E402
from graph.store import UnciteStore, bind_parameters, ready_query_path  # noqa: E402
from ontology import vocabulary_graph  # noqa: E402

TRIPLES_PER_SCALE = 275_000
RELATIONS = ["cites", "recalls", "reaffirms", "takesNoteOf", "welcomes", "endorses", "adopts", "annexes"]
INSTRUMENTS = [("convention:UNTOC", "convention"), ("convention:UNCAC", "convention"),
               ("protocol:firearms", "protocol"), ("declaration:millennium", "declaration"),
               ("rules:nelson-mandela", "rules")]
HOT = "A/RES/55/25"
QUERIES = [  # (label, ready query or inline SPARQL, parameters)
    ("who-cites X (cito:cites edge)", "SELECT DISTINCT ?citing WHERE { ?citing cito:cites <https://undocs.org/A/RES/55/25> }", {}),
    ("GROUP BY over all citations", "SELECT ?rel (COUNT(?m) AS ?n) WHERE { ?m unc:relation ?rel } GROUP BY ?rel", {}),
    ("who-cites.rq", "who-cites", {"target": HOT}),
    ("cited-by-relation.rq", "cited-by-relation", {"source": "A/RES/60/1"}),
    ("instruments-adopted.rq", "instruments-adopted", {"resolution": "A/RES/55/25"}),
    ("citations-per-body-year.rq", "citations-per-body-year", {}),
    ("documents-citing-convention.rq", "documents-citing-convention", {"convention": "convention:UNTOC"}),
    ("footnoted-reports.rq", "footnoted-reports", {"resolution": "A/RES/60/1"}),
]
PREFIXES = "".join(f"PREFIX {p}: <{i}>\n" for p, i in {
    "unc": "https://w3id.org/uncite/ontology#", "cito": "http://purl.org/spar/cito/"}.items())


def synth_record(i: int, rng: random.Random) -> dict:
    """One GA-resolution-like record with 8-24 citations, Zipf-like target popularity."""
    session = 40 + i % 40
    symbol = f"A/RES/{session}/{i // 40 + 1}"
    if i == 0:
        symbol = "A/RES/60/1"
    citations = []
    offset = 0
    for n in range(rng.randint(8, 24)):
        roll = rng.random()
        if roll < 0.08:
            target, kind = HOT, "ga-resolution"
        elif roll < 0.25:
            target, kind = rng.choice(INSTRUMENTS)
        elif roll < 0.35:
            target, kind = f"E/CN.15/{rng.randint(1990, 2010)}/{rng.randint(1, 20)}", "document"
        else:
            s = rng.randint(30, session)
            target, kind = f"A/RES/{s}/{int(rng.paretovariate(1.2)) % 300 + 1}", "ga-resolution"
        text = f"sa résolution {target} du {rng.randint(1, 28)} décembre {1945 + session}"
        citations.append({
            "target": target, "kind": kind, "text": text, "start": offset, "end": offset + len(text),
            "relation": rng.choice(RELATIONS), "footnote": (n % 9 + 1) if rng.random() < 0.3 else None,
            "paragraph": f"{'PP' if n < 6 else 'OP'}{n + 1}", "date": None, "body": "GA" if kind == "ga-resolution" else None,
            "adopted_by": HOT if target == "convention:UNTOC" else None,
        })
        offset += len(text) + 200
    if i == 0:  # the bound source of the per-document queries: give it a footnoted report
        citations.append({"target": "E/CN.15/2003/5", "kind": "document", "text": "E/CN.15/2003/5", "start": offset,
                          "end": offset + 14, "relation": "takesNoteOf", "footnote": 1, "paragraph": "OP3"})
    sha = hashlib.sha256(f"synthetic-{i}".encode()).hexdigest()
    return {"file": f"synthetic/{i:06d}.txt", "symbol": symbol, "language": rng.choice(["fr", "en"]), "body": "GA",
            "session": session, "date": f"{1945 + session}-12-{rng.randint(1, 22):02d}", "title": f"Synthetic {i}",
            "doc_type": "resolution", "sha256": sha, "citations": citations}


def synthesise(target_triples: int, seed: int) -> tuple[list[dict], list[str], list[str]]:
    """Records plus their N-Quads lines and deduplicated N-Triples (union) lines."""
    rng = random.Random(seed)
    records, nquads, union = [], [], set()
    while len(nquads) < target_triples:
        record = synth_record(len(records), rng)
        graph = f"<{iris.graph_iri(record['sha256'])}>"
        for line in ntriples_lines(emit_triples(record)):
            nquads.append(f"{line[:-2]} {graph} .")
            union.add(line)
        records.append(record)
    return records, nquads, sorted(union)


def timed(fn, runs: int, budget: float = 3.0) -> float:
    """Median seconds over `runs` calls (fewer when one call already exceeds `budget`)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
        if times[-1] > budget:
            break
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=0.5,
                        help="x 275,000 quads (default 0.5 keeps the run near 1 minute; --scale 1 is the 275k reference, ~3 min)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=5, help="query repetitions for oxigraph (rdflib: up to 3)")
    args = parser.parse_args()

    t0 = time.perf_counter()
    records, nquads, ntriples = synthesise(int(TRIPLES_PER_SCALE * args.scale), args.seed)
    mentions = sum(len(r["citations"]) for r in records)
    print(f"synthesised {len(records)} documents, {mentions} mentions, {len(nquads)} quads "
          f"({len(ntriples)} distinct triples) in {time.perf_counter() - t0:.1f}s")

    with tempfile.TemporaryDirectory() as tmp:
        nq_path, nt_path = Path(tmp) / "data.nq", Path(tmp) / "data.nt"
        nq_path.write_text("\n".join(nquads) + "\n", encoding="utf-8")
        nt_path.write_text("\n".join(ntriples) + "\n", encoding="utf-8")

        rows = []
        start = time.perf_counter()
        Graph().parse(nt_path, format="nt")
        rdflib_nt = len(ntriples) / (time.perf_counter() - start)
        start = time.perf_counter()
        dataset = Dataset(default_union=True)
        dataset.parse(nq_path, format="nquads")
        rdflib_nq = len(nquads) / (time.perf_counter() - start)

        vocabulary = dataset.graph(iris.ONTOLOGY_GRAPH)  # same vocabulary graph as `uncite build` loads
        for triple in vocabulary_graph():
            vocabulary.add(triple)

        store = UnciteStore(Path(tmp) / "store")
        store.ensure_vocabulary()
        start = time.perf_counter()
        store.raw.bulk_load(path=str(nq_path), format=ox.RdfFormat.N_QUADS)
        ox_bulk = len(nquads) / (time.perf_counter() - start)
        store.recompute_in_corpus()

        sample_store = UnciteStore(Path(tmp) / "sample")
        sample = records[: max(30, len(records) // 20)]
        sample_quads = 0
        start = time.perf_counter()
        for record in sample:
            sample_store.replace_document(Path(tmp) / record["file"], record)
            sample_quads += len(emit_triples(record))
        ox_txn = sample_quads / (time.perf_counter() - start)

        rows.append(("load: rdflib parse N-Triples", f"{rdflib_nt:,.0f} triples/s"))
        rows.append(("load: rdflib parse N-Quads (Dataset)", f"{rdflib_nq:,.0f} quads/s"))
        rows.append(("load: pyoxigraph bulk_load N-Quads", f"{ox_bulk:,.0f} quads/s"))
        rows.append(("load: uncite replace_document (1 txn/doc, incl. emit)", f"{ox_txn:,.0f} quads/s"))
        for label, value in rows:
            print(f"{label:<58} {value:>22}")
        print(f"{'load ratio oxigraph bulk / rdflib N-Quads':<58} {ox_bulk / rdflib_nq:>21.1f}x")

        print(f"\n{'query':<34} {'rows':>6} {'rdflib ms':>11} {'oxigraph ms':>12} {'ratio':>9}")
        for label, query, params in QUERIES:
            path = ready_query_path(query)
            text = bind_parameters(path.read_text(encoding="utf-8"), params) if path else PREFIXES + query
            ox_rows = len(list(store.query(text)))
            ox_time = timed(lambda: list(store.query(text)), args.runs)
            rd_rows = len(list(dataset.query(text)))
            rd_time = timed(lambda: list(dataset.query(text)), min(3, args.runs), budget=1.0)
            flag = "" if ox_rows == rd_rows else f"  (row counts differ: {rd_rows})"
            print(f"{label:<34} {ox_rows:>6} {rd_time * 1000:>11.1f} {ox_time * 1000:>12.2f} "
                  f"{rd_time / ox_time:>8.0f}x{flag}")
    print(f"\ntotal {time.perf_counter() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
