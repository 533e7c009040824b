"""What a document says about itself: symbol, issuing body, session, date, title, agenda item, report,
draft status and sponsors. Where the symbol is absent, body and session are inferred from the text and
listed in `inferred`; a number is never invented.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from .anchored import finditer_anchored, minimal_anchors
from .dates import ordinal_value, parse_date
from .layout import Layout
from .model import DocumentIdentity
from .references import Found
from .symbols import SYMBOL, SYMBOL_LINE, normalise_symbol


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(resources.files("extractors.data").joinpath("identity.json").read_text("utf-8"))


_FLAGS = {"title_number": re.M, "committee_report": re.I, "report": re.I,
          "masthead_session": re.I, "sub_body": re.I}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """identity.json's patterns compiled once, with the flags each search uses (not looked up per call)."""
    data = _data()
    compiled = {k: re.compile(v, _FLAGS.get(k, 0)) for k, v in data.items() if isinstance(v, str) and not k.startswith("_")}
    compiled["paragraph_title"] = re.compile(data["title_number"])  # matched against one paragraph
    compiled["meeting"] = re.compile("(?P<what>" + "|".join(re.escape(w) for w in data["meeting_words"]) + ")"
                                     + data["meeting"])
    return compiled


@lru_cache(maxsize=1)
def _meeting_anchors() -> list[str]:
    """Every meeting line begins with one of the meeting words: they are found with str.find."""
    return minimal_anchors(_data()["meeting_words"])


@lru_cache(maxsize=1)
def _openings() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every body's opening formula ('The General Assembly,'), group name -> body code."""
    data = json.loads(resources.files("extractors.data").joinpath("bodies.json").read_text("utf-8"))
    groups, codes = [], {}
    for body in data["bodies"]:
        for index, opening in enumerate(body.get("opening", [])):
            name = f"b{len(codes)}"
            codes[name] = body["code"]
            groups.append(f"(?P<{name}>" + re.escape(opening).replace(r"\ ", r"\s{1,3}") + ")")
    return re.compile(r"[\W_]{0,4}(?:" + "|".join(groups) + r")[\W_]{0,4}\s?,", re.I), codes


def opening_body(layout: Layout) -> str | None:
    """The body named by the opening formula ('The General Assembly,') that begins a paragraph
    (remembered on the layout: the pipeline asks twice, before and during identification)."""
    if "opening_body" not in layout._memo:
        layout._memo["opening_body"] = _opening_body(layout)
    return layout._memo["opening_body"]


def _opening_body(layout: Layout) -> str | None:
    pattern, codes = _openings()
    clean = layout.clean.text
    for para in layout.paragraphs[:80]:
        m = pattern.match(clean, para.start, min(para.end, para.start + 200))
        if m:
            return codes[m.lastgroup]
    return None


def document_body(layout: Layout) -> str | None:
    """The issuing body, cheaply: from the header symbol, else the opening formula."""
    symbol = _header_symbol(layout)
    return (body_of_symbol(symbol) if symbol else None) or opening_body(layout)


@lru_cache(maxsize=1)
def _prefix_bodies() -> list[tuple[str, str]]:
    data = json.loads(resources.files("extractors.data").joinpath("bodies.json").read_text("utf-8"))
    pairs = [(b["symbol_prefix"] + "/", b["code"]) for b in data["bodies"] if b.get("symbol_prefix")]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def body_of_symbol(symbol: str) -> str | None:
    for prefix, code in _prefix_bodies():
        if symbol.startswith(prefix):
            return code
    return None


