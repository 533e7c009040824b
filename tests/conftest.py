"""Shared test helpers: paths to the bundled corpus and a quick extractor for snippets."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS = CORPUS / "seeds"
DEV = CORPUS / "dev"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS
