"""`pattern.finditer(text)` for patterns whose every match holds a known literal at a fixed offset.

Why: even with a first-character set the regex engine looks at every character of the text (a few
nanoseconds each), while `str.find` locates a literal at memory-scan speed. Where each match of a
pattern begins with one of a few words ('meeting', 'séance'), or holds one of a few literals just after
its first character ('esolu' in 'Resolution'), the literals are found with `str.find` and the pattern
is tried only there: the same matches, in the same order, as `finditer`.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator


def minimal_anchors(literals: Iterable[str]) -> list[str]:
    """The literals without those that begin with another one (finding 'séance' finds 'séance plénière')."""
    unique = sorted(set(literals), key=len)
    kept: list[str] = []
    for literal in unique:
        if not any(literal.startswith(shorter) for shorter in kept):
            kept.append(literal)
    return kept


def finditer_anchored(pattern: re.Pattern[str], text: str, anchors: list[str], offset: int = 0) -> Iterator[re.Match[str]]:
    """The matches of `pattern.finditer(text)`, provided every match holds one of `anchors` (non-empty)
    `offset` characters after its start: candidate starts come from `str.find`, are tried in order, and
    those inside the previous match are skipped, as `finditer` would."""
    starts: set[int] = set()
    find = text.find
    for anchor in anchors:
        i = find(anchor, offset)
        while i >= 0:
            starts.add(i - offset)
            i = find(anchor, i + 1)
    resume = 0
    match = pattern.match
    for start in sorted(starts):
        if start < resume:
            continue
        m = match(text, start)
        if m is not None:
            yield m
            resume = max(m.end(), start + 1)
