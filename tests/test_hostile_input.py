"""Hostile input: every pattern stays linear. Proved by growing the input and comparing the growth of the
work done (a ratio between runs of the same machine, never a time limit), and by checking that no pattern
nests an unbounded quantifier inside another repeat (the shape of catastrophic backtracking)."""
from __future__ import annotations

import re
import time
from re import _constants as sre_constants
from re import _parser as sre_parse

import pytest

from extractors import (anchored, clauses, dates, identity, instruments, layout, layout_rules, markers, references,
                        symbols, treaty_series, trie_regex)
from extractors.pipeline import extract_text

HOSTILE = {
    "digits": lambda n: "7" * n,
    "slashes": lambda n: "A/" + "1/" * n,
    "parentheses": lambda n: "resolution " + "(" * n + "2001" + ")" * n,
    "keyword": lambda n: "resolution " * n,
    "keyword-numbers": lambda n: "resolutions " + "55/25, " * n,
    "dotted-symbol": lambda n: "E/CN." + "15." * n + "/2003",
    "treaty-series": lambda n: "United Nations, Treaty Series, vols. " + "1, " * n,
    "footnote-markers": lambda n: "siècle1 " * n + "\n____\n1 Résolution 55/59.\n",
    "page-numbers": lambda n: "\n2\n" * n,
    "instrument-prefix": lambda n: "Convention on the Rights of the " * n,
    "date-like": lambda n: "15 novembre " * n,
}


def _work(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        extract_text(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_growth_is_linear(name: str) -> None:
    make = HOSTILE[name]
    small_n = 2000
    small, large = make(small_n), make(small_n * 8)
    t_small = max(_work(small), 1e-3)
    t_large = _work(large)
    # linear work grows ~8x; quadratic would grow ~64x. Allow generous noise, never an absolute limit.
    assert t_large / t_small < 24, (name, t_small, t_large)


def _patterns() -> list[re.Pattern[str]]:
    found: list[re.Pattern[str]] = []
    for module in (anchored, clauses, dates, identity, instruments, layout, layout_rules, markers, references, symbols,
                   treaty_series, trie_regex):
        for value in vars(module).values():
            if isinstance(value, re.Pattern):
                found.append(value)
            elif callable(value) and hasattr(value, "cache_info") and value.__wrapped__.__code__.co_argcount == 0:
                result = value()
                items = result if isinstance(result, (tuple, list)) else [result]
                for item in items:
                    if isinstance(item, re.Pattern):
                        found.append(item)
                    elif isinstance(item, dict):
                        found.extend(v for v in item.values() if isinstance(v, re.Pattern))
    return found


def _max_nested_unbounded(tree, depth: int = 0) -> int:
    worst = depth
    for op, arg in tree:
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, high, sub = arg
            unbounded = high == sre_constants.MAXREPEAT or high > 1000
            worst = max(worst, _max_nested_unbounded(sub, depth + (1 if unbounded else 0)))
        elif op == sre_constants.SUBPATTERN:
            worst = max(worst, _max_nested_unbounded(arg[-1], depth))
        elif op == sre_constants.BRANCH:
            for branch in arg[1]:
                worst = max(worst, _max_nested_unbounded(branch, depth))
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            worst = max(worst, _max_nested_unbounded(arg[1], depth))
    return worst


def test_no_pattern_nests_unbounded_quantifiers() -> None:
    patterns = _patterns()
    assert len(patterns) >= 20
    offenders = [p.pattern[:80] for p in patterns if _max_nested_unbounded(sre_parse.parse(p.pattern, p.flags)) > 1]
    assert offenders == []


def test_hostile_strings_extract_without_error() -> None:
    for name, make in HOSTILE.items():
        doc = extract_text(make(500), file=name)
        for c in doc.citations:
            assert c.start < c.end
