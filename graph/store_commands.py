"""`uncite build`, `uncite query`, `uncite export`: the knowledge-graph commands."""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path
from typing import Any

from graph.namespaces import PREFIXES
from graph.store import DEFAULT_STORE

VIEW_FORMATS = ("html", "graphml", "gexf", "csv")
QUERY_FORMATS = ("table", "csv", "json", "tsv")


def register(subparsers: Any) -> None:
    build = subparsers.add_parser("build", help="extract documents and load them into the RDF store",
                                  description="Extract each file (or folder) and replace its named graph in the store.")
    build.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of documents")
    build.add_argument("--store", default=str(DEFAULT_STORE), help=f"store directory (default: {DEFAULT_STORE})")
    build.set_defaults(func=run_build)

    query = subparsers.add_parser("query", help="run SPARQL over the store",
                                  description="Run a SPARQL SELECT/ASK/CONSTRUCT/DESCRIBE query: text, a .rq file, "
                                  "or the name of a ready query in graph/queries (e.g. who-cites).")
    query.add_argument("sparql", metavar="SPARQL_OR_FILE")
    query.add_argument("--store", default=str(DEFAULT_STORE), help=f"store directory (default: {DEFAULT_STORE})")
    query.add_argument("--format", choices=QUERY_FORMATS, default="table")
    query.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                       help="bind a ready query's `VALUES ?NAME { UNDEF }` parameter (repeatable)")
    query.set_defaults(func=run_query)

    export = subparsers.add_parser("export", help="export the store (RDF) or the citation graph (views)",
                                   description="FORMAT: turtle, ntriples, nquads, trig, jsonld (RDF) or "
                                   "html, graphml, gexf, csv (views of the citation graph).")
    export.add_argument("format", metavar="FORMAT")
    export.add_argument("out", metavar="OUT")
    export.add_argument("--store", default=str(DEFAULT_STORE), help=f"store directory (default: {DEFAULT_STORE})")
    export.add_argument("--focus", metavar="SYMBOL", help="views only: keep this document's lineage")
    export.add_argument("--depth", type=int, metavar="N", help="views only: lineage depth around --focus")
    export.set_defaults(func=run_export)


def _err(message: str) -> None:
    print(message, file=sys.stderr)


# ------------------------------------------------------------------------------ build
def run_build(args: argparse.Namespace) -> int:
    """Extract and load every input; a rejected file is reported and skipped, exit status 1 at the end."""
    try:
        from extractors.api import extract_file, iter_input_files
        from extractors.errors import DocumentError
    except ImportError as exc:
        _err(f"uncite build: the extractor is not available ({exc})")
        return 2
    from graph.store import UnciteStore

    try:
        store = UnciteStore(args.store)
    except OSError as exc:
        _err(f"uncite build: cannot open the store {args.store}: {exc}")
        return 2
    store.ensure_vocabulary()
    counts = {"added": 0, "replaced": 0, "unchanged": 0}
    failed = 0
    try:
        inputs = list(iter_input_files(args.paths))
    except DocumentError as exc:
        _err(f"uncite build: {exc}")
        return 1
    for path in inputs:
        try:
            record = extract_file(path).to_json()
        except DocumentError as exc:
            _err(f"uncite build: {exc}")
            failed += 1
            continue
        except Exception as exc:  # an extractor bug must not cost the rest of the build
            _err(f"uncite build: {path}: extraction failed: {type(exc).__name__}: {exc}")
            failed += 1
            continue
        if not record.get("sha256"):
            record["sha256"] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        counts[store.replace_document(path, record).outcome] += 1
    store.flush()
    total = sum(counts.values())
    _err(f"uncite build: {total} document(s) ({counts['added']} added, {counts['replaced']} replaced, "
         f"{counts['unchanged']} unchanged), {failed} failed; {store.triple_count()} triples in {args.store}")
    return 1 if failed else 0


# ------------------------------------------------------------------------------ query
def read_query(text: str) -> str:
    """The query text from a file path, a ready-query name, or the argument itself."""
    from graph.store import ready_query_path

    path = Path(text)
    if len(text) < 4096 and "{" not in text and path.is_file():
        return path.read_text(encoding="utf-8")
    ready = ready_query_path(text) if re.fullmatch(r"[\w.-]+", text) else None
    if ready is not None:
        return ready.read_text(encoding="utf-8")
    return text