def _resolution_symbol(number: str, body: str) -> str:
    """'56/120' -> A/RES/56/120; '2200 A (XXI)' -> A/RES/2200(XXI)[A]; HRC '52/1' -> A/HRC/RES/52/1."""
    roman = re.fullmatch(r"(\d{1,4})\s?([A-H])?\s?\(([^)]+)\)", number)
    if roman:
        part = f"[{roman.group(2)}]" if roman.group(2) else ""
        return f"A/RES/{roman.group(1)}({roman.group(3)}){part}"
    lettered = re.fullmatch(r"(\S+)\s([A-H])", number)
    base, part = (lettered.group(1), f"[{lettered.group(2)}]") if lettered else (number, "")
    return ("A/RES/" if body == "GA" else "A/HRC/RES/") + base + part


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(roman: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(roman):
        value = _ROMAN.get(ch)
        if value is None:
            return None
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total or None


def session_of_symbol(symbol: str, body: str | None) -> int | None:
    old_style = re.fullmatch(r"A/RES/\d{1,4}\(([IVXL]{1,7})\)(?:\[[A-H]\])?", symbol)
    if old_style:
        return roman_value(old_style.group(1))
    parts = symbol.split("/")
    if body == "GA" and len(parts) >= 3:
        candidate = parts[2] if parts[1] in ("RES", "DEC", "INF") or re.fullmatch(r"C\.\d|AC\.\d+|CN\.\d+", parts[1]) else parts[1]
        if candidate.isdigit() and int(candidate) < 100:
            return int(candidate)
    if body == "HRC" and len(parts) >= 3:
        candidate = parts[3] if parts[2] in ("RES", "DEC", "PRST") and len(parts) > 3 else parts[2]
        if candidate.isdigit():
            return int(candidate)
    return None


def identify(layout: Layout, citations: list[Found], language: str | None) -> DocumentIdentity:
    clean = layout.clean.text
    head = clean[: min(len(clean), 4000)]
    data = _data()
    pats = _patterns()
    ident = DocumentIdentity(language=language)
    ident.symbol = _header_symbol(layout)
    opened_by = opening_body(layout)
    if ident.symbol:
        ident.body = body_of_symbol(ident.symbol) or opened_by
    else:
        ident.body = opened_by
    if ident.symbol is None:
        title_number = pats["title_number"].search("\n".join(_plain(line) for line in layout.first_lines[:25]))
        if title_number and ident.body in ("GA", "HRC", None):
            number = title_number.group(1)
            if ident.body is None:
                ident.inferred.append("body")
            ident.body = ident.body or "GA"
            ident.symbol = _resolution_symbol(number, ident.body)
    if ident.body is None and ident.symbol is None:
        ident.body = None
    # session
    if ident.symbol:
        ident.session = session_of_symbol(ident.symbol, ident.body)
    if ident.session is None:
        ident.session = _masthead_session(layout, data)
    # date and meeting
    for meeting in finditer_anchored(pats["meeting"], clean, _meeting_anchors()):
        number = pats["meeting_number"].search(clean[max(0, meeting.start() - 12):meeting.start()])
        if number:
            ident.meeting = f"{number.group(1)} {meeting.group('what')}"
            ident.date = parse_date(meeting.group("d"), meeting.group("m"), meeting.group("y"))
            break
    if ident.date is None:
        adopted = pats["adopted_on"].search(head)
        if adopted:
            ident.date = parse_date(adopted.group("d"), adopted.group("m"), adopted.group("y"))
    if ident.date is None:
        issued = pats["distribution_date"].search(head)
        if issued:
            ident.date = parse_date(issued.group("d"), issued.group("m"), issued.group("y"))
    agenda = pats["agenda_item"].search(head)
    if agenda:
        ident.agenda_item = agenda.group("item")
    report = pats["committee_report"].search(head)
    if report:
        ident.committee_report = normalise_symbol(report.group("symbol"))
    draft = pats["draft_words"].search(head)
    if draft or (ident.symbol and re.search(r"/L\.\d", ident.symbol)):
        ident.doc_type = "draft-resolution" if draft else "draft"
        if draft:
            line_start = head.rfind("\n", 0, draft.start()) + 1
            sponsors = pats["draft_sponsors"].search(head[line_start:draft.start()])
            if sponsors:
                ident.sponsors = [s.strip() for s in re.split(data["sponsor_separator"], sponsors.group(1)) if s.strip()]
    elif ident.symbol and "/RES/" in ident.symbol or (opened_by and _is_resolution_like(clean)):
        ident.doc_type = "resolution"
    elif pats["report"].search(head):
        ident.doc_type = "report"
    else:
        ident.doc_type = "document"
    if ident.session is None and ident.body and ident.doc_type in ("resolution", "draft-resolution", "draft", "decision"):
        inferred = _infer_session(clean, citations, ident.body)
        if inferred is not None:
            ident.session = inferred
            ident.inferred.append("session")
    ident.title = _title(layout, data)
    return ident


_EMPHASIS = re.compile(r"[*#_]+")


def _plain(line: str) -> str:
    return _EMPHASIS.sub("", line).strip()


def _header_symbol(layout: Layout) -> str | None:
    """The symbol in the running headers, else a lone symbol line at the top (remembered on the layout)."""
    if "header_symbol" not in layout._memo:
        layout._memo["header_symbol"] = _find_header_symbol(layout)
    return layout._memo["header_symbol"]


def _find_header_symbol(layout: Layout) -> str | None:
    counts: Counter[str] = Counter()
    for line in layout.furniture:
        for m in SYMBOL.finditer(line):
            counts[normalise_symbol(m.group())] += 1
    if counts:
        return counts.most_common(1)[0][0]
    for line in layout.first_lines[:6]:
        if SYMBOL_LINE.fullmatch(_plain(line)):
            return normalise_symbol(SYMBOL.search(line).group())
    return None


def _masthead_session(layout: Layout, data: dict) -> int | None:
    pats = _patterns()
    lines = [_plain(x) for x in layout.first_lines[:20]]
    for index, line in enumerate(lines):
        m = pats["masthead_session"].fullmatch(line)
        if not m:
            continue
        previous = lines[index - 1] if index else ""
        if pats["sub_body"].search(previous):
            return None  # a working group's session, not the body's
        return ordinal_value(m.group(1))
    return None


def _is_resolution_like(clean: str) -> bool:
    return bool(re.search(r"\n\s*1\.\s", clean[:50000]))


def _infer_session(clean: str, citations: list[Found], body: str) -> int | None:
    """A resolution cites nothing later than itself and asks for reports at a later session."""
    own_kinds = {"GA": "A/RES/", "HRC": "A/HRC/RES/"}
    lower = None
    prefix = own_kinds.get(body)
    if prefix:
        sessions = [int(m.group(1)) for c in citations if c.target.startswith(prefix)
                    for m in [re.match(re.escape(prefix) + r"(\d+)/", c.target)] if m]
        lower = max(sessions) if sessions else None
    elif body:
        sessions = [int(m.group(1)) for c in citations if c.target.startswith("decision:")
                    for m in [re.search(r"/(\d+)/\d+$", c.target)] if m and c.body in (None, body)]
        lower = max(sessions) if sessions else None
    future = []
    for hit in finditer_anchored(_SESSION_WORD, clean, _SESSION_ANCHORS, 1):
        value = _ordinal_before(clean, hit.start())
        if value:
            future.append(value)
    upper = max(future) if future else None
    if upper is not None and (lower is None or upper - 1 >= lower):
        return upper - 1 if lower is None or upper - 1 - lower <= 1 else lower
    return lower


_SESSION_WORD = re.compile(r"(?:[Ss]ession|[Ss]esión)\b")
_SESSION_ANCHORS = ["ession", "esión"]  # what follows the first letter of every _SESSION_WORD match


def _ordinal_before(clean: str, pos: int) -> int | None:
    """'à sa soixante et unième session' / 'at its sixty-first session' -> 61 (possessive required)."""
    lo = max(0, pos - 70)
    window = clean[lo:pos]
    if not window[-1:].isspace():
        return None  # 'session' glued to the word before it
    words = window.split()
    if lo and words and not clean[lo - 1].isspace():
        words = words[1:]  # the window cut the first word
    words = words[-6:]
    possessive = _session_possessive()
    for size in range(min(4, len(words) - 1), 0, -1):
        value = ordinal_value(" ".join(words[-size:]))
        if value and possessive.search(" ".join(words[:-size]).lower() + " "):
            return value
    return None


@lru_cache(maxsize=1)
def _session_possessive() -> re.Pattern[str]:
    return re.compile(_data()["session_possessive"])


def _title(layout: Layout, data: dict) -> str | None:
    """A resolution's title is the paragraph that opens with its number: '56/120. Action against ...'."""
    clean = layout.clean.text
    pattern = _patterns()["paragraph_title"]
    opening, _ = _openings()
    previous = None
    for para in layout.paragraphs[:12]:
        text = _plain(clean[para.start:para.end])
        m = pattern.match(text)
        if m:
            return re.sub(r"\s+", " ", m.group(2)).strip()[:500]
        if opening.match(clean, para.start, min(para.end, para.start + 200)):
            # no numbered title: the paragraph just above "The General Assembly," is the title
            if previous and 10 <= len(previous) <= 400 and not previous.rstrip().endswith((".", ";", ":")) \
                    and not _patterns()["draft_words"].search(previous):
                return re.sub(r"\s+", " ", previous).strip()
            return None
        previous = text
    return None
