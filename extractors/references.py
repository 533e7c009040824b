"""Resolutions and decisions cited by number: '55/25', '54/237 C', 'S-32/1', '1514 (XV)', '1373 (2001)',
'2005/14', '1/CP.21', alone or in enumerations that share a body and a date.

A keyword ('resolution', 'décisions', ...) anchors each reference; a small scanner then walks the list of
numbers after it with anchored regexes (linear time), attaching to each number its lettered part, its
date and the body named after it. The body is resolved from, in order: a body named before the keyword,
a body named after the list, a possessive ('its', 'sa') meaning the document's own body, the form of the
number, and the document's body.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .anchored import finditer_anchored, minimal_anchors
from .dates import date_pattern, parse_date
from .trie_regex import first_char_branches

# --- named pieces -----------------------------------------------------------------------------------
REFERENCE_WORDS = json.loads(resources.files("extractors.data").joinpath("references.json").read_text("utf-8"))


def _alternation(words: list[str]) -> str:
    return "(?:" + "|".join(sorted((re.escape(w).replace(r"\ ", r"\s{1,3}") for w in set(words)), key=len, reverse=True)) + ")"


_KEYWORD_WORDS = REFERENCE_WORDS["resolution_words"] + REFERENCE_WORDS["decision_words"]
# the keywords as a trie behind a choice of first letters (the engine skips to those letters); the look-behind
# after the first letter is the word boundary before the keyword
KEYWORD = r"(?P<kw>" + first_char_branches(_KEYWORD_WORDS, r"(?<!\w.)") + r"\b)"
_KEYWORD = re.compile(KEYWORD)
# the characters after a keyword's first letter ('esolu', 'ÉCISI'): found with str.find, they are where the
# keyword scan is tried
_ANCHOR_SIZE = min(5, min(len(w) for w in _KEYWORD_WORDS) - 1)
_KEYWORD_ANCHORS = minimal_anchors(w[1:1 + _ANCHOR_SIZE] for w in _KEYWORD_WORDS)
DECISION_WORDS = frozenset(w.lower() for w in REFERENCE_WORDS["decision_words"])
NUMBER_PREFIX = re.compile(r"\s{1,3}(?:" + _alternation(REFERENCE_WORDS["number_prefixes"]) + r"\s{0,2})?")
ROMAN = r"(?:[IVXL]{1,7})"
PART = r"(?:\s?(?P<part>[A-H])(?![\w/'-]))"
NUM_SC = r"(?P<sc_n>\d{1,4})\s?\((?P<sc_year>(?:19[4-9]|20[0-4])\d)\)"
NUM_ROMAN = r"(?P<r_n>\d{1,4})(?:\s?(?P<r_part>[A-H]))?\s?\((?P<r_roman>" + ROMAN + r"|S-[IVX]{1,4}|ES-[IVX]{1,4})\)"
NUM_COP = r"(?P<cop_n>\d{1,3})/(?P<cop_body>CP|CMP|CMA|COP|MOP)\.(?P<cop_s>\d{1,2})"
NUM_YEAR = r"(?P<y_year>(?:19[4-9]|20[0-4])\d)/(?P<y_n>\d{1,4})"
NUM_SESSION = r"(?P<s_special>(?:ES|S)-)?(?P<s_s>\d{1,3})/(?P<s_n>\d{1,4})"
NUM_CBD = r"(?P<cbd_s>" + ROMAN + r")/(?P<cbd_n>\d{1,3})"
NUMBER = re.compile(
    r"(?:" + NUM_SC + "|" + NUM_ROMAN + "|" + NUM_COP + "|" + NUM_YEAR + "|" + NUM_SESSION + "|" + NUM_CBD + r")"
    r"(?![\w/])" + PART + "?"
)
_JOINERS = _alternation(REFERENCE_WORDS["list_joiners"])
SEPARATOR = re.compile(r"\s{0,3}(?:,\s{0,3}(?:" + _JOINERS + r"\s{1,3})?|" + _JOINERS + r"\s{1,3}|;\s{0,3})"
                       r"(?=\d|[SE]{1,2}-\d|[IVXL]{1,7}/)")
RANGE = re.compile(r"\s{0,3}" + _alternation(REFERENCE_WORDS["range_words"]) + r"\s{1,3}(?=\d)")
DATE_LINK = re.compile(r",?\s{0,3}" + _alternation(REFERENCE_WORDS["date_links"]) + r"\s{1,3}", re.I)
POSSESSIVE = re.compile(r"(?:\b(?P<poss>" + _alternation(REFERENCE_WORDS["possessives"]) + r")|(?:^|(?<=\W))(?P<art>"
                        + _alternation(REFERENCE_WORDS["articles"]) + r"))\s{1,3}$", re.I)


# the longest text POSSESSIVE can match (each space of a word may stretch to 3, then up to 3 spaces): it
# ends the window, so its search starts that far from the end
_POSSESSIVE_SPAN = max(len(w) + 2 * w.count(" ") for w in REFERENCE_WORDS["possessives"] + REFERENCE_WORDS["articles"]) + 3
_POSSESSIVE_WORDS = frozenset(w.lower().split()[-1].rstrip("'") for w in REFERENCE_WORDS["possessives"] + REFERENCE_WORDS["articles"]) | {"l"}
_LAST_WORD = re.compile(r"(\w+)'?(?:s)?\W{0,3}$")


def _last_word(window: str) -> str:
    """The word just before the keyword, lower-cased ('Council', "l'", 'its')."""
    lo = max(0, len(window) - 40)
    # only the last 6 characters of a match can be other than word characters: the search starts after the
    # last space before them (same match, without retrying every position of the earlier words)
    cut = len(window) - 6
    m = _LAST_WORD.search(window, max(lo, window.rfind(" ", lo, cut) + 1) if cut > lo else lo)
    return m.group(1).lower() if m else ""


@lru_cache(maxsize=1)
def _body_last_words() -> frozenset[str]:
    """Last words of body names: a body named before a keyword ends the text just before it."""
    _, _, _, name_to_code, _, _ = bodies()
    return frozenset(re.sub(r"'s$", "", name.split()[-1]).lower() for name in name_to_code)


@dataclass(slots=True)
class Found:
    """A detected reference in clean-text coordinates."""

    start: int
    end: int
    target: str
    kind: str
    date: str | None = None
    body: str | None = None
    locator: str | None = None
    extras: dict = field(default_factory=dict)


@dataclass(slots=True)
class Body:
    code: str
    numbering: str
    resolution_key: str | None
    decision_key: str | None
    roman_key: str | None
    resolution_kind: str
    decision_kind: str
    max_session: int | None
    max_number: int | None


@lru_cache(maxsize=1)
def bodies() -> tuple[dict[str, Body], re.Pattern[str], re.Pattern[str], dict[str, str], dict, dict]:
    data = json.loads(resources.files("extractors.data").joinpath("bodies.json").read_text("utf-8"))
    by_code: dict[str, Body] = {}
    name_to_code: dict[str, str] = {}
    for b in data["bodies"]:
        by_code[b["code"]] = Body(b["code"], b["numbering"], b.get("resolution_key"), b.get("decision_key"),
                                  b.get("roman_key"), b.get("resolution_kind", "document"),
                                  b.get("decision_kind", "document"), b.get("max_session"),
                                  b.get("max_number"))
        for names in b["names"].values():
            for name in names:
                name_to_code[_fold(name)] = b["code"]
    shorts = {k: v for k, v in data["short_names"].items()}
    for short in shorts:
        name_to_code.setdefault(_fold(short), "@" + short)
    alternation = "|".join(sorted((_flex(n) for n in name_to_code), key=len, reverse=True))
    before = re.compile(r"(?:\b(?:the|la|le|l')\s{1,3})?(?P<name>" + alternation + r")(?:'s)?\s{1,3}$", re.I)
    after = re.compile(r",?\s{0,3}(?:of|du|de|des|adopted by|adoptée par)\s{1,3}(?:the\s{1,3}|la\s{1,3}|l')?(?P<name>" + alternation + r")\b", re.I)
    return by_code, before, after, name_to_code, shorts, data["cop_decisions"]


def _fold(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("’", "'")).strip().lower()


def _flex(name: str) -> str:
    return re.escape(name).replace(r"\ ", r"\s{1,3}").replace("'", "'")


@dataclass(slots=True)
class Context:
    """What the document tells the detectors about itself."""

    body: str | None = None  # issuing body code of the citing document


def resolve_name(name: str, doc_body: str | None) -> str | None:
    by_code, _, _, name_to_code, shorts, _ = bodies()
    code = name_to_code.get(_fold(name))
    if code and code.startswith("@"):
        candidates = shorts.get(code[1:], [])
        return doc_body if doc_body in candidates else (candidates[0] if len(candidates) == 1 else None)
    return code


def find_references(text: str, ctx: Context) -> list[Found]:
    """Every resolution/decision reference in clean text."""
    found: list[Found] = []
    by_code, before_re, after_re, *_ = bodies()
    for kw in finditer_anchored(_KEYWORD, text, _KEYWORD_ANCHORS, 1):
        pos = kw.end()
        m = NUMBER_PREFIX.match(text, pos)
        pos = m.end() if m else pos
        if not NUMBER.match(text, pos):
            continue
        is_decision = kw.group("kw").lower() in DECISION_WORDS
        window = text[max(0, kw.start() - 120):kw.start()]
        last_word = _last_word(window)
        named_before = before_re.search(window) if last_word in _body_last_words() else None
        body_before = resolve_name(named_before.group("name"), ctx.body) if named_before else None
        possessive = POSSESSIVE.search(window, max(0, len(window) - _POSSESSIVE_SPAN)) \
            if last_word in _POSSESSIVE_WORDS else None
        own = bool(possessive and possessive.group("poss"))
        start = kw.start()
        if named_before:
            start = kw.start() - (len(window) - named_before.start())
        elif possessive:
            start = kw.start() - (len(window) - possessive.start())
        items = _scan_items(text, pos)
        if not items:
            continue
        # a body named after the last item applies to the whole list
        last_end = items[-1]["end"]
        shared_date = items[-1]["date"] if all(it["date"] is None for it in items[:-1]) else None
        after = after_re.match(text, last_end)
        body_after = resolve_name(after.group("name"), ctx.body) if after else None
        tail_end = after.end() if after else last_end
        if after:
            dm = DATE_LINK.match(text, after.end())
            if dm:
                d = date_pattern().match(text, dm.end())
                if d:
                    iso = parse_date(*d.groups())
                    if len(items) == 1 or shared_date is None:
                        items[-1]["date"] = items[-1]["date"] or iso
                        if all(it["date"] is None for it in items[:-1]):
                            shared_date = iso
                    tail_end = d.end()
        for index, item in enumerate(items):
            body = body_before or body_after or (ctx.body if own else None)
            target, kind, body_code = _key(item, body, is_decision, ctx)
            if target is None:
                continue
            date = item["date"] or shared_date
            s = start if index == 0 else item["start"]
            e = item["end"] if len(items) > 1 else tail_end
            if index == len(items) - 1 and len(items) > 1:
                e = item["end"]
            found.append(Found(s, e, target, kind, date, body_code))
    return found


def _scan_items(text: str, pos: int) -> list[dict]:
    items: list[dict] = []
    while len(items) < 60:
        m = NUMBER.match(text, pos)
        if not m:
            break
        item = {k: v for k, v in m.groupdict().items() if v is not None}
        item.update(start=m.start(), end=m.end(), date=None)
        end = m.end()
        dm = DATE_LINK.match(text, end)
        if dm:
            d = date_pattern().match(text, dm.end())
            if d:
                item["date"] = parse_date(*d.groups())
                end = d.end()
        item["end"] = end
        items.append(item)
        rng = RANGE.match(text, m.end())
        if rng and "date" not in item or (rng and item["date"] is None):
            m2 = NUMBER.match(text, rng.end())
            if m2 and _same_series(item, m2.groupdict()):
                items.extend(_expand_range(item, m2, text))
                pos = m2.end()
                sep = SEPARATOR.match(text, pos)
                if not sep:
                    break
                pos = sep.end()
                continue
        sep = SEPARATOR.match(text, end)
        if not sep:
            break
        pos = sep.end()
    return items


def _same_series(a: dict, b: dict) -> bool:
    if "y_year" in a and b.get("y_year") == a["y_year"]:
        return True
    return "s_s" in a and b.get("s_s") == a["s_s"] and not a.get("s_special") and not b.get("s_special")


def _expand_range(first: dict, m2: re.Match, text: str) -> list[dict]:
    key = "y_n" if "y_year" in first else "s_n"
    lo, hi = int(first[key]), int(m2.group(key))
    out: list[dict] = []
    if not (lo < hi <= lo + 50):
        return out
    for n in range(lo + 1, hi + 1):
        item = dict(first)
        item[key] = str(n)
        item.pop("part", None)
        if n == hi:
            item.update(start=m2.start(), end=m2.end())
        else:
            item.update(start=m2.start(), end=m2.end())
        out.append(item)
    return out


def _key(item: dict, body: str | None, is_decision: bool, ctx: Context) -> tuple[str | None, str, str | None]:
    by_code, *_, cop = bodies()
    part = f"[{item['part']}]" if item.get("part") else ""
    if "sc_n" in item:
        return f"S/RES/{item['sc_n']}({item['sc_year']})", "sc-resolution", "SC"
    if "cop_n" in item:
        template = cop.get(item["cop_body"])
        if template:
            return template.format(session=item["cop_s"], n=item["cop_n"]), "cop-decision", None
        return None, "", None
    if "r_n" in item:
        code = body if body in ("GA", "ECOSOC") else "GA"
        template = by_code[code].roman_key
        rpart = f"[{item['r_part']}]" if item.get("r_part") else part
        return template.format(n=item["r_n"], roman=item["r_roman"], part=rpart), by_code[code].resolution_kind, code
    if "cbd_s" in item:
        return None, "", None
    if "y_year" in item:
        code = body if body and by_code.get(body) and by_code[body].numbering == "year" else None
        if code is None:
            doc = ctx.body if ctx.body and by_code.get(ctx.body) and by_code[ctx.body].numbering == "year" else None
            code = doc or "ECOSOC"
        b = by_code[code]
        template = b.decision_key if is_decision else b.resolution_key
        kind = b.decision_kind if is_decision else b.resolution_kind
        return template.format(year=item["y_year"], n=item["y_n"], part=part), kind, code
    if "s_s" in item:
        session = (item.get("s_special") or "") + item["s_s"]
        code = body if body and by_code.get(body) and by_code[body].numbering == "session" else None
        if code is None:
            doc = ctx.body if ctx.body and by_code.get(ctx.body) and by_code[ctx.body].numbering == "session" else None
            if doc and by_code[doc].max_session and int(item["s_s"]) > by_code[doc].max_session:
                doc = None  # above the body's sessions so far: an Assembly resolution
            if doc and by_code[doc].max_number and int(item["s_n"]) > by_code[doc].max_number:
                doc = None
            code = doc or "GA"
        b = by_code[code]
        template = b.decision_key if is_decision and b.decision_key else b.resolution_key
        kind = b.decision_kind if is_decision else b.resolution_kind
        return template.format(session=session, n=item["s_n"], part=part), kind, code
    return None, "", None
