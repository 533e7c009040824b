"""Footnote markers in the body: glued to a word ('siècle1'), to a number ('résolution 59/1599' = 59/159 + 9,
'20058' = 2005 + 8), detached in column layouts ('Disappearance, 3'), in lists ('bodies1, 2') and Markdown
<sup>. Markers come in order, so a candidate is accepted only where the footnote sequence expects it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from .layout_rules import layout_data, rules as _rules

if TYPE_CHECKING:
    from .layout import Line

_DIGITS = re.compile(r"\d\d{0,7}")  # same runs as \d{1,8}; a leading \d lets the engine skip to digits
_GLUE_CHARS = frozenset(")]\"'.,;:")
_AFTER_MARKER = frozenset(" \t\n\f.,;:)]\"'")
_AFTER_NUMBER = frozenset(" \t\n\f.,;:)]")
_MARKER_LIST = re.compile(r"(?:[ ]?,[ ]?\d{1,3}(?!\d)){1,10}")
_BEFORE_DETACHED = re.compile(r"[\w.,;:)\]\"']")
_DETACHED_TAIL = re.compile(r"[ ]{1,40}(?:[A-Z(\"']|(?:" + "|".join(layout_data()["detached_marker_followers"])
                            + r")\b)|[ ]*(?:\n|$)|,")
_NUMBER_TOKEN = re.compile(r"\d{1,4}[.)]")
_DIGIT = re.compile(r"\d")
_WORD_BEFORE = re.compile(r"([\w°'.]{1,40})[ .]{0,5}$")
_NUMERIC_WORD = re.compile(r"[\d.,/-]+")
_LIST_ITEM = re.compile(r"\s?,\s?(\d{1,3})")


def _body_ranges(lines: list[Line]) -> list[tuple[int, int]]:
    """Spans of consecutive body lines: markers live only there, so only these spans are scanned
    (blank lines between body lines hold no digits and may stay inside a span)."""
    ranges: list[tuple[int, int]] = []
    lo = hi = -1
    for line in lines:
        role = line.role
        if role == "body":
            if lo < 0:
                lo = line.start
            hi = line.end
        elif role != "blank" and lo >= 0:
            ranges.append((lo, hi))
            lo = -1
    if lo >= 0:
        ranges.append((lo, hi))
    return ranges


def _marker_candidates(text: str, lines: list[Line], line_starts: list[int],
                       blockers: frozenset[str]) -> list[tuple[int, list[tuple[int, int, int]], str]]:
    """Every digit run of the body lines that has the shape of a marker: glued to a word, detached
    after a space, or glued to a number; the characters around the run tell which."""
    candidates: list[tuple[int, list[tuple[int, int, int]], str]] = []
    finditer = _DIGITS.finditer
    for lo, hi in _body_ranges(lines):
        for m in finditer(text, lo, hi):
            start, end = m.span()
            prev = text[start - 1] if start else "\n"
            following = text[end:end + 1]
            if prev.isdigit() or following.isdigit():
                continue
            length = end - start
            if length <= 3 and (prev in _GLUE_CHARS or prev.islower()) and (not following or following in _AFTER_MARKER):
                line = lines[bisect_right(line_starts, start) - 1]
                token = text[max(line.start, text.rfind(" ", 0, start) + 1):start]
                how = "word"
                if _NUMBER_TOKEN.fullmatch(token):
                    how = "after-number"  # "in 2017 and 2018.8": a sentence ending in a number, then its marker
                elif "/" in token or _DIGIT.search(token) or (token[-1:] == "." and len(token) <= 4 and token[:1].isupper()):
                    continue  # inside a symbol ("Add.1", "WG.6"), a number or an abbreviation
                tail = _MARKER_LIST.match(text, end)
                items = [(start, end, int(m.group()))]
                if tail is not None:
                    items += _list_items(0, end, tail.group())
                candidates.append((start, items, how))
            elif length <= 3 and prev == " " and start >= 2 and _BEFORE_DETACHED.match(text[start - 2]):
                tail = _MARKER_LIST.match(text, end)
                after = tail.end() if tail else end
                if _DETACHED_TAIL.match(text, after):
                    line = lines[bisect_right(line_starts, start) - 1]
                    # a match spans at most 45 characters and holds spaces only in its last 5: the search
                    # starts there, not at the line start (same match, without quadratic backtracking)
                    lo_word = max(line.start, start - 45, text.rfind(" ", line.start, start - 5) + 1)
                    before = _WORD_BEFORE.search(text, lo_word, start)
                    word = before.group(1).lower().rstrip(".") if before else ""
                    if word in blockers or _NUMERIC_WORD.fullmatch(word or "x"):
                        continue
                    items = [(start, end, int(m.group()))]
                    if tail is not None:
                        items += _list_items(0, end, tail.group())
                    candidates.append((start, items, "detached"))
            if length >= 3 and not (candidates and candidates[-1][0] == start) \
                    and (prev == "/" or not (prev.isalnum() or prev in "_.-")) and (not following or following in _AFTER_NUMBER):
                candidates.append((start, [(start, end, -1)], "number"))
    return candidates


def find_markers(text: str, lines: list[Line], numbers: set[int], markdown: bool) -> list[tuple[int, int, int]]:
    """Footnote markers in body lines, in reading order: (start, end, number) in normalised offsets.

    One scan over the digit runs of the body lines finds candidates of every shape; a candidate is
    accepted only where the footnote sequence expects it (markers come in order)."""
    rules = _rules()
    found: list[tuple[int, int, int]] = []
    if not numbers:
        return found
    line_starts = [line.start for line in lines]

    def body_line(pos: int) -> Line | None:
        line = lines[bisect_right(line_starts, pos) - 1]
        return line if line.role == "body" and pos < line.end else None

    if markdown:
        for m in rules["markdown_marker"].finditer(text):
            if body_line(m.start()) is not None:
                for num in re.findall(r"\d+", m.group(0)):
                    found.append((m.start(), m.end(), int(num)))
        return found
    candidates = _marker_candidates(text, lines, line_starts, rules["detached_marker_blockers"])
    candidates.sort(key=lambda c: c[0])
    ordered = sorted(numbers)
    highest = 0
    for _, items, how in candidates:
        i = bisect_right(ordered, highest)
        expected = ordered[i] if i < len(ordered) else None
        if expected is None and how != "word":
            continue
        if how == "number":
            start, end, _ = items[0]
            if text[end:end + 2].lstrip().startswith("(") or text[end:end + 3].startswith(" ("):
                continue  # '1373 (2001)', '2200 A (XXI)': the number belongs to a reference
            split = _split_glued_number(text[start:end], expected, numbers, text[start - 1:start] == "/")
            if split is not None:
                found.append((start + split, end, expected))
                highest = expected
            continue
        first = items[0][2]
        if first not in numbers:
            continue
        if how in ("detached", "after-number") and not (highest < first <= expected + 2):
            continue
        if how == "word" and first > (expected or highest) + 3:
            continue
        ceiling = max(highest, first) + len(items)
        for start, end, num in items:
            if num in numbers and num <= ceiling:
                found.append((start, end, num))
                highest = max(highest, num)
    return found


def _list_items(base: int, offset: int, tail: str) -> list[tuple[int, int, int]]:
    """Further markers of a list ('bodies1, 2'); each span includes the comma before it."""
    items = []
    for m in _LIST_ITEM.finditer(tail):
        items.append((base + offset + m.start(), base + offset + m.end(), int(m.group(1))))
    return items


def _split_glued_number(digits: str, expected: int, numbers: set[int], has_slash: bool = False) -> int | None:
    """Where a marker glued to a number begins: '59/1599' + 9 -> 3; year '20058' + 8 -> 4.

    Only implausible numbers are split: a year with digits after it, or a resolution number above
    what any session adopts (GA > 400 a session, year-numbered bodies > 60 a year is not checked here).
    """
    if expected not in numbers:
        return None
    suffix = str(expected)
    if not digits.endswith(suffix) or len(digits) <= len(suffix):
        return None
    head = digits[: -len(suffix)]
    if not has_slash:
        if len(head) == 4 and head[:2] in ("19", "20"):
            return 4  # a year followed by its marker: "20058" = 2005 + 8
        return None
    if int(digits) > 400 and len(head) >= 1:
        return len(head)  # resolution 59/1599 -> 59/159 + 9
    return None
