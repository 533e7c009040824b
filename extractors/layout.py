"""Repair what PDF extraction broke and lay the document out as clean, mapped text.

Lines are classified (page furniture, footnote blocks, body), footnote markers are found (glued to a
word, glued to a number such as `59/1599`, detached in column layouts, Markdown `<sup>`), paragraphs
are segmented, and everything is re-assembled as one clean text: body paragraphs one per line with
whitespace collapsed and line-break hyphens joined, then each footnote on its own line. Every clean
character maps back to the original text.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .clauses import is_clause_lead
from .mapped_text import MappedText
from .layout_rules import rules as _rules
from .markers import find_markers


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
    _footnote_starts: list[int] = field(default_factory=list)
    _memo: dict = field(default_factory=dict)  # facts read off the finished layout, computed once (identity)

    def index(self) -> "Layout":
        """Sorted starts for the lookups below (called once the layout is complete)."""
        self._paragraph_starts = [p.start for p in self.paragraphs]
        self._footnote_index = sorted((n.start, n.end, n.number) for n in self.footnotes.values())
        self._footnote_starts = [start for start, _, _ in self._footnote_index]
        return self

    def paragraph_at(self, pos: int) -> Paragraph | None:
        i = bisect_right(self._paragraph_starts, pos) - 1
        if i >= 0 and self.paragraphs[i].start <= pos <= self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def footnote_at(self, pos: int) -> Footnote | None:
        i = bisect_right(self._footnote_starts, pos) - 1
        if i >= 0:
            start, end, number = self._footnote_index[i]
            if start <= pos < end:
                return self.footnotes[number]
        return None


_SPACE_RUN = re.compile(r" {2,}")
_WHITE_SPACE = re.compile(r"\s+")


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
    furniture_line = rules["furniture_line"].match
    for rank, i in enumerate(nonblank):
        stripped = lines[i].stripped
        if len(stripped) > MAX_FURNITURE:
            continue  # running headers, page and job numbers are short lines
        m = furniture_line(stripped)
        if m is None:
            continue
        shape = m.lastgroup
        if shape == "job" or shape == "barcode":
            candidates.append((rank, i, "job", ""))
        elif shape == "symbol":
            key = _WHITE_SPACE.sub("", stripped)
            standalone[key] = standalone.get(key, 0) + 1
            candidates.append((rank, i, "symbol?", key))
        else:
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
    block_heading = rules["block_heading"].match
    expected = 1
    in_block = False
    current: int | None = None
    body_text_since_block: list[str] = []
    markdown_line = rules["markdown_footnote_line"].match
    footnote_line = rules["footnote_line"].match
    for i, line in enumerate(lines):
        if line.role in ("furniture", "blank"):
            continue
        stripped = line.stripped
        head = stripped[:1]
        if not (head.isdigit() or head in "_-—<[" or head.isupper() or in_block):
            in_block, current = False, None
            body_text_since_block.append(line.text)
            if len(body_text_since_block) > 200:
                del body_text_since_block[:100]
            continue
        heading = block_heading(stripped)
        if heading is not None and heading.lastgroup == "separator":
            line.role = "separator"
            in_block, current = True, None
            continue
        if heading is not None and _next_is_footnote(lines, i + 1, rules):
            line.role = "notes"
            in_block, current = True, None
            continue
        md = markdown_line(line.text) if markdown else None
        if md:
            number = int(md.group(1) or md.group(2))
            line.role = "footnote"
            offset = line.start + md.start(3)
            notes.setdefault(number, []).append((offset, line.end))
            expected = max(expected, number + 1)
            in_block, current = True, number
            continue
        fn = footnote_line(line.text) if not markdown else None
        if fn:
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
                continue
        if in_block and current is not None:
            spans = notes[current]
            last_text = "" if not spans else (line_text_at.get(spans[-1][0]) or "")
            if not spans or not _ends_sentence(last_text):
                line.role = "footnote-cont"
                spans.append((line.start, line.end))
                continue
        in_block, current = False, None
        body_text_since_block.append(line.text)
        if len(body_text_since_block) > 200:
            del body_text_since_block[:100]
    return notes


class _SpanTexts:
    """Text of a footnote span from its start offset, without rescanning the lines (keeps the pass linear)."""

    def __init__(self, lines: list[Line]) -> None:
        self._by_start: dict[int, Line] | None = None  # built on first use: most documents never ask
        self._lines = lines

    def get(self, start: int) -> str:
        if self._by_start is None:
            self._by_start = {line.start: line for line in self._lines}
        line = self._by_start.get(start)
        if line is not None:
            return line.text
        # a first footnote line: the span starts after the number, inside its line
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


def lay_out(norm: MappedText, markdown: bool = False) -> Layout:
    """Classify lines, find footnotes and markers, segment paragraphs and build the clean text."""
    text = norm.text
    lines = split_lines(text)
    classify_furniture(lines)
    note_spans = classify_footnotes(lines, markdown)
    markers = find_markers(text, lines, set(note_spans), markdown)
    rules = _rules()
    strip_md = rules["markdown_strip"] if markdown else None
    pieces: list = []
    paragraphs, marker_para, body_end = _assemble_body(lines, sorted((s, e) for s, e, _ in markers), rules,
                                                       strip_md, pieces)
    footnotes = _assemble_notes(text, note_spans, strip_md, pieces, body_end)
    clean = norm.rebuild(pieces)
    for note in footnotes.values():
        note.text = clean.text[note.start:note.end]
    resolved_markers = [Marker(s, e, num, marker_para.get(s, -1), int(norm.origin[s])) for s, e, num in markers]
    furniture = [ln.stripped for ln in lines if ln.role == "furniture"]
    first_lines = [ln.stripped for ln in lines[:200] if ln.stripped][:40]
    return Layout(clean, paragraphs, footnotes, resolved_markers, furniture, body_end, first_lines).index()


_NO_MARKER = 1 << 62  # past the end of any text
_LEAD_NUMBER = re.compile(r"^\s*(?:\(?\w{1,3}[.)])\s+")
_HYPHENATED_WORD = re.compile(r"([\w'-]+)-$")


def _assemble_body(lines: list[Line], marker_spans: list[tuple[int, int]], rules: dict, strip_md: re.Pattern | None,
                   pieces: list) -> tuple[list[Paragraph], dict[int, int], int]:
    """Append the body's pieces (one paragraph a line, lines joined by a space or a dropped break hyphen);
    return the paragraphs, the paragraph of each marker and the clean length of the body.

    One pass over the lines with the common case (a line running on from the previous one, no marker,
    single spaces) kept to a few string checks: this loop runs once per line of every document."""
    keep_prefixes = rules["hyphen_keep_prefixes"]
    marker_starts = [s for s, _ in marker_spans]
    n_markers = len(marker_starts)
    mi = 0  # markers before this index lie in earlier lines
    next_marker = marker_starts[0] if marker_starts else _NO_MARKER
    append = pieces.append
    clean_len = 0
    paragraphs: list[Paragraph] = []
    pp_count = 0
    current_start: int | None = None
    current_pid: str | None = None
    current_lead = ""
    last_op: str | None = None
    prev_line: Line | None = None
    prev_stripped = ""
    blank_since = True
    marker_para: dict[int, int] = {}
    crossed = False  # page furniture or a footnote block lies between this line and the previous one
    for line in lines:
        role = line.role
        if role != "body":
            if role == "blank":
                blank_since = True
            else:
                crossed = True
            continue
        stripped = line.stripped
        lead_text = strip_md.sub("", stripped) if strip_md is not None else stripped
        if crossed:
            if prev_line is not None and prev_stripped[-1:] not in (".", ";", ":"):
                blank_since = False  # a page break inside a sentence: the paragraph goes on
            crossed = False
        if not blank_since and prev_line is not None and lead_text[:1].islower() and lead_text[1:2] != ")":
            starts_new, pid = False, None  # the common case: a sentence running on to the next line
        else:
            starts_new, pid = _paragraph_start(lead_text, prev_line, blank_since, rules, last_op)
        if starts_new:
            if current_start is not None:
                paragraphs.append(Paragraph(current_start, clean_len, current_pid, current_lead))
            if clean_len:
                append("\n")
                clean_len += 1
            current_start = clean_len
            if pid is None and _looks_preambular(lead_text) and last_op is None:
                pp_count += 1
                pid = f"PP{pp_count}"
            elif pid and pid.startswith("OP") and "(" not in pid:
                last_op = pid
            current_pid = pid
            current_lead = _LEAD_NUMBER.sub("", lead_text)[:80]
        elif prev_stripped[-1:] == "-" and len(prev_stripped) >= 2 and prev_stripped[-2].isalnum() \
                and stripped[:1].isalnum():
            # a hyphen at a line break: dropped inside a word, kept after a prefix or before a digit/capital
            word = _HYPHENATED_WORD.search(prev_stripped)
            keep = stripped[:1].isdigit() or (word and word.group(1).lower().split("-")[-1] in keep_prefixes) \
                or not stripped[:1].islower()
            if not keep:
                _drop_last_char(pieces, prev_line.start + len(prev_line.text.rstrip()) - 1)
                clean_len -= 1
        else:
            append(" ")
            clean_len += 1
        start = line.start
        hi = mi
        if next_marker < line.end:  # this line holds markers (or, past markers, never)
            while mi < n_markers and marker_starts[mi] < start:
                mi += 1
            hi = mi
            while hi < n_markers and marker_starts[hi] < line.end:
                hi += 1
            next_marker = marker_starts[hi] if hi < n_markers else _NO_MARKER
        if mi == hi and strip_md is None and "  " not in stripped:
            content = line.text
            lo = start if content[0] == stripped[0] else start + len(content) - len(content.lstrip())
            append((lo, lo + len(stripped)))  # fast path: a plain line is one slice
            clean_len += len(stripped)
        elif mi == hi and strip_md is None:
            clean_len += _append_collapsed(line, pieces)
        else:
            for m in _iter_line_segments(line, marker_spans[mi:hi], strip_md):
                append(m)
                clean_len += _piece_len(m)
            for s, _e in marker_spans[mi:hi]:
                marker_para[s] = len(paragraphs)
        prev_line = line
        prev_stripped = stripped
        blank_since = False
    if current_start is not None:
        paragraphs.append(Paragraph(current_start, clean_len, current_pid, current_lead))
    return paragraphs, marker_para, clean_len


def _assemble_notes(text: str, note_spans: dict[int, list[tuple[int, int]]], strip_md: re.Pattern | None,
                    pieces: list, clean_len: int) -> dict[int, Footnote]:
    """Append each footnote on its own line after the body; their texts are filled in once the clean
    text exists."""
    footnotes: dict[int, Footnote] = {}
    for number in sorted(note_spans):
        pieces.append("\n")
        clean_len += 1
        start = clean_len
        prev_seg: Line | None = None
        for s, e in note_spans[number]:
            seg = Line(s, e, text[s:e])
            if prev_seg is not None and not (_ends_with_break_hyphen(prev_seg, text) and seg.text.strip()[:1].isdigit()):
                pieces.append(" ")
                clean_len += 1
            for m in _iter_line_segments(seg, [], strip_md):
                pieces.append(m)
                clean_len += _piece_len(m)
            prev_seg = seg
        footnotes[number] = Footnote(number, start, clean_len, "")
    return footnotes


def _iter_line_segments(line: Line, marker_spans: list[tuple[int, int]], strip_md: re.Pattern | None) -> list:
    """Pieces of one line without leading/trailing space, markers and Markdown emphasis; spaces collapsed.

    `marker_spans` holds only the markers of this line (normalised offsets). A list, not a generator:
    most lines give one or two pieces, and resuming a generator costs more than building the list."""
    s = line.text
    base = line.start
    hi = len(s.rstrip())
    lo = len(s) - len(s.lstrip()) if hi else 0
    if not marker_spans and strip_md is None and "  " not in s[lo:hi]:
        return [(base + lo, base + hi)] if lo < hi else []
    cuts: list[tuple[int, int, str]] = []
    for ms, me in marker_spans:
        cuts.append((ms - base, me - base, ""))
    if strip_md is not None:
        for m in strip_md.finditer(s):
            if m.end() > m.start():
                cuts.append((m.start(), m.end(), ""))
        for m in _rules()["markdown_marker"].finditer(s):
            cuts.append((m.start(), m.end(), ""))
    for m in _SPACE_RUN.finditer(s, lo, hi):
        cuts.append((m.start(), m.end(), " "))
    cuts.sort()
    pieces: list = []
    pos = lo
    for cs, ce, repl in cuts:
        if cs < pos:
            if ce > pos:
                pos = ce
            continue
        if cs > pos:
            pieces.append((base + pos, base + cs))
        if repl:
            pieces.append((repl, base + cs))
        pos = ce
    if pos < hi:
        pieces.append((base + pos, base + hi))
    return pieces


def _append_collapsed(line: Line, pieces: list) -> int:
    """A line whose only repair is runs of spaces (no marker, no Markdown): the slices between the runs,
    each run replaced by one space, as `_iter_line_segments` would give them; returns the length added."""
    s = line.text
    base = line.start
    hi = len(s.rstrip())
    pos = len(s) - len(s.lstrip())
    added = 0
    for m in _SPACE_RUN.finditer(s, pos, hi):
        cs, ce = m.span()
        if cs > pos:
            pieces.append((base + pos, base + cs))
            added += cs - pos
        pieces.append((" ", base + cs))
        added += 1
        pos = ce
    if pos < hi:
        pieces.append((base + pos, base + hi))
        added += hi - pos
    return added


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
    m = rules["paragraph_opening"].match(lead)
    if m:
        shape = m.lastgroup
        if shape == "numbered":
            return True, f"OP{int(m.group(rules['numbered_group']))}"
        if shape == "lettered":
            letter = m.group(rules["lettered_group"])
            return True, f"{last_op}({letter})" if last_op else letter
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
    return is_clause_lead(lead) or bool(_PREAMBLE_WORD.match(lead))
