"""The `uncite` command: one sub-command per stage, each registered by its own module."""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys

# Each module exposes register(subparsers); its sub-commands set `func` to a callable(args) -> int.
COMMAND_MODULES = (
    "extractors.commands",
    "graph.store_commands",
    "graph.lineage_commands",
    "graph.view_commands",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="uncite", description="Citation knowledge graph for UN documents.")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        if importlib.util.find_spec(name) is None:
            continue
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
