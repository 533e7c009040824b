"""`uncite extract` and `uncite eval`."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .api import extract_file, iter_input_files
from .errors import DocumentError
from .evaluate import evaluate


def register(subparsers: argparse._SubParsersAction) -> None:
    extract = subparsers.add_parser("extract", help="extract identity and citations from files or folders")
    extract.add_argument("paths", nargs="+", type=Path)
    extract.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    extract.set_defaults(func=run_extract)
    ev = subparsers.add_parser("eval", help="score extraction against a gold JSONL file")
    ev.add_argument("gold", type=Path)
    ev.set_defaults(func=run_eval)


def run_extract(args: argparse.Namespace) -> int:
    failed = False
    out = sys.stdout
    for path in iter_input_files(args.paths):
        try:
            doc = extract_file(path)
        except DocumentError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed = True
            continue
        except Exception as exc:  # one bad document never stops the batch
            print(f"error: {path}: internal error ({type(exc).__name__}: {exc})", file=sys.stderr)
            failed = True
            continue
        if args.format == "jsonl":
            out.write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")
        else:
            out.write(format_table(doc.to_json()))
        out.flush()
    return 1 if failed else 0


def format_table(record: dict) -> str:
    ident = ", ".join(f"{k}={record.get(k)}" for k in ("symbol", "language", "body", "session", "date") if record.get(k) is not None)
    lines = [f"== {record['file']}  ({ident})"]
    header = f"{'target':<32} {'kind':<18} {'relation':<12} {'para':<8} {'fn':>3}  text"
    lines.append(header)
    for c in record["citations"]:
        text = " ".join(c["text"].split())
        if len(text) > 70:
            text = text[:67] + "..."
        lines.append(f"{c['target']:<32} {c['kind']:<18} {c['relation']:<12} {str(c['paragraph'] or ''):<8} "
                     f"{str(c['footnote'] or ''):>3}  {text}")
    return "\n".join(lines) + "\n\n"


def run_eval(args: argparse.Namespace) -> int:
    if not args.gold.is_file():
        print(f"error: {args.gold}: no such gold file", file=sys.stderr)
        return 2
    score = evaluate(args.gold)
    for doc in score.documents:
        status = "ok" if not doc.missed and not doc.extra else "diff"
        print(f"{doc.file}: {status} tp={doc.true_positives} missed={len(doc.missed)} extra={len(doc.extra)}")
        if doc.error:
            print(f"  error: {doc.error}")
        for target in doc.missed:
            print(f"  - missed {target}")
        for target in doc.extra:
            print(f"  + extra  {target}")
    p, r, f = score.prf()
    print(f"precision={p:.3f} recall={r:.3f} f1={f:.3f}")
    return 0
