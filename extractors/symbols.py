"""UN document symbols, built from named pieces (prefix, part, SC year) kept in data/symbols.json.

Every quantifier is bounded or separated by a literal ("/", ".", "-") so the scan is linear on
hostile input such as a million slashes or digits.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .trie_regex import trie_alternation

_DATA = json.loads(resources.files("extractors.data").joinpath("symbols.json").read_text("utf-8"))

# a trie of the prefixes (longest first along each path, like an alternation sorted longest first): the
# engine follows one branch per character instead of trying each of the prefixes in turn
PREFIX = "(?:" + trie_alternation(_DATA["prefixes"]) + ")"
PART = r"[A-Za-z0-9]{1,12}(?:[.\-–][A-Za-z0-9]{1,12}){0,4}"
SC_YEAR = r"(?:\s?\((?:19|20)\d\d\))"
# before 1976 a resolution symbol carries its part letter and Roman session: A/RES/2200 A (XXI), A/RES/3201 (S-VI)
ROMAN_SESSION = r"(?:(?:\s?[A-H](?=\s?\())?\s?\((?:[IVXL]{1,7}|S-[IVX]{1,4}|ES-[IVX]{1,4})\))"
SYMBOL_BODY = PREFIX + r"(?:/" + PART + r"){1,9}(?:" + SC_YEAR + "|" + ROMAN_SESSION + ")?"
SYMBOL = re.compile(r"(?=[A-Z][A-Z.()-]{0,12}/)(?<![\w./:%@-])" + SYMBOL_BODY + r"(?![\w%@/])")
SYMBOL_LINE = re.compile(r"(?:United Nations\s+|Nations Unies\s+)?(?:\d{1,4}\s+)?" + SYMBOL_BODY + r"(?:\s+\d{1,4}(?:/\d{1,4})?)?")
_LOCWORD = "(?:" + "|".join(sorted((re.escape(w) for w in _DATA["locator_words"]), key=len, reverse=True)) + ")"
_LOCVALUE = r"(?:\d{1,4}|[IVXLC]{1,7}|[A-Z])(?:\.\d{1,4}){0,3}(?:\s?\([a-z0-9]{1,3}\))?\b(?!/)"
_LOCJOIN = "(?:" + "|".join(re.escape(w) for w in _DATA["locator_joiners"]) + ")"
_LOCLIST = _LOCVALUE + r"(?:\s{0,2}" + _LOCJOIN + r"\s{0,2}" + _LOCVALUE + r"){0,20}"
LOCATOR = re.compile(r"(?:,?\s{0,2}\b" + _LOCWORD + r"\b\.?\s{0,2}(?:" + _LOCLIST + r"))+", re.I)
SERIES_KINDS: dict[str, str] = _DATA["series_aliases"]
_COMPANION = re.compile(r"\s{0,2}(?:" + "|".join(re.escape(j) for j in _DATA["companion_joiners"]) + r")\s{0,3}(?P<part>"
                        + "|".join(_DATA["companion_parts"]) + r")\.(?P<n>\d{1,3})(?!\w)")


@dataclass(slots=True)
class SymbolMatch:
    start: int
    end: int
    symbol: str  # normalised: no spaces, en dash as hyphen, SC year glued "S/RES/1373(2001)"
    kind: str
    locator: str | None
    locator_end: int


_SPACES = re.compile(r"\s+")
_OLD_STYLE = re.compile(r"([AE]/RES)/(\d{1,4})([A-H])?\(([IVXL]{1,7}|S-[IVX]{1,4}|ES-[IVX]{1,4})\)")
_DIGIT = re.compile(r"\d")
_COMPANION_SUFFIX = re.compile(r"/(?:Corr|Add|Rev|Amend)\.\d{1,3}$")
_NUMBERED_PART = re.compile(r"/(?:Add|Corr)\.\d{1,3}$")
_BARE_COMPANION = re.compile(r"\s{0,2}(?:" + "|".join(re.escape(j) for j in _DATA["companion_joiners"])
                             + r")\s{1,3}(?P<n>\d{1,2})(?![\w/])")
_PART_NUMBER = re.compile(r"\.\d{1,3}$")


def normalise_symbol(raw: str) -> str:
    symbol = _SPACES.sub("", raw).replace("–", "-")
    old_style = _OLD_STYLE.fullmatch(symbol)
    if old_style:  # A/RES/2200A(XXI) -> A/RES/2200(XXI)[A], the key scheme of pre-1976 resolutions
        series, number, part, session = old_style.groups()
        return f"{series}/{number}({session})" + (f"[{part}]" if part else "")
    return symbol.rstrip(".-")


@lru_cache(maxsize=4096)
def symbol_kind(symbol: str) -> str:
    """The kind of the longest series the symbol belongs to (cached: documents cite the same symbols)."""
    best = ""
    for series in SERIES_KINDS:
        if symbol.startswith(series + "/") and len(series) > len(best):
            best = series
    return SERIES_KINDS[best] if best else "document"


def find_symbols(text: str) -> list[SymbolMatch]:
    """Every UN symbol in clean text, split joint symbols (A/56/123-S/2001/456), with any locator after it."""
    found: list[SymbolMatch] = []
    for m in _symbol_matches(text):
        raw = m.group()
        start = m.start()
        if not _DIGIT.search(raw):
            continue
        parts = _split_joint(raw)
        loc = LOCATOR.match(text, m.end())
        locator = loc.group().strip(" ,") if loc else None
        for part_start, part in parts:
            symbol = normalise_symbol(part)
            s = start + part_start
            e = s + len(part.rstrip(".-"))
            found.append(SymbolMatch(s, e, symbol, symbol_kind(symbol), locator, loc.end() if loc else m.end()))
        found.extend(_companions(text, m.end(), symbol if len(parts) == 1 else normalise_symbol(raw)))
    return found


_PREFIX_START = re.compile(r"[A-Z][A-Za-z0-9.()-]{0,14}$")


def _symbol_matches(text: str):
    """SYMBOL matches, found from the slashes outward: a symbol's first slash follows its prefix, so the
    regex runs only where a slash is, not at every position of the text."""
    pos = 0
    find = text.find
    while True:
        slash = find("/", pos)
        if slash < 0:
            return
        head = _PREFIX_START.search(text, max(0, slash - 15), slash)
        m = SYMBOL.match(text, head.start()) if head else None
        if m is None and head is not None:
            # the prefix may start later inside the window ("(A/60/131"): try each capital in it
            for k in range(head.start() + 1, slash):
                if text[k].isupper():
                    m = SYMBOL.match(text, k)
                    if m:
                        break
        if m is not None and m.end() > slash:
            yield m
            pos = m.end()
        else:
            pos = slash + 1


def _companions(text: str, pos: int, base: str) -> list[SymbolMatch]:
    """'A/60/131 and Corr.1', 'A/HRC/30/43/Add.1 and 2' also cite the corrigendum or the next addendum."""
    out: list[SymbolMatch] = []
    first_base = base
    root: str | None = None  # the base without its part, worked out only when a companion follows
    while len(out) < 10:
        m = _COMPANION.match(text, pos)
        if m:
            if root is None:
                root = _COMPANION_SUFFIX.sub("", first_base)
            symbol = f"{root}/{m.group('part')}.{m.group('n')}"
        else:
            numbered = ("/Add." in base or "/Corr." in base) and _NUMBERED_PART.search(base)
            bare = _BARE_COMPANION.match(text, pos) if numbered else None
            if not bare:
                break
            m = bare
            symbol = _PART_NUMBER.sub("." + m.group("n"), base)
        out.append(SymbolMatch(m.start("n") if "part" not in m.groupdict() else m.start("part"), m.end(), symbol,
                               symbol_kind(symbol), None, m.end()))
        pos, base = m.end(), symbol
    return out


@lru_cache(maxsize=1)
def _joint_split() -> re.Pattern[str]:
    return re.compile(r"-(?=" + PREFIX + r"/)")


def _split_joint(raw: str) -> list[tuple[int, str]]:
    if "-" not in raw:
        return [(0, raw)]  # a joint symbol is joined by a hyphen
    parts: list[tuple[int, str]] = []
    pos = 0
    for m in _joint_split().finditer(raw):
        parts.append((pos, raw[pos:m.start()]))
        pos = m.end()
    parts.append((pos, raw[pos:]))
    return parts
