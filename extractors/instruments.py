"""Named instruments (conventions, protocols, declarations, rules...) found through the register in
data/instruments.json: names and aliases in several languages, matched as word sequences through a
token trie (longest name wins), so a protocol whose title contains its convention's title is reported
as the protocol, and line breaks, apostrophes, hyphens and punctuation between words do not matter.

Why a token trie rather than one alternation regex or spaCy's PhraseMatcher over the whole text: an
alternation of ~1,500 names backtracks at every position (measured: 0.005 MB/s), and tokenising every
document with spaCy costs ~0.75 MB/s, while the trie walks only from words that begin some name. The
same register is exported as spaCy PhraseMatcher/SpanRuler patterns by `extractors.spacy_pipeline`.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .references import REFERENCE_WORDS, Found
from .trie_regex import first_char_branches

def _words(name: str) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s{1,3}") for w in REFERENCE_WORDS[name]), key=len, reverse=True))


ARTICLES = r"(?:(?:" + _words("follower_articles") + r")\s{0,3})?"


@dataclass(slots=True)
class Instrument:
    key: str
    kind: str
    adopted_by: str | None
    followers: list[dict]


def load_register() -> dict:
    return json.loads(resources.files("extractors.data").joinpath("instruments.json").read_text("utf-8"))


WORD = re.compile(r"\w+")
GAP = re.compile(r"[ ,:;'.()\-–/]{0,4}")


def name_pattern(name: str) -> str:
    """A follower phrase as a whitespace/punctuation-tolerant regex."""
    words = WORD.findall(name)
    return r"[\s,:;'.()\-–]{0,4}".join(re.escape(w) for w in words)


def fold_words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in WORD.findall(text.replace("’", "'")))


@lru_cache(maxsize=1)
def compiled() -> tuple[dict, dict[str, Instrument], dict[str, re.Pattern[str]]]:
    """The register as (token trie, key -> Instrument, follower patterns)."""
    register = load_register()
    by_key: dict[str, Instrument] = {}
    trie: dict = {}
    for entry in register["instruments"]:
        key = entry["key"]
        by_key[key] = Instrument(key, entry.get("kind") or key.split(":")[0], entry.get("adopted_by"),
                                 entry.get("followers", []))
        for group in ("names", "aliases"):
            for lang_names in (entry.get(group) or {}).values():
                for name in lang_names:
                    words = fold_words(name)
                    if len(words) < 2 and len(name) < 8:
                        continue  # single short words are too ambiguous to be names
                    node = trie
                    for word in words:
                        node = node.setdefault(word, {})
                    node.setdefault("", key)  # first name registered wins
    followers: dict[str, re.Pattern[str]] = {}
    for inst in by_key.values():
        for follower in inst.followers:
            phrases = [p for lang, ps in follower.items() if lang != "key" for p in ps]
            if not phrases:
                continue
            stripped = sorted({re.sub(r"^(?:the|les|des|ses|its|la|le|l'|et|and)\s+", "", p.replace("’", "'"), flags=re.I)
                               for p in phrases}, key=len, reverse=True)
            followers[follower["key"] + "@" + inst.key] = re.compile(
                r"\s{0,3},?\s{0,3}(?:" + _words("follower_joiners") + r")\s{1,3}" + ARTICLES
                + r"(?:(?:" + _words("follower_possessives") + r")\s{1,3})?(?:"
                + "|".join(name_pattern(p) for p in stripped) + r")(?![\w-])", re.I)
    return trie, by_key, followers


# names begin with a capital or a digit ("2030 Agenda") not preceded by a word character or hyphen
_START_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" + "".join(chr(c) for c in range(0xC0, 0xDF) if c != 0xD7)


@lru_cache(maxsize=1)
def start_pattern() -> re.Pattern[str]:
    """Whole words that begin with a capital or digit and whose lower-case form is the first word of some
    name: a trie of those words behind a choice of first characters, so the engine skips ahead to those
    characters and Python sees only words the token trie knows (it still checks `word.lower()`)."""
    trie = compiled()[0]
    words = [capital + first[1:] for first in trie if first
             for capital in _START_CHARS if capital.lower() == first[0]]
    return re.compile(first_char_branches(words, r"(?<![\w-].)", "i") + r"(?!\w)")
_NEXT = re.compile(r"([ ,:;'.()\-–/]{0,4})(\w+)")


def find_instruments(text: str) -> list[Found]:
    """Every register name in clean text (longest first), plus followers ('and the Protocols thereto')."""
    trie, by_key, followers = compiled()
    found: list[Found] = []
    resume = 0
    for start_match in start_pattern().finditer(text):
        if start_match.start() < resume:
            continue
        node = trie.get(start_match.group().lower())
        if node is None:
            continue
        best: tuple[int, str] | None = None
        end = start_match.end()
        while True:
            if "" in node:
                best = (end, node[""])
            step = _NEXT.match(text, end)
            if step is None or "\n" in step.group(1):
                break
            nxt = node.get(step.group(2).lower())
            if nxt is None:
                break
            node, end = nxt, step.end()
        if best is None:
            continue
        end, key = best
        start = start_match.start()
        inst = by_key[key]
        if text[end:end + 1] == ")" and text.count("(", start, end) > text.count(")", start, end):
            end += 1
        found.append(Found(start, end, inst.key, _kind(inst), extras={"adopted_by": inst.adopted_by}))
        resume = end
        for follower in inst.followers:
            pattern = followers.get(follower["key"] + "@" + inst.key)
            fm = pattern.match(text, end) if pattern else None
            if fm:
                fstart = fm.start() + len(fm.group()) - len(fm.group().lstrip(" ,"))
                found.append(Found(fstart, fm.end(), follower["key"], follower["key"].split(":")[0]))
                resume = fm.end()
    return found


# citation kinds of named instruments: the key prefix where it is one of these, else "other"
NAMED_KINDS = frozenset({"convention", "protocol", "declaration", "charter", "rules", "principles", "agreement", "plan"})
INSTRUMENT_KINDS = NAMED_KINDS | {"other"}


def _kind(inst: Instrument) -> str:
    prefix = inst.key.split(":")[0]
    return prefix if prefix in NAMED_KINDS else "other"
