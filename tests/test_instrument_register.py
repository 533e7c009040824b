"""Schema and consistency checks for the register of named instruments.

The register (extractors/data/instruments.json) is data that the extractor compiles into one
case-insensitive, longest-first regex; these tests keep it unambiguous and keep the keys that the
project's gold data depends on from drifting.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterator

import pytest

REGISTER_PATH = Path(__file__).resolve().parent.parent / "extractors" / "data" / "instruments.json"

PREFIXES = ("convention", "protocol", "declaration", "rules", "principles", "guidelines", "agreement",
            "plan", "charter", "framework", "model-agreement", "other")
KEY_RE = re.compile(r"^(" + "|".join(map(re.escape, PREFIXES)) + r"):[A-Za-z0-9-]+$")
LANGS = {"en", "fr", "es"}
ENTRY_FIELDS = {"key", "kind", "names", "aliases", "adopted_by", "annex", "year", "followers"}
# Resolution keys as the project writes them (see corpus README, "Target keys").
RESOLUTION_RE = re.compile(
    r"^(?:A/RES/(?:(?:S-)?\d+/\d+|\d+\([IVXL]+\))(?:\[[A-Z]\])?"    # GA, special sessions, parts
    r"|E/RES/\d{4}/\d+"                                              # ECOSOC
    r"|A/HRC/RES/\d+/\d+"                                            # Human Rights Council
    r"|S/RES/\d+\(\d{4}\))$")                                        # Security Council
ROMAN_RE = re.compile(r"^[IVX]+$")
# The extractor strips a leading article itself, so names must not carry one.
ARTICLE_RE = re.compile(r"^(?:the|la|le|les|el|los|las)\s|^l['’]", re.IGNORECASE)
# Bare words that would match ordinary prose or several instruments.
GENERIC = {"convention", "the convention", "covenant", "declaration", "agenda", "protocol",
           "optional protocol", "programme of action", "platform for action", "plan of action",
           "charter", "statute", "rules", "principles", "guidelines", "agreement", "treaty",
           "pacte", "déclaration", "programme d'action", "protocole", "protocole facultatif", "charte",
           "statut", "règles", "principes", "accord", "traité", "political declaration",
           "déclaration politique", "geneva convention", "vienna declaration", "doha declaration",
           "optional protocol to the convention on the rights of the child",
           "political declaration on hiv and aids"}

# Keys fixed by the project's gold data (corpus/seeds, corpus/dev and the holdout gold).
FIXED_KEYS = [
    "convention:UNTOC", "convention:UNCAC", "convention:nuclear-terrorism",
    "protocol:trafficking-in-persons", "protocol:smuggling-of-migrants", "protocol:firearms",
    "protocol:UNTOC-protocols", "declaration:vienna-crime-justice", "declaration:millennium",
    "declaration:bangkok-2005", "model-agreement:sharing-confiscated-proceeds", "convention:ICRMW",
    "convention:CPED", "protocol:ICESCR-OP", "convention:ICESCR", "convention:ICCPR",
    "convention:statelessness-1961", "convention:ILO-118", "principles:paris", "rules:nelson-mandela",
    "declaration:2030-agenda", "convention:CRPD", "convention:refugees-1951", "protocol:refugees-1967",
    "charter:UN",
]

# (text as it appears in gold or in real documents, key it must resolve to). The text may carry a
# leading article, which the extractor strips.
NAME_CASES = [
    ("Convention des Nations Unies contre la criminalité transnationale organisée", "convention:UNTOC"),
    ("United Nations Convention against Transnational Organized Crime", "convention:UNTOC"),
    ("la Convention de Palerme", "convention:UNTOC"),
    ("Convention des Nations Unies contre la corruption", "convention:UNCAC"),
    ("Convention internationale pour la répression des actes de terrorisme nucléaire",
     "convention:nuclear-terrorism"),
    ("Déclaration de Bangkok : Synergies et réponses : Alliances stratégiques pour la prévention du "
     "crime et la justice pénale", "declaration:bangkok-2005"),
    ("la Déclaration de Bangkok", "declaration:bangkok-2005"),
    ("Déclaration du Millénaire", "declaration:millennium"),
    ("Déclaration de Vienne sur la criminalité et la justice", "declaration:vienna-crime-justice"),
    ("Déclaration de Vienne sur la criminalité et la justice : relever les défis du XXIe siècle",
     "declaration:vienna-crime-justice"),
    ("Vienna Declaration on Crime and Justice: Meeting the Challenges of the Twenty-first Century",
     "declaration:vienna-crime-justice"),
    ("Accord bilatéral type sur le partage du produit du crime ou des biens",
     "model-agreement:sharing-confiscated-proceeds"),
    ("Protocole contre la fabrication et le trafic illicites d’armes à feu, de leurs pièces, éléments "
     "et munitions", "protocol:firearms"),
    ("Protocole contre le trafic illicite de migrants par terre, air et mer",
     "protocol:smuggling-of-migrants"),
    ("Protocole additionnel à la Convention des Nations Unies contre la criminalité transnationale "
     "organisée visant à prévenir, réprimer et punir la traite des personnes, en particulier des femmes "
     "et des enfants", "protocol:trafficking-in-persons"),
    ("the International Convention for the Protection of All Persons from Enforced Disappearance",
     "convention:CPED"),
    ("the Convention on the Rights of Persons with Disabilities", "convention:CRPD"),
    ("the International Covenant on Civil and Political Rights", "convention:ICCPR"),
    ("International Covenant on Economic, Social and Cultural Rights", "convention:ICESCR"),
    ("the International Convention on the Protection of the Rights of All Migrant Workers and Members "
     "of Their Families", "convention:ICRMW"),
    ("the Equality of Treatment (Social Security) Convention, 1962 (No. 118)", "convention:ILO-118"),
    ("the Convention relating to the Status of Refugees", "convention:refugees-1951"),
    ("the Convention on the Reduction of Statelessness", "convention:statelessness-1961"),
    ("the 2030 Agenda for Sustainable Development", "declaration:2030-agenda"),
    ("Programme de développement durable à l’horizon 2030", "declaration:2030-agenda"),
    ("the principles relating to the status of national institutions for the promotion and protection "
     "of human rights", "principles:paris"),
    ("the Paris Principles", "principles:paris"),
    ("Principes de Paris", "principles:paris"),
    ("the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights",
     "protocol:ICESCR-OP"),
    ("the United Nations Standard Minimum Rules for the Treatment of Prisoners", "rules:nelson-mandela"),
    ("the Nelson Mandela Rules", "rules:nelson-mandela"),
    ("Standard Minimum Rules for the Treatment of Prisoners", "rules:nelson-mandela"),
    ("Charter of the United Nations", "charter:UN"),
    ("la Charte des Nations Unies", "charter:UN"),
    ("Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
     "convention:CAT"),
    ("Convention contre la torture et autres peines ou traitements cruels, inhumains ou dégradants",
     "convention:CAT"),
    ("Pacte international relatif aux droits civils et politiques", "convention:ICCPR"),
    ("Déclaration universelle des droits de l’homme", "declaration:UDHR"),
    ("Beijing Declaration and Platform for Action", "declaration:beijing-platform"),
    ("Programme d’action de Beijing", "declaration:beijing-platform"),
    ("Merida Convention", "convention:UNCAC"),
    ("Istanbul Protocol", "other:istanbul-protocol"),
    ("Worst Forms of Child Labour Convention, 1999 (No. 182)", "convention:ILO-182"),
    ("Second Optional Protocol to the International Covenant on Civil and Political Rights, aiming at "
     "the abolition of the death penalty", "protocol:ICCPR-OP2"),
    ("Sendai Framework for Disaster Risk Reduction 2015–2030", "framework:sendai"),
    ("Addis Ababa Action Agenda", "plan:addis-ababa-action-agenda"),
    ("Paris Agreement", "agreement:paris-2015"),
    ("Kyoto Protocol", "protocol:kyoto"),
]

# (parent key, follower phrase, follower key)
FOLLOWER_CASES = [
    ("convention:UNTOC", "the Protocols thereto", "protocol:UNTOC-protocols"),
    ("convention:UNTOC", "les Protocoles s’y rapportant", "protocol:UNTOC-protocols"),
    ("convention:refugees-1951", "and its Protocol", "protocol:refugees-1967"),
    ("convention:refugees-1951", "et son Protocole", "protocol:refugees-1967"),
]

ADOPTED_BY_CASES = [
    ("convention:UNTOC", "A/RES/55/25", "I"), ("protocol:trafficking-in-persons", "A/RES/55/25", "II"),
    ("protocol:smuggling-of-migrants", "A/RES/55/25", "III"), ("protocol:firearms", "A/RES/55/255", None),
    ("convention:UNCAC", "A/RES/58/4", None), ("convention:nuclear-terrorism", "A/RES/59/290", None),
    ("declaration:vienna-crime-justice", "A/RES/55/59", None),
    ("declaration:millennium", "A/RES/55/2", None), ("declaration:2030-agenda", "A/RES/70/1", None),
    ("rules:nelson-mandela", "A/RES/70/175", None), ("principles:paris", "A/RES/48/134", None),
    ("convention:CRPD", "A/RES/61/106", "I"), ("convention:CPED", "A/RES/61/177", None),
    ("convention:ICRMW", "A/RES/45/158", None), ("convention:CRC", "A/RES/44/25", None),
    ("convention:CEDAW", "A/RES/34/180", None), ("convention:CAT", "A/RES/39/46", None),
    ("convention:ICCPR", "A/RES/2200(XXI)[A]", None), ("convention:ICESCR", "A/RES/2200(XXI)[A]", None),
    ("declaration:UDHR", "A/RES/217(III)[A]", None),
]


def normalise(text: str) -> str:
    """The matching form the extractor uses: case-folded, one space, one apostrophe."""
    text = text.replace("’", "'").replace("‘", "'").replace("ʼ", "'")
    return re.sub(r"\s+", " ", text).strip().casefold()


def strip_article(text: str) -> str:
    """Drop one leading article, as the extractor does before matching."""
    return re.sub(r"^(?:the|la|le|les|el|los|las)\s+|^l'", "", normalise(text))


def load_register() -> dict[str, Any]:
    with REGISTER_PATH.open(encoding="utf-8") as fh:
        return json.load(fh)


REGISTER = load_register()
ENTRIES: list[dict[str, Any]] = REGISTER["instruments"]
BY_KEY = {entry["key"]: entry for entry in ENTRIES}


def labels(entry: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """Yield (field, language, string) for every name and alias of an entry."""
    for field in ("names", "aliases"):
        for lang, strings in entry.get(field, {}).items():
            for string in strings:
                yield field, lang, string


def all_labels() -> list[tuple[str, str, str, str]]:
    return [(entry["key"], field, lang, s) for entry in ENTRIES for field, lang, s in labels(entry)]


def test_register_header() -> None:
    assert REGISTER["version"] == 1
    assert isinstance(ENTRIES, list) and len(ENTRIES) >= 200


def test_keys_unique() -> None:
    seen: dict[str, int] = defaultdict(int)
    for entry in ENTRIES:
        seen[entry["key"]] += 1
    assert [k for k, n in seen.items() if n > 1] == []


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["key"])
def test_entry_schema(entry: dict[str, Any]) -> None:
    assert set(entry) <= ENTRY_FIELDS, set(entry) - ENTRY_FIELDS
    assert KEY_RE.match(entry["key"]), entry["key"]
    assert entry["kind"] == entry["key"].split(":", 1)[0]
    assert entry["names"].get("en"), "every instrument needs an English name"
    for field in ("names", "aliases"):
        block = entry.get(field, {})
        assert isinstance(block, dict) and set(block) <= LANGS
        for strings in block.values():
            assert isinstance(strings, list)
            for s in strings:
                assert isinstance(s, str) and s == s.strip() and s, repr(s)
                assert "  " not in s, repr(s)
    if "year" in entry:
        assert isinstance(entry["year"], int) and 1850 <= entry["year"] <= 2100
    if "adopted_by" in entry:
        assert RESOLUTION_RE.match(entry["adopted_by"]), entry["adopted_by"]
    if "annex" in entry:
        assert "adopted_by" in entry and ROMAN_RE.match(entry["annex"])


@pytest.mark.parametrize("key,field,lang,string", all_labels())
def test_label_is_specific(key: str, field: str, lang: str, string: str) -> None:
    assert not ARTICLE_RE.match(string), f"{key}: leading article in {string!r}"
    assert not re.fullmatch(r"[A-Z0-9-]+", string), f"{key}: bare acronym {string!r}"
    assert normalise(string) not in GENERIC, f"{key}: generic label {string!r}"


def test_no_label_maps_to_two_keys() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for key, _field, _lang, string in all_labels():
        owners[normalise(string)].add(key)
    clashes = {label: sorted(keys) for label, keys in owners.items() if len(keys) > 1}
    assert clashes == {}


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["key"])
def test_no_redundant_variants(entry: dict[str, Any]) -> None:
    forms = [normalise(s) for _field, _lang, s in labels(entry)]
    assert len(forms) == len(set(forms)), sorted(f for f in forms if forms.count(f) > 1)


@pytest.mark.parametrize("entry", [e for e in ENTRIES if "followers" in e], ids=lambda e: e["key"])
def test_followers(entry: dict[str, Any]) -> None:
    for follower in entry["followers"]:
        assert set(follower) <= {"key", *LANGS}
        assert follower["key"] in BY_KEY, follower["key"]
        assert follower["key"] != entry["key"]
        phrases = [p for lang in LANGS for p in follower.get(lang, [])]
        assert phrases and all(isinstance(p, str) and p == p.strip() and p for p in phrases)


@pytest.mark.parametrize("key", FIXED_KEYS)
def test_fixed_key_present(key: str) -> None:
    assert key in BY_KEY


@pytest.mark.parametrize("text,key", NAME_CASES)
def test_name_resolves(text: str, key: str) -> None:
    wanted = strip_article(text)
    found = {k for k, _f, _l, s in all_labels() if normalise(s) == wanted}
    assert found == {key}


@pytest.mark.parametrize("parent,phrase,follower", FOLLOWER_CASES)
def test_follower_phrase(parent: str, phrase: str, follower: str) -> None:
    entry = BY_KEY[parent]
    hits = [f["key"] for f in entry.get("followers", [])
            for lang in LANGS for p in f.get(lang, []) if normalise(p) == normalise(phrase)]
    assert hits == [follower]


@pytest.mark.parametrize("key,resolution,annex", ADOPTED_BY_CASES)
def test_adopted_by(key: str, resolution: str, annex: str | None) -> None:
    entry = BY_KEY[key]
    assert entry.get("adopted_by") == resolution
    assert entry.get("annex") == annex
