"""The extraction pipeline: text -> layout -> detectors -> clauses -> identity -> citations with spans."""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
import numpy as np

from .clauses import adoption_phrase, object_reopener, relation_for, subordinate_phrase
from .identity import document_body, identify
from .language import detect_language
from .layout import Layout, Marker, lay_out
from .model import Citation, ExtractedDocument
from .normalise import normalise
from .references import REFERENCE_WORDS, Context, Found, find_references
from .symbols import find_symbols
from .instruments import INSTRUMENT_KINDS, find_instruments
from .treaty_series import find_treaty_series

IBID = re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in REFERENCE_WORDS["ibid_words"]) + r")(?!\w)\.?", re.I)


def extract_text(text: str, file: str = "<text>", markdown: bool = False, raw: bytes | None = None) -> ExtractedDocument:
    """Extract identity and citations from decoded text; offsets refer to `text`."""
    norm = normalise(text)
    layout = lay_out(norm, markdown=markdown)
    clean = layout.clean.text
    language = detect_language(clean)
    # a first identity pass gives the body that resolves bare numbers; session inference needs citations
    ctx = Context(body=document_body(layout))
    found = detect(clean, ctx)
    identity = identify(layout, found, language)
    found = [f for f in found if not _is_self(f, identity.symbol)]
    found = _drop_overlaps(found)
    found += _ibid(layout, found)
    found.sort(key=lambda f: (f.start, f.end))
    first_markers: dict[int, Marker] = {}
    for marker in layout.markers:
        first_markers.setdefault(marker.number, marker)
    citations = [_to_citation(f, layout, text, first_markers) for f in found]
    _link_adopting_footnotes(citations, found, layout)
    _link_adopting_clauses(citations, found, clean)
    digest = hashlib.sha256(raw if raw is not None else text.encode("utf-8")).hexdigest()
    footnotes = {n: note.text for n, note in layout.footnotes.items()}
    return ExtractedDocument(file, identity, citations, footnotes, digest)


def detect(clean: str, ctx: Context) -> list[Found]:
    """All detectors over the clean text."""
    found: list[Found] = []
    found += find_references(clean, ctx)
    for s in find_symbols(clean):
        found.append(Found(s.start, s.end, s.symbol, s.kind, locator=s.locator))
    found += find_treaty_series(clean)
    found += find_instruments(clean) if _has_register() else []
    return found


def _is_self(found: Found, own_symbol: str | None) -> bool:
    """The document's own symbol, or an instrument this very document adopts (its own annex/content)."""
    if own_symbol is None:
        return False
    return found.target == own_symbol or found.extras.get("adopted_by") == own_symbol


def _drop_overlaps(found: list[Found]) -> list[Found]:
    """Same target found twice at one place (symbol inside a reference) -> keep the longer span."""
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Found] = []
    for f in found:
        for k in kept[-8:]:
            if k.target == f.target and k.start <= f.start and f.end <= k.end:
                break
        else:
            kept.append(f)
    return kept


def _ibid(layout: Layout, found: list[Found]) -> list[Found]:
    """'Ibid.' repeats the last citation of the footnote before."""
    out: list[Found] = []
    by_note: dict[int, list[Found]] = {}
    for f in found:
        note = layout.footnote_at(f.start)
        if note:
            by_note.setdefault(note.number, []).append(f)
    clean = layout.clean.text
    last: Found | None = None
    for number in sorted(layout.footnotes):
        note = layout.footnotes[number]
        m = IBID.match(clean, note.start)
        own = by_note.get(number)
        if own and len(own) > 1:
            own = sorted(own, key=lambda f: f.start)
        if m and last is not None and (not own or own[0].start > m.end()):
            out.append(Found(note.start + (len(m.group()) - len(m.group().lstrip())), m.end(), last.target, last.kind,
                             body=last.body, extras={"via": "ibid"}))
        if own:
            last = own[-1]
    return out


