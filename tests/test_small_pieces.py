"""Table-driven tests of the small pieces: clause verbs, dates and ordinals, Unicode repair, treaty series."""
from __future__ import annotations

import pytest

from extractors.clauses import is_clause_lead, relation_for
from extractors.dates import find_date, ordinal_value
from extractors.normalise import normalise
from extractors.treaty_series import find_treaty_series


@pytest.mark.parametrize("lead, relation", [
    ("Recalling its resolution 55/25", "recalls"), ("Also recalling its resolution", "recalls"),
    ("Rappelant également sa résolution", "recalls"), ("Rappelant en outre sa résolution", "recalls"),
    ("o) Rappelle la décision 4/3", "recalls"), ("*Recalling* its resolution", "recalls"),
    ("Reaffirming its commitment", "reaffirms"), ("Réaffirmant son adhésion", "reaffirms"), ("4. Réaffirme l'importance", "reaffirms"),
    ("1. Takes note of the report", "takesNoteOf"), ("1. Prend note avec satisfaction du rapport", "takesNoteOf"),
    ("Prenant note avec intérêt des résultats", "takesNoteOf"), ("a) Prend note des recommandations", "takesNoteOf"),
    ("1. Welcomes the signing", "welcomes"), ("1. Se félicite de la signature", "welcomes"), ("Saluant les travaux", "welcomes"),
    ("Se félicitant de l'engagement", "welcomes"),
    ("10. Souscrit à la Déclaration de Bangkok", "endorses"), ("3. Endorses the recommendations", "endorses"),
    ("Approuve les recommandations", "endorses"), ("1. Adopts the Declaration", "adopts"), ("1. Adopte la Déclaration", "adopts"),
    ("Bearing in mind that", "cites"), ("Ayant à l'esprit la Déclaration", "cites"), ("2. Requests the Secretary-General", "cites"),
    ("Noting with concern", "cites"),
])
def test_relation_for(lead: str, relation: str) -> None:
    assert relation_for(lead) == relation


@pytest.mark.parametrize("lead, is_lead", [
    ("Deeply concerned at the impact", True), ("Profondément préoccupée par", True), ("Convaincue qu'il est nécessaire", True),
    ("Guided by the Charter", True), ("Convention des Nations Unies contre", False), ("The Committee recommended", False),
])
def test_is_clause_lead(lead: str, is_lead: bool) -> None:
    assert is_clause_lead(lead) is is_lead


@pytest.mark.parametrize("text, iso", [
    ("du 15 novembre 2000,", "2000-11-15"), ("of 15 November 2000", "2000-11-15"), ("le 1er décembre 2001", "2001-12-01"),
    ("on 3 April 2023", "2023-04-03"), ("del 25 de septiembre de 2015", None), ("31 février 2001", None),
    ("en date du 21 juillet 2004", "2004-07-21"), ("the 2005 World Summit", None),
])
def test_find_date(text: str, iso: str | None) -> None:
    found = find_date(text)
    assert (found[2] if found else None) == iso


@pytest.mark.parametrize("words, value", [
    ("sixty-first", 61), ("soixante et unième", 61), ("cinquante-neuvième", 59), ("Thirty-fourth", 34), ("fifth", 5),
    ("onzième", 11), ("seventieth", 70), ("quatre-vingtième", 80), ("soixante-dixième", 70), ("banana", None),
])
def test_ordinal_value(words: str, value: int | None) -> None:
    assert ordinal_value(words) == value


@pytest.mark.parametrize("raw, clean", [
    ("l’Assemblée", "l'Assemblée"), ("55/25\u00a0du", "55/25 du"), ("ﬁnancement", "financement"),
    ("re\u0301solution", "résolution"), ("“quoted”", '"quoted"'), ("line\r\nbreak", "line\nbreak"), ("soft\u00adhyphen", "softhyphen"),
    ("narrow\u202fspace", "narrow space"), ("non\u2011breaking", "non-breaking"),
])
def test_normalise_keeps_a_map(raw: str, clean: str) -> None:
    mapped = normalise(raw)
    assert mapped.text == clean
    start, end = mapped.original_span(0, len(mapped.text))
    assert (start, end) == (0, len(raw))


@pytest.mark.parametrize("text, targets", [
    ("Nations Unies, Recueil des Traités, vols. 2225, 2237, 2241 et 2326, n° 39574.",
     ["treaty-series:2225/39574", "treaty-series:2237/39574", "treaty-series:2241/39574", "treaty-series:2326/39574"]),
    ("United Nations, Treaty Series, vol. 2225, No. 39574.", ["treaty-series:2225/39574"]),
    ("United Nations, Treaty Series, vol. 75, Nos. 970–973.",
     ["treaty-series:75/970", "treaty-series:75/971", "treaty-series:75/972", "treaty-series:75/973"]),
    ("Ibid., vol. 1577, No. 27531.", ["treaty-series:1577/27531"]),
    ("see the report, vol. 2, para. 5", []),
])
def test_treaty_series(text: str, targets: list[str]) -> None:
    assert [f.target for f in find_treaty_series(text)] == targets