def _parse_params(items: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise ValueError(f"--param expects NAME=VALUE, got {item!r}")
        params[name.lstrip("?$")] = value
    return params


def syntax_message(exc: BaseException) -> str:
    """'error at 2:9: expected ...' -> 'syntax error at line 2, column 9: expected ...'."""
    text = str(exc)
    match = re.match(r"error at (\d+):(\d+)(?:-\d+:\d+)?:\s*(.*)", text, re.S)
    if match:
        line, column, rest = match.groups()
        return f"syntax error at line {line}, column {column}: {rest}"
    return f"syntax error: {text}"


def run_query(args: argparse.Namespace) -> int:
    import pyoxigraph as ox

    from graph.store import UnciteStore, bind_parameters

    try:
        sparql = bind_parameters(read_query(args.sparql), _parse_params(args.param))
    except (ValueError, OSError) as exc:
        _err(f"uncite query: {exc}")
        return 2
    if not Path(args.store).exists():
        _err(f"uncite query: no store at {args.store}; run `uncite build PATH...` first")
        return 2
    try:
        store = UnciteStore(args.store, read_only=True)
    except OSError as exc:
        _err(f"uncite query: cannot open the store {args.store}: {exc}")
        return 2
    try:
        result = store.query(sparql)
    except SyntaxError as exc:
        _err(f"uncite query: {syntax_message(exc)}")
        return 2
    except (RuntimeError, OSError, ValueError) as exc:
        _err(f"uncite query: {exc}")
        return 2
    out = sys.stdout.buffer
    if isinstance(result, ox.QuerySolutions):
        if args.format == "table":
            out.write(format_table(result).encode("utf-8"))
        else:
            fmt = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                   "json": ox.QueryResultsFormat.JSON}[args.format]
            out.write(result.serialize(format=fmt))
    elif isinstance(result, ox.QueryBoolean):
        if args.format == "table":
            out.write(b"true\n" if bool(result) else b"false\n")
        else:
            fmt = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                   "json": ox.QueryResultsFormat.JSON}[args.format]
            out.write(result.serialize(format=fmt))
    else:  # CONSTRUCT / DESCRIBE: table -> Turtle, json -> JSON-LD, csv/tsv -> N-Triples
        fmt = {"table": ox.RdfFormat.TURTLE, "json": ox.RdfFormat.JSON_LD}.get(args.format, ox.RdfFormat.N_TRIPLES)
        triples = list(result)
        out.write(ox.serialize(triples, format=fmt, prefixes=PREFIXES if fmt == ox.RdfFormat.TURTLE else None))
    out.flush()
    return 0


def compact(term: Any) -> str:
    """A readable cell: prefixed IRIs, literal values without quotes; '' when unbound."""
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, iri in PREFIXES.items():
            if term.value.startswith(iri) and re.fullmatch(r"[\w.-]*", term.value[len(iri):]):
                return f"{prefix}:{term.value[len(iri):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return " ".join(term.value.split())
    return str(term)


def format_table(solutions: Any) -> str:
    """Aligned text table of SELECT results with a row count."""
    names = [v.value for v in solutions.variables]
    rows = [[compact(row[name]) for name in names] for row in solutions]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    widths = [min(w, 80) for w in widths]

    def line(cells: list[str]) -> str:
        return "  ".join((c if len(c) <= 80 else c[:77] + "...").ljust(w) for c, w in zip(cells, widths)).rstrip()

    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------------------ export
def run_export(args: argparse.Namespace) -> int:
    from graph.rdf_export import RDF_FORMATS, export
    from graph.store import UnciteStore

    fmt = args.format.lower()
    if fmt not in RDF_FORMATS and fmt not in VIEW_FORMATS:
        _err(f"uncite export: unknown format {args.format!r}; choose from "
             f"{', '.join(sorted(RDF_FORMATS))}, {', '.join(VIEW_FORMATS)}")
        return 2
    if not Path(args.store).exists():
        _err(f"uncite export: no store at {args.store}; run `uncite build PATH...` first")
        return 2
    try:
        store = UnciteStore(args.store, read_only=True)
    except OSError as exc:
        _err(f"uncite export: cannot open the store {args.store}: {exc}")
        return 2
    if fmt in VIEW_FORMATS:
        from graph.view_export import export_view

        try:
            written = export_view(store.raw, fmt, args.out, focus=args.focus, depth=args.depth)
        except (KeyError, ValueError) as exc:
            _err(f"uncite export: {exc.args[0] if exc.args else exc}")
            return 2
        _err(f"uncite export: wrote {', '.join(str(p) for p in written)}")
        return 0
    if args.focus is not None or args.depth is not None:
        _err("uncite export: --focus/--depth apply to html, graphml, gexf and csv only")
        return 2
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    count = export(store, fmt, args.out)
    _err(f"uncite export: wrote {count} statements to {args.out}")
    return 0
