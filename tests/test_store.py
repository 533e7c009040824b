"""The Oxigraph store: per-version named graphs, idempotent and atomic replaces, derived inCorpus, exports."""
from __future__ import annotations

import copy
import hashlib
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from graph import iris
from graph.rdf_export import export, to_rdflib, to_rdflib_graph
from graph.store import UnciteStore
from ontology import validate

SEEDS = Path(__file__).resolve().parents[1] / "corpus" / "seeds"
R5525 = "https://undocs.org/A/RES/55/25"


def gold_records() -> list[dict]:
    """Gold records made extractor-shaped: real sha256, fake offsets, footnotes from the gold notes."""
    records = []
    for line in (SEEDS / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        record["sha256"] = hashlib.sha256((SEEDS / record["file"]).read_bytes()).hexdigest()
        record.setdefault("doc_type", "resolution")
        for i, cit in enumerate(record["citations"]):
            cit["start"], cit["end"] = 100 * i, 100 * i + len(cit["text"])
            match = re.match(r"footnote (\d+)", cit.get("note", ""))
            cit["footnote"] = int(match.group(1)) if match else None
        records.append(record)
    return records


def build(store: UnciteStore, records: list[dict], folder: Path | None = None) -> None:
    store.ensure_vocabulary()
    for record in records:
        store.replace_document((folder or SEEDS) / record["file"], record)


def citing(store: UnciteStore, target: str) -> set[str]:
    rows = store.query(f"SELECT DISTINCT ?w WHERE {{ ?w cito:cites <{target}> }}")
    return {row["w"].value for row in rows}


def in_corpus(store: UnciteStore, work: str) -> list[bool]:
    rows = store.query(f"SELECT ?b WHERE {{ <{work}> unc:inCorpus ?b }}")
    return [row["b"].value == "true" for row in rows]


def quads(store: UnciteStore) -> set[str]:
    return {str(q) for q in store.raw}


@pytest.fixture()
def seeded(tmp_path: Path) -> UnciteStore:
    store = UnciteStore(tmp_path / "store")
    build(store, gold_records())
    return store


def test_three_works_cite_55_25(seeded: UnciteStore) -> None:
    sha = gold_records()[2]["sha256"]
    assert citing(seeded, R5525) == {
        "https://undocs.org/A/RES/56/120", "https://undocs.org/A/RES/58/135",
        f"https://w3id.org/uncite/id/doc/{sha[:16]}",
    }


def test_building_twice_changes_nothing(seeded: UnciteStore) -> None:
    before, count = quads(seeded), seeded.triple_count()
    for record in gold_records():
        assert seeded.replace_document(SEEDS / record["file"], record).outcome == "unchanged"
    assert seeded.ensure_vocabulary() is False
    assert quads(seeded) == before and seeded.triple_count() == count


def test_one_named_graph_per_document_version(seeded: UnciteStore) -> None:
    records = gold_records()
    assert seeded.document_graphs() == sorted(iris.graph_iri(r["sha256"]) for r in records)
    assert [path for path, _ in seeded.documents()] == sorted(str((SEEDS / r["file"]).resolve()) for r in records)


def test_every_stored_document_graph_passes_the_shapes(seeded: UnciteStore) -> None:
    for graph_iri in seeded.document_graphs():
        graph = Graph()
        for q in seeded.raw.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri)):
            graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        conforms, report = validate(graph)
        assert conforms, report


def test_changed_file_replaces_exactly_its_graph(tmp_path: Path) -> None:
    store = UnciteStore(tmp_path / "store")
    records = gold_records()
    build(store, records)
    others = {str(q) for q in store.raw if q.graph_name.value not in (iris.graph_iri(records[1]["sha256"]),)
              and not q.graph_name.value.startswith(str(iris.GRAPH) + "index")
              and not q.graph_name.value.startswith(str(iris.GRAPH) + "derived")}
    changed = copy.deepcopy(records[1])
    changed["sha256"] = "f" * 64
    changed["citations"] = [c for c in changed["citations"] if c["target"] != "A/RES/55/25"]
    result = store.replace_document(SEEDS / records[1]["file"], changed)
    assert result.outcome == "replaced"
    assert not store.raw.contains_named_graph(ox.NamedNode(iris.graph_iri(records[1]["sha256"])))
    assert store.graph_for_path(SEEDS / records[1]["file"]) == iris.graph_iri("f" * 64)
    assert "https://undocs.org/A/RES/58/135" not in citing(store, R5525)
    after = {str(q) for q in store.raw}
    assert others <= after  # every other document's graph untouched
    # Changing it back restores the original store exactly.
    store.replace_document(SEEDS / records[1]["file"], records[1])
    fresh = UnciteStore(None)
    build(fresh, records)
    assert {str(q) for q in store.raw} == {str(q).replace(str(SEEDS), str(SEEDS)) for q in fresh.raw}


