"""`uncite build / query / export` as a user runs them (subprocess, real extractor, real store)."""
from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus" / "seeds"


def uncite(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], cwd=cwd, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=300)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("cli")
    result = uncite("build", str(SEEDS), cwd=work)
    assert result.returncode == 0, result.stderr
    return work


def count_triples(work: Path) -> str:
    result = uncite("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--format", "csv", cwd=work)
    return result.stdout.splitlines()[1]


def test_build_uses_the_default_store(workdir: Path) -> None:
    assert (workdir / ".uncite" / "store").is_dir()


def test_build_twice_changes_nothing(workdir: Path) -> None:
    before = count_triples(workdir)
    result = uncite("build", str(SEEDS), cwd=workdir)
    assert result.returncode == 0 and "5 unchanged" in result.stderr
    assert count_triples(workdir) == before


def test_a_rejected_file_is_reported_and_skipped(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEEDS / "001_11afc25751e83b2c.txt", docs / "a.txt")
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 this is not a PDF")
    shutil.copy(SEEDS / "003_fe76080c2b5089c7.txt", docs / "z.txt")
    result = uncite("build", str(docs), "--store", str(tmp_path / "st"), cwd=tmp_path)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "broken.pdf" in line]
    assert len(errors) == 1
    assert "2 document(s)" in result.stderr
    before = uncite("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", str(tmp_path / "st"),
                    "--format", "csv", cwd=tmp_path).stdout
    again = uncite("build", str(docs), "--store", str(tmp_path / "st"), cwd=tmp_path)
    assert again.returncode == 1
    after = uncite("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", str(tmp_path / "st"),
                   "--format", "csv", cwd=tmp_path).stdout
    assert before == after  # nothing lost, nothing duplicated


def test_query_ready_query_with_parameter(workdir: Path) -> None:
    result = uncite("query", "who-cites", "--param", "target=A/RES/55/25", "--format", "csv", cwd=workdir)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 3


def test_query_file_and_formats(workdir: Path) -> None:
    path = str(ROOT / "graph" / "queries" / "footnoted-reports.rq")
    table = uncite("query", path, "--param", "resolution=A/RES/58/135", cwd=workdir)
    assert "E/CN.15/2003/5" in table.stdout and "(1 row)" in table.stdout
    as_json = json.loads(uncite("query", path, "--format", "json", cwd=workdir).stdout)
    assert as_json["head"]["vars"][0] == "resolution"
    tsv = uncite("query", path, "--format", "tsv", cwd=workdir).stdout
    assert tsv.startswith("?resolution\t")


def test_ask_construct_describe(workdir: Path) -> None:
    ask = uncite("query", "ASK { <https://undocs.org/A/RES/58/135> cito:cites <https://undocs.org/A/RES/55/25> }", cwd=workdir)
    assert ask.stdout.strip() == "true"
    construct = uncite("query", "CONSTRUCT { ?w cito:cites <https://undocs.org/A/RES/55/25> } WHERE "
                       "{ ?w cito:cites <https://undocs.org/A/RES/55/25> }", cwd=workdir)
    assert len(Graph().parse(data=construct.stdout, format="turtle")) == 3
    describe = uncite("query", "DESCRIBE <https://undocs.org/A/RES/55/25>", "--format", "csv", cwd=workdir)
    assert describe.returncode == 0 and "unc" not in describe.stdout.split(" ", 1)[0]
    assert len(Graph().parse(data=describe.stdout, format="nt")) > 0


def test_malformed_query_names_line_and_column(workdir: Path) -> None:
    result = uncite("query", "SELECT ?x WHERE {\n  ?x ?y }", cwd=workdir)
    assert result.returncode == 2
    assert "line 2, column" in result.stderr and result.stdout == ""


def test_unknown_parameter_is_an_error(workdir: Path) -> None:
    result = uncite("query", "who-cites", "--param", "symbol=A/RES/55/25", cwd=workdir)
    assert result.returncode == 2 and "?target" in result.stderr


def test_query_without_store(tmp_path: Path) -> None:
    result = uncite("query", "ASK {}", cwd=tmp_path)
    assert result.returncode == 2 and "uncite build" in result.stderr


@pytest.mark.parametrize("fmt, parse_as", [("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld")])
def test_export_rdf(workdir: Path, fmt: str, parse_as: str) -> None:
    out = workdir / f"export.{fmt}"
    result = uncite("export", fmt, str(out), cwd=workdir)
    assert result.returncode == 0, result.stderr
    graph = Graph().parse(out, format=parse_as)
    cites = set(graph.subjects(predicate=None, object=None))
    assert cites and len(graph) > 1000


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_export_quads(workdir: Path, fmt: str) -> None:
    out = workdir / f"export.{fmt}"
    assert uncite("export", fmt, str(out), cwd=workdir).returncode == 0
    assert "https://w3id.org/uncite/graph/" in out.read_text(encoding="utf-8")
    assert "file://" not in out.read_text(encoding="utf-8")


def test_export_rejects_focus_for_rdf_and_unknown_formats(workdir: Path) -> None:
    assert uncite("export", "turtle", "x.ttl", "--focus", "A/RES/58/135", cwd=workdir).returncode == 2
    result = uncite("export", "docx", "x.docx", cwd=workdir)
    assert result.returncode == 2 and "turtle" in result.stderr


def test_export_view_formats_dispatch(workdir: Path) -> None:
    out = workdir / "graph.graphml"
    result = uncite("export", "graphml", str(out), "--focus", "A/RES/58/135", "--depth", "1", cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert "A/RES/55/25" in out.read_text(encoding="utf-8")
