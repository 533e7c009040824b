"""Each ready query in graph/queries answers its question on the seed corpus (real extractor)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from graph.store import QUERY_DIR, UnciteStore, bind_parameters, query_parameters, ready_query_path

SEEDS = Path(__file__).resolve().parents[1] / "corpus" / "seeds"
NO_SYMBOL = "doc:" + hashlib.sha256((SEEDS / "002_f422198ff45d3352.txt").read_bytes()).hexdigest()[:16]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> UnciteStore:
    from extractors.api import extract_file, iter_input_files

    built = UnciteStore(tmp_path_factory.mktemp("q") / "store")
    built.ensure_vocabulary()
    for path in iter_input_files([SEEDS]):
        built.replace_document(path, extract_file(path).to_json())
    return built


def run(store: UnciteStore, name: str, **params: str) -> list[dict[str, str]]:
    sparql = bind_parameters(ready_query_path(name).read_text(encoding="utf-8"), params)
    result = store.query(sparql)
    names = [v.value for v in result.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in result]


def test_every_ready_query_is_documented_and_parameterised() -> None:
    for name in ("who-cites", "cited-by-relation", "instruments-adopted", "citations-per-body-year",
                 "documents-citing-convention", "footnoted-reports"):
        text = ready_query_path(name).read_text(encoding="utf-8")
        assert text.startswith(f"# {name}:")
        params = query_parameters(text)
        assert len(params) == 1 and f"?{params[0]}" in text.split("PREFIX")[0]


def test_who_cites_55_25(store: UnciteStore) -> None:
    rows = run(store, "who-cites", target="A/RES/55/25")
    assert {r["citingKey"] for r in rows} == {"A/RES/56/120", "A/RES/58/135", NO_SYMBOL}
    both = next(r for r in rows if r["citingKey"] == "A/RES/56/120")
    assert sorted(both["languages"].split()) == ["en", "fr"]  # one work, two language versions
    assert int(both["mentions"]) == 2
    assert "recalls" in both["relations"].split()


def test_exactly_three_works_cite_55_25(store: UnciteStore) -> None:
    rows = list(store.query("SELECT DISTINCT ?w WHERE { ?w cito:cites <https://undocs.org/A/RES/55/25> }"))
    assert len(rows) == 3


def test_cited_by_relation(store: UnciteStore) -> None:
    rows = run(store, "cited-by-relation", source="A/RES/58/135")
    pairs = {(r["relation"], r["citedKey"]) for r in rows}
    assert {("recalls", "A/RES/55/25"), ("recalls", "A/RES/56/120"), ("recalls", "A/RES/55/255")} <= pairs
    assert {r["citedKey"] for r in rows} >= {"convention:UNTOC", "E/CN.15/2003/5", "protocol:firearms"}
    assert all(r["source"] == "A/RES/58/135" for r in rows)


def test_instruments_adopted(store: UnciteStore) -> None:
    rows = run(store, "instruments-adopted", resolution="A/RES/55/25")
    assert ("adopts", "convention:UNTOC", "convention") in {(r["relation"], r["instrumentKey"], r["instrumentKind"]) for r in rows}
    assert all(r["instrumentKind"] in {"convention", "protocol", "declaration", "rules", "principles",
                                       "agreement", "plan", "charter"} for r in run(store, "instruments-adopted"))


def test_citations_per_body_year(store: UnciteStore) -> None:
    rows = {(r["body"], r["year"]): int(r["citations"]) for r in run(store, "citations-per-body-year")}
    mentions = {row["n"].value for row in store.query("SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a unc:Citation }")}
    assert sum(rows.values()) == int(mentions.pop())
    assert {("GA", "2001"), ("GA", "2003"), ("GA", "2005")} <= set(rows)  # 56/120, 58/135, 60th session
    assert any(body == "COP-UNTOC" for body, _ in rows)
    assert set(r["body"] for r in run(store, "citations-per-body-year", body="GA")) == {"GA"}


def test_documents_citing_convention(store: UnciteStore) -> None:
    rows = run(store, "documents-citing-convention", convention="convention:UNTOC")
    assert {(r["citingKey"], r["language"]) for r in rows} >= {
        ("A/RES/56/120", "fr"), ("A/RES/56/120", "en"), ("A/RES/58/135", "fr"),
        ("CTOC/COP/2010/L.9", "fr"), (NO_SYMBOL, "fr")}
    assert all("onvention" in r["words"] for r in rows)


def test_footnoted_reports(store: UnciteStore) -> None:
    rows = run(store, "footnoted-reports", resolution="A/RES/58/135")
    assert [(r["reportKey"], r["footnote"]) for r in rows] == [("E/CN.15/2003/5", "1")]
    others = {r["reportKey"] for r in run(store, "footnoted-reports", resolution=NO_SYMBOL)}
    assert {"A/60/131", "A/CONF.203/18"} <= others


def test_parameter_binding() -> None:
    text = "SELECT * WHERE { VALUES ?target { UNDEF } ?w unc:key ?target }"
    assert 'VALUES ?target { "A/RES/55/25" }' in bind_parameters(text, {"target": "A/RES/55/25"})
    assert "VALUES ?target { 12 }" in bind_parameters(text, {"target": "12"})
    assert 'VALUES ?target { "say \\"hi\\"" }' in bind_parameters(text, {"target": 'say "hi"'})
    with pytest.raises(ValueError, match=r"no parameter \?nope .*\?target"):
        bind_parameters(text, {"nope": "x"})


def test_ready_queries_parse_in_rdflib_too() -> None:
    from rdflib.plugins.sparql import prepareQuery

    for path in QUERY_DIR.glob("*.rq"):
        if not path.name.startswith("network_"):
            prepareQuery(path.read_text(encoding="utf-8"))
