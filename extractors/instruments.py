"""Named instruments (conventions, protocols, declarations, rules...) found through the register in
data/instruments.json: names and aliases in several languages compiled into one case-insensitive regex,
longest name first, so a protocol whose title contains its convention's title is reported as the protocol.

Why a compiled regex rather than spaCy's PhraseMatcher over the whole text: the register is matched on the
clean text in one linear pass (~tens of MB/s) with whitespace, apostrophe and punctuation flexibility,
while tokenising every document would cost ~0.75 MB/s. The same register is exported as spaCy
PhraseMatcher/SpanRuler patterns by `extractors.spacy_pipeline` for users who work in spaCy.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .references import Found

ARTICLES = r"(?:(?:the|la|le|les|l'|des|du|de la|de l'|aux?|el|los|las)\s{1,3})?"


@dataclass(slots=True)
class Instrument:
    key: str
    kind: str
    adopted_by: str | None
    followers: list[dict]


def load_register() -> dict:
    return json.loads(resources.files("extractors.data").joinpath("instruments.json").read_text("utf-8"))


def name_pattern(name: str) -> str:
    """A name as a whitespace/punctuation-tolerant regex: 'Déclaration de Vienne : relever' matches
    'Déclaration de Vienne: relever' and a line break anywhere between words."""
    name = re.sub(r"\s+", " ", name.replace("’", "'").strip())
    out: list[str] = []
    for token in re.split(r"(\s|[,:;'])", name):
        if not token:
            continue
        if token == " ":
            out.append(r"\s{1,3}")
        elif token in ",:;":
            out.append(r"\s?" + re.escape(token) + r"?")
        elif token == "'":
            out.append(r"'\s?")
        else:
            out.append(re.escape(token).replace(r"\-", r"[-–]\s?"))
    return "".join(out)


@lru_cache(maxsize=1)
def compiled() -> tuple[re.Pattern[str], dict[str, Instrument], dict[str, re.Pattern[str]]]:
    register = load_register()
    by_key: dict[str, Instrument] = {}
    names: dict[str, str] = {}  # folded name -> key
    for entry in register["instruments"]:
        key = entry["key"]
        by_key[key] = Instrument(key, entry.get("kind") or key.split(":")[0], entry.get("adopted_by"),
                                 entry.get("followers", []))
        for group in ("names", "aliases"):
            for lang_names in (entry.get(group) or {}).values():
                for name in lang_names:
                    folded = re.sub(r"\s+", " ", name.replace("’", "'")).strip().lower()
                    if len(folded) >= 6:
                        names.setdefault(folded, key)
    ordered = sorted(names, key=len, reverse=True)
    groups = [f"(?P<i{index}>{name_pattern(name)})" for index, name in enumerate(ordered)]
    body = "|".join(groups) if groups else r"(?!x)x"
    regex = re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", re.I)
    index_keys = {f"i{index}": names[name] for index, name in enumerate(ordered)}
    followers: dict[str, re.Pattern[str]] = {}
    for inst in by_key.values():
        for follower in inst.followers:
            phrases = [p for lang, ps in follower.items() if lang != "key" for p in ps]
            if not phrases:
                continue
            stripped = sorted({re.sub(r"^(?:the|les|des|ses|its|la|le|l'|et|and)\s+", "", p.replace("’", "'"), flags=re.I)
                               for p in phrases}, key=len, reverse=True)
            followers[follower["key"] + "@" + inst.key] = re.compile(
                r"\s{0,3},?\s{0,3}(?:and|et|ainsi que|y)\s{1,3}" + ARTICLES + r"(?:its\s{1,3}|ses\s{1,3})?(?:"
                + "|".join(name_pattern(p) for p in stripped) + r")(?![\w-])", re.I)
    return regex, {**{k: by_key[v] for k, v in index_keys.items()}, **by_key}, followers


def find_instruments(text: str) -> list[Found]:
    """Every register name in clean text, plus followers ('and the Protocols thereto')."""
    regex, lookup, followers = compiled()
    found: list[Found] = []
    for m in regex.finditer(text):
        inst = lookup[m.lastgroup]
        found.append(Found(m.start(), m.end(), inst.key, _kind(inst), extras={"adopted_by": inst.adopted_by}))
        for follower in inst.followers:
            pattern = followers.get(follower["key"] + "@" + inst.key)
            fm = pattern.match(text, m.end()) if pattern else None
            if fm:
                start = fm.start() + len(fm.group()) - len(fm.group().lstrip(" ,"))
                found.append(Found(start, fm.end(), follower["key"], follower["key"].split(":")[0]))
    return found


def _kind(inst: Instrument) -> str:
    prefix = inst.key.split(":")[0]
    return prefix if prefix in ("convention", "protocol", "declaration", "charter", "rules", "principles", "agreement", "plan") else "other"
