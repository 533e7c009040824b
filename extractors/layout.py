"""Repair what PDF extraction broke and lay the document out as clean, mapped text.

Lines are classified (page furniture, footnote blocks, body), footnote markers are found (glued to a
word, glued to a number such as `59/1599`, detached in column layouts, Markdown `<sup>`), paragraphs
are segmented, and everything is re-assembled as one clean text: body paragraphs one per line with
whitespace collapsed and line-break hyphens joined, then each footnote on its own line. Every clean
character maps back to the original text.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .mapped_text import MappedText
from .symbols import SYMBOL_LINE


@dataclass(slots=True)
class Line:
    start: int  # offsets in the normalised text, content without the newline
    end: int
    text: str
    page_break: bool = False  # a form feed precedes this line
    role: str = "body"  # body, blank, furniture, separator, notes, footnote, footnote-cont
    stripped: str = ""  # text without surrounding white space, computed once


@dataclass(slots=True)
class Marker:
    start: int  # span of the marker digits in the normalised text
    end: int
    number: int
    paragraph: int  # index into Layout.paragraphs
    original: int = -1  # offset of the marker in the original text


@dataclass(slots=True)
class Paragraph:
    start: int  # span in the clean text
    end: int
    pid: str | None  # "PP3", "OP2", "P14", "OP4(a)"; None for headings and untitled text
    lead: str  # first words, for clause-verb matching


@dataclass(slots=True)
class Footnote:
    number: int
    start: int  # span in the clean text
    end: int
    text: str


@dataclass(slots=True)
class Layout:
    clean: MappedText
    paragraphs: list[Paragraph]
    footnotes: dict[int, Footnote]
    markers: list[Marker]
    furniture: list[str]  # stripped furniture lines (headers, page numbers, job numbers)
    body_end: int  # clean offset where footnotes start
    first_lines: list[str] = field(default_factory=list)  # first non-blank lines, for identity

    _paragraph_starts: list[int] = field(default_factory=list)
    _footnote_index: list[tuple[int, int, int]] = field(default_factory=list)

    def index(self) -> "Layout":
        """Sorted starts for the lookups below (called once the layout is complete)."""
        self._paragraph_starts = [p.start for p in self.paragraphs]
        self._footnote_index = sorted((n.start, n.end, n.number) for n in self.footnotes.values())
        return self

    def paragraph_at(self, pos: int) -> Paragraph | None:
        i = bisect_right(self._paragraph_starts, pos) - 1
        if i >= 0 and self.paragraphs[i].start <= pos <= self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def footnote_at(self, pos: int) -> Footnote | None:
        i = bisect_right(self._footnote_index, (pos, float("inf"), 0)) - 1
        if i >= 0:
            start, end, number = self._footnote_index[i]
            if start <= pos < end:
                return self.footnotes[number]
        return None


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = json.loads(resources.files("extractors.data").joinpath("layout.json").read_text("utf-8"))
    compiled = {k: re.compile(v, re.M) for k, v in data.items() if isinstance(v, str) and not k.startswith("_")}
    compiled["detached_marker_blockers"] = frozenset(data["detached_marker_blockers"])
    compiled["hyphen_keep_prefixes"] = frozenset(data["hyphen_keep_prefixes"])
    compiled["abbreviations"] = frozenset(data["abbreviations"])
    return compiled


_LINE_SPLIT = re.compile(r"[\n\f]")
_SPACE_RUN = re.compile(r" {2,}")
_GLUED_AFTER_WORD = re.compile(r"(?<=[a-zà-ÿœ\)\]\"'.,;:])(\d{1,3})((?:[ ]?,[ ]?\d{1,3}){0,10})(?=[\s.,;:)\]\"']|$)", re.M)
_GLUED_AFTER_NUMBER = re.compile(r"(?<![\w/.-])((?:\d{1,4}/)?)(\d{3,8})(?=[\s.,;:)\]]|$)", re.M)
_DETACHED = re.compile(r"(?<=[\w.,;:)\]\"'])([ ])(\d{1,3})((?:[ ]?,[ ]?\d{1,3}){0,10})(?=[ ]{1,40}(?:[A-Z(\"']|and\b|et\b)|[ ]*$|,)", re.M)
_DIGITS = re.compile(r"\d{1,8}")
_GLUE_CHARS = frozenset(")]\"'.,;:")
_AFTER_MARKER = frozenset(" \t\n\f.,;:)]\"'")
_AFTER_NUMBER = frozenset(" \t\n\f.,;:)]")
_MARKER_LIST = re.compile(r"(?:[ ]?,[ ]?\d{1,3}(?!\d)){1,10}")
_BEFORE_DETACHED = re.compile(r"[\w.,;:)\]\"']")
_DETACHED_TAIL = re.compile(r"[ ]{1,40}(?:[A-Z(\"']|and\b|et\b)|[ ]*(?:\n|$)|,")
_NUMBER_TOKEN = re.compile(r"\d{1,4}[.)]")
_DIGIT = re.compile(r"\d")
_WORD_BEFORE = re.compile(r"([\w°'.]{1,40})[ .]{0,5}$")
_NUMERIC_WORD = re.compile(r"[\d.,/-]+")


def split_lines(text: str) -> list[Line]:
    """Lines with their offsets; a form feed (page break) also ends a line and flags the next.
    Blank lines get the role "blank" here."""
    lines: list[Line] = []
    pos = 0
    page_break = False
    append = lines.append
    for raw in text.split("\n"):
        if "\f" in raw:
            parts = raw.split("\f")
            for index, part in enumerate(parts):
                stripped = part.strip()
                append(Line(pos, pos + len(part), part, page_break, "body" if stripped else "blank", stripped))
                pos += len(part) + 1
                page_break = index < len(parts) - 1
            continue
        stripped = raw.strip()
        append(Line(pos, pos + len(raw), raw, page_break, "body" if stripped else "blank", stripped))
        pos += len(raw) + 1
        page_break = False
    return lines


MAX_FURNITURE = 70


def classify_furniture(lines: list[Line], own_symbol_hint: str | None = None) -> None:
    """Mark running headers, page numbers and job numbers; they must not split or become citations."""
    rules = _rules()
    nonblank = [i for i, line in enumerate(lines) if line.role != "blank"]
    candidates: list[tuple[int, int, str, str]] = []  # (rank among non-blank lines, line index, kind, symbol key)
    standalone: dict[str, int] = {}
    for rank, i in enumerate(nonblank):
        stripped = lines[i].stripped
        if len(stripped) > MAX_FURNITURE:
            continue  # running headers, page and job numbers are short lines
        if rules["job_number"].match(stripped) or rules["barcode"].match(stripped):
            candidates.append((rank, i, "job", ""))
        elif SYMBOL_LINE.fullmatch(stripped):
            key = re.sub(r"\s+", "", stripped)
            standalone[key] = standalone.get(key, 0) + 1
            candidates.append((rank, i, "symbol?", key))
        elif rules["page_number"].match(stripped):
            candidates.append((rank, i, "page?", ""))
    kind: dict[int, str] = {}
    for rank, i, k, key in candidates:
        if k == "symbol?" and (standalone[key] >= 2 or rank < 8 or key == own_symbol_hint):
            k = "symbol"
        kind[i] = k
    for rank, i, _, _ in candidates:
        k = kind[i]
        if k in ("job", "symbol"):
            lines[i].role = "furniture"
            continue
        # page numbers and lone symbols count only beside other furniture or a page break
        neighbours = nonblank[max(0, rank - 2):rank] + nonblank[rank + 1:rank + 3]
        partners = ("job", "symbol", "page?") if k == "symbol?" else ("job", "symbol", "symbol?")
        near = any(kind.get(j) in partners for j in neighbours)
        at_break = lines[i].page_break or (rank + 1 < len(nonblank) and lines[nonblank[rank + 1]].page_break)
        gap_before = i >= 2 and lines[i - 1].role == "blank" and lines[i - 2].role == "blank"
        if near or at_break or (k == "page?" and gap_before and i + 1 < len(lines) and lines[i + 1].role == "blank"):
            lines[i].role = "furniture"


def _ends_sentence(text: str) -> bool:
    """A footnote line ending a sentence ends the footnote; 'para.' or 'No.' at line end does not."""
    if not re.search(r"[.;]['\")\]]?\s*$", text):
        return False
    last = re.search(r"(\S+)\.\s*$", text)
    return not (last and last.group(1).lower().strip("(") in _rules()["abbreviations"])


def classify_footnotes(lines: list[Line], markdown: bool) -> dict[int, list[tuple[int, int]]]:
    """Find footnote blocks; return number -> content spans (normalised offsets)."""
    rules = _rules()
    notes: dict[int, list[tuple[int, int]]] = {}
    line_text_at: _SpanTexts = _SpanTexts(lines)
    expected = 1
    in_block = False
    current: int | None = None
    body_text_since_block: list[str] = []
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if line.role in ("furniture", "blank"):
            i += 1
            continue
        stripped = line.stripped
        head = stripped[:1]
        if not (head.isdigit() or head in "_-—<[" or head.isupper() or in_block):
            in_block, current = False, None
            body_text_since_block.append(line.text)
            if len(body_text_since_block) > 200:
                del body_text_since_block[:100]
            i += 1
            continue
        if rules["separator"].match(stripped):
            line.role = "separator"
            in_block, current = True, None
            i += 1
            continue
        if rules["notes_heading"].match(stripped) and _next_is_footnote(lines, i + 1, rules):
            line.role = "notes"
            in_block, current = True, None
            i += 1
            continue
        md = rules["markdown_footnote_line"].match(line.text) if markdown else None
        if md:
            number = int(md.group(1) or md.group(2))
            line.role = "footnote"
            offset = line.start + md.start(3)
            notes.setdefault(number, []).append((offset, line.end))
            expected = max(expected, number + 1)
            in_block, current = True, number
            i += 1
            continue
        fn = rules["footnote_line"].match(line.text)
        if fn and not markdown:
            number = int(fn.group(1))
            starts_block = in_block and (number == expected or (current is None and number >= expected))
            implicit = (not in_block and number == expected and fn.group(2)
                        and _marker_evidence(body_text_since_block, number))
            if starts_block or implicit:
                line.role = "footnote"
                if fn.group(2):
                    notes.setdefault(number, []).append((line.start + fn.start(2), line.end))
                else:
                    notes.setdefault(number, [])
                expected = number + 1
                in_block, current = True, number
                body_text_since_block = []
                i += 1
                continue
        if in_block and current is not None:
            spans = notes[current]
            last_text = "" if not spans else (line_text_at.get(spans[-1][0]) or "")
            if not spans or not _ends_sentence(last_text):
                line.role = "footnote-cont"
                spans.append((line.start, line.end))
                i += 1
                continue
        in_block, current = False, None
        body_text_since_block.append(line.text)
        if len(body_text_since_block) > 200:
            del body_text_since_block[:100]
        i += 1
    return notes


class _SpanTexts:
    """Text of a footnote span from its start offset, without rescanning the lines (keeps the pass linear)."""

    def __init__(self, lines: list[Line]) -> None:
        self._by_start = {line.start: line for line in lines}
        self._lines = lines

    def get(self, start: int) -> str:
        line = self._by_start.get(start)
        if line is not None:
            return line.text
        # a first footnote line: the span starts after the number, inside its line
        from bisect import bisect_left, bisect_right
        starts = self._starts if hasattr(self, "_starts") else self._build()
        i = bisect_right(starts, start) - 1
        host = self._lines[i]
        return host.text[start - host.start:]

    def _build(self) -> list[int]:
        self._starts = [line.start for line in self._lines]
        return self._starts


def _next_is_footnote(lines: list[Line], i: int, rules: dict) -> bool:
    for line in lines[i:i + 4]:
        if line.role == "blank":
            continue
        return bool(rules["footnote_line"].match(line.text))
    return False


_MARKER_EVIDENCE = re.compile(r"(?:[a-zà-ÿ)\].,;:]|\s)(\d{1,3})(?![\d/])")


def _marker_evidence(recent_body: list[str], number: int) -> bool:
    """A footnote block without separator is believed only if its number appears as a marker."""
    digits = str(number)
    return any(m.group(1) == digits for text in recent_body[-60:] for m in _MARKER_EVIDENCE.finditer(text))


def find_markers(text: str, lines: list[Line], numbers: set[int], markdown: bool) -> list[tuple[int, int, int]]:
    """Footnote markers in body lines, in reading order: (start, end, number) in normalised offsets.

    Each marker shape is one scan of the whole text; candidates outside body lines are dropped, and a
    candidate is accepted only where the footnote sequence expects it (markers come in order)."""
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
    blockers = rules["detached_marker_blockers"]
    candidates: list[tuple[int, list[tuple[int, int, int]], str]] = []
    # one scan over every digit run; the characters around it tell which marker shape it could be
    for m in _DIGITS.finditer(text):
        start, end = m.span()
        prev = text[start - 1] if start else "\n"
        following = text[end:end + 1]
        if prev.isdigit() or following.isdigit():
            continue
        length = end - start
        if length <= 3 and (prev in _GLUE_CHARS or prev.islower()) and (not following or following in _AFTER_MARKER):
            line = body_line(start)
            if line is None:
                continue
            token = text[max(line.start, text.rfind(" ", 0, start) + 1):start]
            how = "word"
            if _NUMBER_TOKEN.fullmatch(token):
                how = "after-number"  # "in 2017 and 2018.8": a sentence ending in a number, then its marker
            elif "/" in token or _DIGIT.search(token) or (token[-1:] == "." and len(token) <= 4 and token[:1].isupper()):
                continue  # inside a symbol ("Add.1", "WG.6"), a number or an abbreviation
            tail = _MARKER_LIST.match(text, end)
            items = [(start, end, int(m.group()))] + _list_items(0, end, tail.group() if tail else "")
            candidates.append((start, items, how))
        elif length <= 3 and prev == " " and start >= 2 and _BEFORE_DETACHED.match(text[start - 2]):
            tail = _MARKER_LIST.match(text, end)
            after = tail.end() if tail else end
            if _DETACHED_TAIL.match(text, after):
                line = body_line(start)
                if line is None:
                    continue
                before = _WORD_BEFORE.search(text, line.start, start)
                word = before.group(1).lower().rstrip(".") if before else ""
                if word in blockers or _NUMERIC_WORD.fullmatch(word or "x"):
                    continue
                items = [(start, end, int(m.group()))] + _list_items(0, end, tail.group() if tail else "")
                candidates.append((start, items, "detached"))
        if length >= 3 and not (candidates and candidates[-1][0] == start) and (prev == "/" or not (prev.isalnum() or prev in "_.-")) and (not following or following in _AFTER_NUMBER):
            if body_line(start) is not None:
                candidates.append((start, [(start, end, -1)], "number"))
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
    for m in re.finditer(r"\s?,\s?(\d{1,3})", tail):
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


def lay_out(norm: MappedText, markdown: bool = False) -> Layout:
    """Classify lines, find footnotes and markers, segment paragraphs and build the clean text."""
    text = norm.text
    lines = split_lines(text)
    classify_furniture(lines)
    note_spans = classify_footnotes(lines, markdown)
    markers = find_markers(text, lines, set(note_spans), markdown)
    marker_spans = sorted((s, e) for s, e, _ in markers)
    marker_starts = [s for s, _ in marker_spans]
    rules = _rules()
    keep_prefixes = rules["hyphen_keep_prefixes"]

    pieces: list = []
    clean_len = 0
    paragraphs: list[Paragraph] = []
    para_leads: list[str] = []
    pp_count = 0
    current_start: int | None = None
    current_pid: str | None = None
    current_lead = ""
    last_op: str | None = None
    prev_line: Line | None = None
    blank_since = True
    marker_para: dict[int, int] = {}

    def emit(piece, length: int) -> None:
        nonlocal clean_len
        pieces.append(piece)
        clean_len += length

    def close_paragraph() -> None:
        if current_start is not None:
            paragraphs.append(Paragraph(current_start, clean_len, current_pid, current_lead))

    strip_md = rules["markdown_strip"] if markdown else None
    crossed = False  # page furniture or a footnote block lies between this line and the previous one
    for line in lines:
        if line.role == "blank":
            blank_since = True
            continue
        if line.role != "body":
            crossed = True
            continue
        content = line.text
        stripped = line.stripped
        lead_text = strip_md.sub("", stripped) if strip_md else stripped
        if crossed and prev_line is not None and prev_line.text.rstrip()[-1:] not in (".", ";", ":"):
            blank_since = False  # a page break inside a sentence: the paragraph goes on
        crossed = False
        starts_new, pid = _paragraph_start(lead_text, prev_line, blank_since, rules, last_op)
        if starts_new:
            close_paragraph()
            if clean_len:
                emit("\n", 1)
            current_start = clean_len
            if pid is None and _looks_preambular(lead_text) and last_op is None:
                pp_count += 1
                pid = f"PP{pp_count}"
            elif pid and pid.startswith("OP") and "(" not in pid:
                last_op = pid
            current_pid = pid
            current_lead = re.sub(r"^\s*(?:\(?\w{1,3}[.)])\s+", "", lead_text)[:80]
        else:
            # join with the previous line: hyphen at a line break, else one space
            prev_text = pieces[-1] if pieces and isinstance(pieces[-1], str) else None
            if _ends_with_break_hyphen(prev_line, text) and stripped[:1].isalnum():
                hyphen_pos = prev_line.start + len(prev_line.text.rstrip()) - 1
                word = re.search(r"([\w'-]+)-$", prev_line.text.rstrip())
                keep = stripped[:1].isdigit() or (word and word.group(1).lower().split("-")[-1] in keep_prefixes) \
                    or not stripped[:1].islower()
                if not keep:
                    _drop_last_char(pieces, hyphen_pos)
                    clean_len -= 1
            else:
                emit(" ", 1)
            del prev_text
        lo_i = bisect_left(marker_starts, line.start)
        hi_i = bisect_left(marker_starts, line.end, lo_i)
        if lo_i == hi_i and strip_md is None and "  " not in stripped:
            lo = line.start + len(content) - len(content.lstrip())
            pieces.append((lo, lo + len(stripped)))  # fast path: a plain line is one slice
            clean_len += len(stripped)
        else:
            for m in _iter_line_segments(line, marker_spans[lo_i:hi_i], strip_md):
                emit(m, _piece_len(m))
            for s, _e in marker_spans[lo_i:hi_i]:
                marker_para[s] = len(paragraphs)
        prev_line = line
        blank_since = False
    close_paragraph()
    body_end = clean_len

    footnotes: dict[int, Footnote] = {}
    for number in sorted(note_spans):
        emit("\n", 1)
        start = clean_len
        first = True
        for s, e in note_spans[number]:
            seg = Line(s, e, text[s:e])
            if not first:
                if _ends_with_break_hyphen(prev_seg, text) and seg.text.strip()[:1].isdigit():
                    pass
                else:
                    emit(" ", 1)
            for m in _iter_line_segments(seg, [], strip_md):
                emit(m, _piece_len(m))
            prev_seg = seg
            first = False
        footnotes[number] = Footnote(number, start, clean_len, "")
    clean = norm.rebuild(pieces)
    for note in footnotes.values():
        note.text = clean.text[note.start:note.end]
    for para in paragraphs:
        para.lead = para.lead
    resolved_markers = [Marker(s, e, num, marker_para.get(s, -1), int(norm.origin[s])) for s, e, num in markers]
    furniture = [ln.stripped for ln in lines if ln.role == "furniture"]
    first_lines = [ln.stripped for ln in lines[:200] if ln.stripped][:40]
    return Layout(clean, paragraphs, footnotes, resolved_markers, furniture, body_end, first_lines).index()


def _iter_line_segments(line: Line, marker_spans: list[tuple[int, int]], strip_md: re.Pattern | None):
    """Pieces of one line without leading/trailing space, markers and Markdown emphasis; spaces collapsed.

    `marker_spans` holds only the markers of this line (normalised offsets)."""
    s = line.text
    hi = len(s.rstrip())
    lo = len(s) - len(s.lstrip()) if hi else 0
    if not marker_spans and strip_md is None and "  " not in s[lo:hi]:
        if lo < hi:
            yield (line.start + lo, line.start + hi)
        return
    cuts: list[tuple[int, int, str]] = []
    for ms, me in marker_spans:
        cuts.append((ms - line.start, me - line.start, ""))
    if strip_md is not None:
        for m in strip_md.finditer(s):
            if m.end() > m.start():
                cuts.append((m.start(), m.end(), ""))
        for m in _rules()["markdown_marker"].finditer(s):
            cuts.append((m.start(), m.end(), ""))
    for m in _SPACE_RUN.finditer(s, lo, hi):
        cuts.append((m.start(), m.end(), " "))
    cuts.sort()
    pos = lo
    for cs, ce, repl in cuts:
        if cs < pos:
            if ce > pos:
                pos = ce
            continue
        if cs > pos:
            yield (line.start + pos, line.start + cs)
        if repl:
            yield (repl, line.start + cs)
        pos = ce
    if pos < hi:
        yield (line.start + pos, line.start + hi)


def _piece_len(piece: tuple) -> int:
    return len(piece[0]) if isinstance(piece[0], str) else piece[1] - piece[0]


def _drop_last_char(pieces: list, pos: int) -> None:
    for k in range(len(pieces) - 1, -1, -1):
        piece = pieces[k]
        if isinstance(piece, tuple) and isinstance(piece[0], int):
            start, end = piece
            if end - start <= 1:
                pieces.pop(k)
            else:
                pieces[k] = (start, end - 1)
            return


def _ends_with_break_hyphen(prev: Line | None, text: str) -> bool:
    if prev is None:
        return False
    t = prev.text.rstrip()
    return len(t) >= 2 and t.endswith("-") and t[-2].isalnum()


def _paragraph_start(lead: str, prev: Line | None, blank_since: bool, rules: dict,
                     last_op: str | None) -> tuple[bool, str | None]:
    first = lead[:1]
    if not blank_since and prev is not None and first.islower() and lead[1:2] != ")":
        return False, None  # the common case: a sentence running on to the next line
    m = rules["numbered_paragraph"].match(lead)
    if m:
        return True, f"OP{int(m.group(1))}"
    m = rules["lettered_paragraph"].match(lead)
    if m:
        return True, f"{last_op}({m.group(1)})" if last_op else m.group(1)
    if rules["heading"].match(lead):
        return True, None
    if prev is None:
        return True, None
    prev_end = prev.text.rstrip()[-1:]
    if blank_since and (prev_end in ",;:.])" or lead[:1].isupper()):
        return True, None
    if prev_end in ",;:" and lead[:1].isupper() and _looks_preambular(lead):
        return True, None
    return False, None


_PREAMBLE_WORD = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ']{2,}(?:ing|ant|ed|ée|ées|és|ue|ues)\b")


def _looks_preambular(lead: str) -> bool:
    """Preambular clauses open with a participle or adjective: Recalling, Rappelant, Convaincue, Deeply concerned."""
    from .clauses import is_clause_lead

    return is_clause_lead(lead) or bool(_PREAMBLE_WORD.match(lead))
