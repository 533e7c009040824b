"""Extraction throughput against a plain single-regex scan of the same text, measured in the same run.

    .venv/bin/python tests/benchmarks/bench_extract.py [--copies N]

The corpus is the bundled seeds and dev text, processed several times so warm-up is amortised; every
figure is printed next to the baseline so noisy machines still compare fairly. CPU time of this process is
measured (not wall time), so other jobs on the machine disturb the figures less. The per-stage table shows
where the time goes: each stage is at least one pass of Python's regex engine over the text (a pass costs
about what the baseline costs), plus Python work per line or per candidate.
"""
from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from extractors.identity import identify
from extractors.instruments import find_instruments
from extractors.language import detect_language
from extractors.layout import lay_out
from extractors.normalise import normalise
from extractors.pipeline import detect, extract_text
from extractors.reading import read_document
from extractors.references import Context, find_references
from extractors.symbols import find_symbols
from extractors.treaty_series import find_treaty_series

ROOT = Path(__file__).resolve().parents[2]
BASELINE = re.compile(r"\d{1,4}/\d{1,4}")  # one compiled regex: the cheapest scan one could run


def corpus_texts() -> list[tuple[str, str]]:
    files = sorted((ROOT / "corpus").rglob("*.txt"))
    out = []
    for path in files:
        source = read_document(path)
        out.append((path.name, source.text))
    return out


def best_of(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=20, help="how many times the corpus is processed")
    args = parser.parse_args()
    texts = corpus_texts()
    docs = [(name, text, name.startswith("003")) for name, text in texts] * args.copies
    total_bytes = sum(len(text.encode("utf-8")) for _, text, _ in docs)
    extract_text("warm up the caches: résolution 55/25")

    def run_baseline() -> None:
        for _, text, _ in docs:
            sum(1 for _ in BASELINE.finditer(text))

    def run_extract() -> None:
        for name, text, markdown in docs:
            extract_text(text, name, markdown=markdown)

    t_base = best_of(run_baseline)
    t_extract = best_of(run_extract, repeat=2)
    mb = total_bytes / 1e6
    print(f"corpus: {len(docs)} documents, {mb:.2f} MB")
    print(f"baseline single-regex scan: {mb / t_base:8.1f} MB/s")
    print(f"full extraction:            {mb / t_extract:8.1f} MB/s  (one core)")
    print(f"ratio extraction/baseline:  {t_base / t_extract:8.4f}  (baseline is {t_extract / t_base:.0f}x faster)")
    print(f"per document:               {1000 * t_extract / len(docs):8.2f} ms")
    print_stages(texts, t_base / args.copies)


def print_stages(texts: list[tuple[str, str]], baseline: float) -> None:
    """CPU time of each stage over the corpus once, as a multiple of one baseline regex pass."""
    totals: dict[str, float] = {}

    def timed(stage: str, fn):
        start = time.process_time()
        result = fn()
        totals[stage] = totals.get(stage, 0.0) + time.process_time() - start
        return result

    for _ in range(5):
        for name, text in texts:
            norm = timed("normalise", lambda: normalise(text))
            layout = timed("layout", lambda: lay_out(norm, markdown=name.startswith("003")))
            clean = layout.clean.text
            timed("language", lambda: detect_language(clean))
            timed("references", lambda: find_references(clean, Context("GA")))
            timed("symbols", lambda: find_symbols(clean))
            timed("instruments", lambda: find_instruments(clean))
            timed("treaty series", lambda: find_treaty_series(clean))
            found = detect(clean, Context("GA"))
            timed("identity", lambda: identify(layout, found, "en"))
    print("stage costs (in baseline regex passes):")
    for stage, seconds in totals.items():
        print(f"  {stage:<14} {seconds / 5 / baseline:6.1f}")


if __name__ == "__main__":
    main()
