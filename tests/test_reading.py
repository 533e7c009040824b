"""Input as it arrives: encodings, PDFs, and bad files that must fail with one line naming the file."""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from extractors.errors import DocumentError
from extractors.reading import decode_bytes, read_document

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = "Rappelant sa résolution 55/25 du 15 novembre 2000, l’Assemblée générale « salue » l’œuvre"


@pytest.mark.parametrize("encoded, encoding", [
    (SAMPLE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
    (SAMPLE.encode("utf-16"), "utf-16"),
    (SAMPLE.encode("utf-16-le"), "utf-16-le"),
    (SAMPLE.encode("utf-16-be"), "utf-16-be"),
    (SAMPLE.encode("cp1252"), "cp1252"),
    (SAMPLE.replace("’", "'").replace("œ", "oe").encode("latin-1"), "cp1252"),
])
def test_encodings(encoded: bytes, encoding: str) -> None:
    text, used = decode_bytes(encoded)
    assert used == encoding
    assert "résolution 55/25" in text


@pytest.mark.parametrize("content, message", [
    (b"", "empty document"),
    (b"   \n\n  \t ", "empty document"),
    (bytes(range(256)) * 40, "binary file"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 500, "binary file"),
    (b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntrailer\n%%EOF", "broken PDF"),
])
def test_bad_input_fails_with_one_line_naming_the_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as info:
        read_document(path)
    text = str(info.value)
    assert text.startswith(str(path)) and message in text and "\n" not in text


def test_pdf_suffix_without_pdf_content(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("not a pdf")
    with pytest.raises(DocumentError, match="not a PDF"):
        read_document(path)


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"resolution 55/25 " * 1000)
    with pytest.raises(DocumentError, match="too large"):
        read_document(path, max_bytes=1000)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="cannot read"):
        read_document(tmp_path / "nope.txt")


def test_real_pdf_text_layer() -> None:
    source = read_document(ROOT / "corpus" / "dev" / "A_HRC_WG.6_34_SVN_2.pdf")
    assert source.format == "pdf"
    assert "Compilation on Slovenia" in source.text
    assert source.text.count("\f") >= 10


def test_markdown_is_recognised() -> None:
    source = read_document(ROOT / "corpus" / "seeds" / "003_fe76080c2b5089c7.txt")
    assert source.format == "markdown"
