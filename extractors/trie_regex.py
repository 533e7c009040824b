"""Alternations of many literal words written as a character trie.

Why: Python's regex engine tries the branches of an alternation one after the other at every candidate
position; written as a trie it follows one branch per character, and when the top level is a choice of
single first characters the engine skips ahead to positions holding one of them (the same matches,
found several times faster). A trie has no quantifier, so it stays linear-time.
"""
from __future__ import annotations

import re
from typing import Iterable


def trie_alternation(words: Iterable[str]) -> str:
    """A regex matching exactly `words` (the empty word too). Along each path longer words come first,
    so at a given position it picks what an alternation sorted longest first picks."""
    return token_trie([re.escape(ch) for ch in word] for word in words)


def token_trie(sequences: Iterable[list[str]]) -> str:
    """The trie of sequences of regex pieces (an escaped character, `\\s{1,3}` for a space...): where the
    sequences that can match at one position differ only by length, deeper (longer) ones come first."""
    root: dict = {}
    for tokens in sequences:
        node = root
        for token in tokens:
            node = node.setdefault(token, {})
        node[""] = {}
    return _render(root)


def first_char_branches(words: Iterable[str], after_first: str = "", rest_flags: str = "") -> str:
    """`(?:A<after_first>(?<flags>:trie of A's suffixes)|B...)`: a top-level choice of first characters,
    each followed by `after_first` (e.g. a look-behind that checks what precedes the word) and the
    trie of the rest of the words beginning with it, under the inline flags `rest_flags` ("i")."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[:1], []).append(word[1:])
    branches = []
    for first in sorted(by_first):
        rest = trie_alternation(by_first[first])
        if rest and rest_flags:
            rest = f"(?{rest_flags}:{rest})"
        branches.append(re.escape(first) + after_first + rest)
    return "(?:" + "|".join(branches) + ")"


def _render(node: dict) -> str:
    branches = [token + _render(child) for token, child in sorted(node.items()) if token]
    if "" in node:
        branches.append("")  # the word ending here: tried after every longer word
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"