def test_failure_mid_document_leaves_the_store_as_it_was(seeded: UnciteStore) -> None:
    before = quads(seeded)
    record = copy.deepcopy(gold_records()[0])
    record["sha256"] = "e" * 64
    ops, _, _ = seeded.replacement_operations(SEEDS / record["file"], record)
    assert any(op.startswith("DROP") for op in ops) and any(op.startswith("INSERT DATA") for op in ops)
    # The last operation fails (the index graph exists): nothing of the earlier drop/insert may stick.
    with pytest.raises(Exception, match="already exists"):
        seeded.apply(ops + [f"CREATE GRAPH <{iris.INDEX_GRAPH}>"])
    assert quads(seeded) == before


def test_in_corpus_follows_the_corpus(tmp_path: Path) -> None:
    records = {r["file"][:3]: r for r in gold_records()}
    store = UnciteStore(tmp_path / "store")
    build(store, [records["001"]])  # 58/135 cites 56/120, not yet in the corpus
    assert in_corpus(store, "https://undocs.org/A/RES/56/120") == [False]
    assert in_corpus(store, "https://undocs.org/A/RES/58/135") == [True]
    build(store, [records["000"]])  # now 56/120 enters the corpus
    assert in_corpus(store, "https://undocs.org/A/RES/56/120") == [True]
    assert store.remove_document(SEEDS / records["000"]["file"])
    assert in_corpus(store, "https://undocs.org/A/RES/56/120") == [False]
    assert store.remove_document(SEEDS / records["001"]["file"])
    assert store.document_graphs() == []
    assert list(store.query("SELECT * WHERE { ?w unc:inCorpus ?b }")) == []


def test_every_work_has_exactly_one_in_corpus_flag(seeded: UnciteStore) -> None:
    rows = seeded.query("SELECT ?w (COUNT(DISTINCT ?b) AS ?n) WHERE { ?w a unc:Work . "
                        "OPTIONAL { ?w unc:inCorpus ?b } } GROUP BY ?w")
    counts = {row["w"].value: int(row["n"].value) for row in rows}
    assert counts and set(counts.values()) == {1}
    assert in_corpus(seeded, R5525) == [False]


def test_same_content_at_two_paths_shares_one_graph(tmp_path: Path) -> None:
    record = gold_records()[0]
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    store = UnciteStore(tmp_path / "store")
    store.replace_document(a, record)
    store.replace_document(b, record)
    assert len(store.document_graphs()) == 1
    changed = dict(record, sha256="d" * 64)
    store.replace_document(a, changed)
    assert store.graph_for_path(b) == iris.graph_iri(record["sha256"])
    assert len(store.document_graphs()) == 2


def test_store_persists(tmp_path: Path) -> None:
    store = UnciteStore(tmp_path / "store")
    build(store, gold_records())
    count = store.triple_count()
    store.flush()
    del store
    reopened = UnciteStore(tmp_path / "store", read_only=True)
    assert reopened.triple_count() == count
    assert len(citing(reopened, R5525)) == 3


# --------------------------------------------------------------------------- exports
def test_turtle_export_reloads_to_the_same_triples(seeded: UnciteStore, tmp_path: Path) -> None:
    out = tmp_path / "graph.ttl"
    count = export(seeded, "turtle", out)
    reloaded = Graph().parse(out, format="turtle")
    expected = to_rdflib_graph(seeded)
    assert len(reloaded) == count == len(expected) == seeded.triple_count()
    assert isomorphic(reloaded, expected)
    assert (URIRef("https://undocs.org/A/RES/58/135"), URIRef("http://purl.org/spar/cito/cites"), URIRef(R5525)) in reloaded


@pytest.mark.parametrize("fmt, rdflib_format", [("ntriples", "nt"), ("jsonld", "json-ld")])
def test_triple_exports_reload(seeded: UnciteStore, tmp_path: Path, fmt: str, rdflib_format: str) -> None:
    out = tmp_path / f"graph.{fmt}"
    export(seeded, fmt, out)
    assert isomorphic(Graph().parse(out, format=rdflib_format), to_rdflib_graph(seeded))


def test_jsonld_export_uses_the_context(seeded: UnciteStore, tmp_path: Path) -> None:
    out = tmp_path / "graph.jsonld"
    export(seeded, "jsonld", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["@context"]["cites"] == {"@id": "cito:cites", "@type": "@id"}
    assert "cites" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt, rdflib_format", [("nquads", "nquads"), ("trig", "trig")])
def test_quad_exports_keep_one_graph_per_document(seeded: UnciteStore, tmp_path: Path, fmt: str, rdflib_format: str) -> None:
    out = tmp_path / f"graph.{fmt}"
    count = export(seeded, fmt, out)
    dataset = Dataset()
    dataset.parse(out, format=rdflib_format)
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert set(seeded.document_graphs()) <= graphs
    assert str(iris.INDEX_GRAPH) not in graphs  # local paths never leave the machine
    assert count == len(list(dataset.quads((None, None, None, None))))


def test_export_is_deterministic(seeded: UnciteStore, tmp_path: Path) -> None:
    export(seeded, "turtle", tmp_path / "a.ttl")
    export(seeded, "turtle", tmp_path / "b.ttl")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()
