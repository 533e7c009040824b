"""Clause lead words -> the relation a clause expresses (recalls, reaffirms, takesNoteOf, ...), from data."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .trie_regex import token_trie

_SKIP = re.compile(r"^[\s*_\d.()a-z]{0,6}?(?=[A-ZÀ-Ýa-zà-ÿ])")


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, list[tuple[str, str]]], dict[str, list[str]]]:
    """Lead phrases indexed by their first word, longest first."""
    data = json.loads(resources.files("extractors.data").joinpath("clauses.json").read_text("utf-8"))
    by_first: dict[str, list[tuple[str, str]]] = {}
    for rel, leads in data["relations"].items():
        for lead in leads:
            phrase = lead.lower()
            by_first.setdefault(phrase.split()[0], []).append((phrase, rel))
    for pairs in by_first.values():
        pairs.sort(key=lambda p: len(p[0]), reverse=True)
    preamble: dict[str, list[str]] = {}
    for lead in data["preamble_leads"]:
        phrase = lead.lower()
        preamble.setdefault(phrase.split()[0], []).append(phrase)
    return by_first, preamble


def _lead(text: str) -> str:
    text = re.sub(r"^\s*(?:\d{1,3}\.|\(?[a-z]{1,2}\))\s*", "", text)
    return re.sub(r"[*_]", "", text).strip().lower()


@lru_cache(maxsize=4096)
def relation_for(paragraph_lead: str) -> str:
    """'Rappelant également sa résolution...' -> 'recalls'; unknown leads -> 'cites'."""
    lead = _lead(paragraph_lead)
    first = lead.split(" ", 1)[0].rstrip(",;:")
    for phrase, relation in _table()[0].get(first, ()):
        if lead.startswith(phrase) and (len(lead) == len(phrase) or not lead[len(phrase)].isalpha()):
            return relation
    return "cites"


@lru_cache(maxsize=4096)
def is_clause_lead(text: str) -> bool:
    """Does a paragraph open like a preambular or operative clause ('Recalling', 'Deeply concerned')?"""
    if relation_for(text) != "cites":
        return True
    lead = _lead(text)
    first = lead.split(" ", 1)[0].rstrip(",;:")
    return any(lead.startswith(p) for p in _table()[1].get(first, ()))


@lru_cache(maxsize=1)
def adoption_phrase() -> re.Pattern[str]:
    """'par laquelle elle a adopté', 'by which it adopted': what follows was adopted by the resolution before.

    The phrases are one case-insensitive trie (lower-cased, a space matching 1-3 white-space characters):
    the engine follows one branch per character instead of trying every phrase at every position."""
    data = json.loads(resources.files("extractors.data").joinpath("clauses.json").read_text("utf-8"))
    phrases = {p.lower() for p in data["adoption_phrases"]}
    return re.compile("(?:" + token_trie([r"\s{1,3}" if ch == " " else re.escape(ch) for ch in p] for p in phrases)
                      + ")", re.I)


@lru_cache(maxsize=1)
def subordinate_phrase() -> re.Pattern[str]:
    """'dans laquelle', 'créé par', 'pursuant to': past one of these, a clause speaks of something else.
    A character trie of the lower-cased phrases: search it in lower-cased text."""
    data = json.loads(resources.files("extractors.data").joinpath("clauses.json").read_text("utf-8"))
    return _phrase_trie(data["subordinate_phrases"])


def _phrase_trie(phrases: list[str]) -> re.Pattern[str]:
    lowered = {p.lower() for p in phrases}
    body = token_trie([r"\s{1,3}" if ch == " " else re.escape(ch) for ch in p] for p in lowered)
    # lower-cased phrases matched against lower-cased text (case-insensitive tries are several times slower),
    # and no look-behind in front, so the engine can skip ahead; callers check the word start themselves
    return re.compile(r"(?:" + body + r")(?!\w)")


@lru_cache(maxsize=1)
def object_reopener() -> re.Pattern[str]:
    """', et sa résolution', ', and its resolution': a second object of the same clause after a subordinate phrase
    (lower-cased, like subordinate_phrase())."""
    data = json.loads(resources.files("extractors.data").joinpath("clauses.json").read_text("utf-8"))
    return _phrase_trie(data["object_reopeners"])