def _to_citation(f: Found, layout: Layout, original: str, first_markers: dict[int, Marker]) -> Citation:
    """A citation in original offsets; in a footnote it takes the paragraph of the note's first marker."""
    start, end = layout.clean.original_span(f.start, f.end)
    note = layout.footnote_at(f.start)
    paragraph_id = None
    relation = "cites"
    if note is not None:
        marker = first_markers.get(note.number)
        if marker is not None and 0 <= marker.paragraph < len(layout.paragraphs):
            para = layout.paragraphs[marker.paragraph]
            paragraph_id, relation = para.pid, relation_for(para.lead)
            if relation != "cites" and _subordinated(layout, para, _clean_position(layout, marker.original)):
                relation = "cites"
    else:
        para = layout.paragraph_at(f.start)
        if para is not None:
            paragraph_id, relation = para.pid, relation_for(para.lead)
            if relation != "cites" and _subordinated(layout, para, f.start):
                relation = "cites"
    return Citation(
        target=f.target, kind=f.kind, text=original[start:end], start=start, end=end, date=f.date,
        relation=relation, footnote=note.number if note else None, paragraph=paragraph_id,
        locator=f.locator, body=f.body, via=f.extras.get("via"), adopted_by=f.extras.get("adopted_by"),
    )


def _clean_position(layout: Layout, original: int) -> int:
    """Where an original offset (a removed footnote marker) falls in the clean body text."""
    return int(np.searchsorted(layout.clean.origin[: layout.body_end], original))


def _subordinated(layout: Layout, para, pos: int) -> bool:
    """Is `pos` past a subordinate phrase of its clause ('Recalling its resolution 55/25, in which it adopted
    the Convention': the Convention is not what is recalled)? The clause relation is for its object only;
    ', and its resolution …' re-opens the object. The phrases of a paragraph are found once (cached)."""
    events = _clause_events(layout, para.start, para.end)
    state = False
    for start, is_subordinate in events:
        if start >= pos:
            break
        state = is_subordinate
    return state


def _clause_events(layout: Layout, start: int, end: int) -> list[tuple[int, bool]]:
    cache = layout._memo.setdefault("clause_events", {})
    key = (start, end)
    if key in cache:
        return cache[key]
    text = layout.clean.text[start:end].lower()
    events = [(start + m.start(), True) for m in subordinate_phrase().finditer(text)
              if m.start() == 0 or not text[m.start() - 1].isalnum()]
    if events:
        events += [(start + m.start(), False) for m in object_reopener().finditer(text, events[0][0] - start)]
        events.sort()
    cache[key] = events
    return events


def _link_adopting_footnotes(citations: list[Citation], found: list[Found], layout: Layout) -> None:
    """An instrument followed by a footnote marker whose footnote cites a resolution ('Résolution 58/4,
    annexe') was adopted or annexed by that resolution: record it on the instrument."""
    first_target: dict[int, str] = {}
    for c in citations:
        if c.footnote is not None and c.kind.endswith("resolution") and c.footnote not in first_target:
            first_target[c.footnote] = c.target
    for marker in layout.markers:
        target = first_target.get(marker.number)
        if target is None:
            continue
        clean_pos = _clean_position(layout, marker.original)
        for f, c in zip(found, citations):
            if c.footnote is None and f.end <= clean_pos <= f.end + 2 and c.kind in INSTRUMENT_KINDS:
                c.adopted_by = target


@lru_cache(maxsize=1)
def _has_register() -> bool:
    """Whether the instrument register ships with the package (asked once, not per document)."""
    from importlib import resources

    return resources.files("extractors.data").joinpath("instruments.json").is_file()




def _link_adopting_clauses(citations: list[Citation], found: list[Found], clean: str) -> None:
    """'Rappelant sa résolution 55/25, par laquelle elle a adopté la Convention…': the instruments named after
    the phrase, up to the next resolution, were adopted by the resolution named before it. The phrase is
    looked for only just after each resolution, not over the whole text."""
    pattern = adoption_phrase()
    pairs = list(zip(found, citations))
    for index, (f, c) in enumerate(pairs):
        if not c.kind.endswith("resolution"):
            continue
        line_end = clean.find("\n", f.end)
        line_end = len(clean) if line_end < 0 else line_end
        phrase = pattern.search(clean, f.end, min(line_end, f.end + 120))
        if phrase is None:
            continue
        for g, d in pairs[index + 1:]:
            if g.start >= line_end or d.kind.endswith("resolution") and g.start >= phrase.end():
                break
            if g.start >= phrase.end() and d.kind in INSTRUMENT_KINDS:
                d.adopted_by = c.target
