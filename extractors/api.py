"""Public entry points: extract one file, or walk folders for the files uncite reads."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from .errors import DocumentError
from .model import ExtractedDocument
from .pipeline import extract_text
from .reading import read_document

SUFFIXES = {".txt", ".md", ".markdown", ".pdf", ".text"}


def extract_file(path: Path | str, name: str | None = None) -> ExtractedDocument:
    """Read and extract one document; DocumentError (one line, naming the file) if it cannot be read."""
    source = read_document(path)
    try:
        return extract_text(source.text, name or str(path), markdown=source.format == "markdown", raw=source.raw)
    except RecursionError:
        raise DocumentError(str(path), "document structure too deep to extract") from None


def iter_input_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Files named, and files with a known suffix under folders (recursively, sorted, hidden ones skipped)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUFFIXES and not _is_documentation(child) and not any(
                        part.startswith(".") for part in child.relative_to(path).parts):
                    yield child
        else:
            yield path


def _is_documentation(path: Path) -> bool:
    """A folder's README describes the corpus; it is not one of its documents (name it to extract it)."""
    return path.stem.upper() in {"README", "LICENSE", "CHANGELOG"}
