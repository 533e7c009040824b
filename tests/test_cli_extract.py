"""The command-line contract: `uncite extract` JSONL schema, batch errors, `uncite eval`."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIELDS = {"file", "symbol", "language", "body", "session", "date", "citations"}
CITATION_FIELDS = {"target", "kind", "text", "start", "end", "date", "relation", "footnote", "paragraph"}


def uncite(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_extract_folder_jsonl_schema() -> None:
    result = uncite("extract", "corpus/seeds", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 5
    for record in records:
        assert FIELDS <= set(record)
        original = (ROOT / record["file"]).read_text("utf-8")
        for c in record["citations"]:
            assert CITATION_FIELDS <= set(c)
            assert original[c["start"]:c["end"]] == c["text"]


def test_bad_files_do_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.pdf").write_bytes(b"%PDF-1.4\n\x00\x01garbage")
    (tmp_path / "c_good.txt").write_text("The General Assembly,\n\nRecalling its resolution 55/25 of 15 November 2000,\n")
    result = uncite("extract", str(tmp_path))
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert "a_empty.txt" in errors[0] and "b_binary.pdf" in errors[1]
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["file"].split("/")[-1] for r in records] == ["c_good.txt"]
    assert records[0]["citations"][0]["target"] == "A/RES/55/25"


def test_table_format() -> None:
    result = uncite("extract", "corpus/seeds/001_11afc25751e83b2c.txt", "--format", "table")
    assert result.returncode == 0
    assert "A/RES/55/255" in result.stdout and "recalls" in result.stdout


def test_eval_prints_score_line() -> None:
    result = uncite("eval", "corpus/seeds/gold.jsonl")
    assert result.returncode == 0
    assert result.stdout.strip().splitlines()[-1] == "precision=1.000 recall=1.000 f1=1.000"
