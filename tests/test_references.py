"""Resolutions and decisions cited by number, in English and French, as UN texts write them."""
from __future__ import annotations

import pytest

from extractors.references import NUMBER, SEPARATOR, Context, find_references
from extract_helpers import citations, targets

GA_DOC_EN = "The General Assembly,\n\n"
GA_DOC_FR = "L'Assemblée générale,\n\n"
HRC_DOC = "The Human Rights Council,\n\n"


@pytest.mark.parametrize("sentence, expected", [
    # General Assembly, modern numbering
    ("Recalling its resolution 55/25 of 15 November 2000,", ["A/RES/55/25"]),
    ("Rappelant sa résolution 55/25 du 15 novembre 2000,", ["A/RES/55/25"]),
    ("Recalling its resolutions 61/143 of 19 December 2006, 62/133 of 18 December 2007 and 63/155 of 18 December 2008,",
     ["A/RES/61/143", "A/RES/62/133", "A/RES/63/155"]),
    ("Rappelant ses résolutions 64/1 et 64/2,", ["A/RES/64/1", "A/RES/64/2"]),
    ("Reaffirming General Assembly resolution 70/1 of 25 September 2015, entitled", ["A/RES/70/1"]),
    ("Réaffirmant la résolution 70/1 de l'Assemblée générale, en date du 25 septembre 2015,", ["A/RES/70/1"]),
    ("Recalling its resolution 54/237 C of 23 December 1999,", ["A/RES/54/237[C]"]),
    ("Recalling its resolution ES-10/23 of 16 November 2023,", ["A/RES/ES-10/23"]),
    ("Rappelant sa résolution S-32/1 du 24 février 2023,", ["A/RES/S-32/1"]),
    # before 1976: Roman session numbers, lettered parts
    ("Recalling its resolution 1514 (XV) of 14 December 1960,", ["A/RES/1514(XV)"]),
    ("Rappelant sa résolution 2200 A (XXI) du 16 décembre 1966,", ["A/RES/2200(XXI)[A]"]),
    ("Recalling its resolutions 3201 (S-VI) and 3202 (S-VI) of 1 May 1974,", ["A/RES/3201(S-VI)", "A/RES/3202(S-VI)"]),
    # Security Council
    ("Recalling Security Council resolutions 1325 (2000), 1820 (2008) and 1888 (2009),",
     ["S/RES/1325(2000)", "S/RES/1820(2008)", "S/RES/1888(2009)"]),
    ("du Comité du Conseil de sécurité créé par la résolution 1373 (2001) concernant la lutte antiterroriste",
     ["S/RES/1373(2001)"]),
    ("Rappelant la résolution 2178 (2014) du Conseil de sécurité,", ["S/RES/2178(2014)"]),
    # Economic and Social Council
    ("Recalling Economic and Social Council resolution 2004/28 of 21 July 2004,", ["E/RES/2004/28"]),
    ("comme indiqué dans la résolution 2004/28 du Conseil économique et social, en date du 21 juillet 2004,",
     ["E/RES/2004/28"]),
    ("Taking note of Economic and Social Council decision 2005/231 of 22 July 2005,", ["E/DEC/2005/231"]),
    ("Recalling Economic and Social Council resolution 1503 (XLVIII) of 27 May 1970,", ["E/RES/1503(XLVIII)"]),
    # Human Rights Council and Commission on Human Rights
    ("pursuant to Human Rights Council resolutions 5/1 and 16/21, taking into consideration",
     ["A/HRC/RES/5/1", "A/HRC/RES/16/21"]),
    ("Rappelant la résolution 7/1 du Conseil des droits de l'homme,", ["A/HRC/RES/7/1"]),
    ("Recalling Commission on Human Rights resolution 2005/69 of 20 April 2005,", ["E/CN.4/RES/2005/69"]),
    ("Recalling Human Rights Council decision 2/102 of 6 October 2006,", ["A/HRC/DEC/2/102"]),
    # conferences and treaty bodies
    ("Rappelle la décision 4/3 de la Conférence, dans laquelle", []),  # body needs the document's context, see below
    ("Recalling decision 1/CP.21 of the Conference of the Parties,", ["decision:FCCC/CP/21/1"]),
    ("Recalling resolution 9/2 of the Conference of the States Parties to the United Nations Convention against Corruption,",
     ["decision:CAC/COSP/9/2"]),
    # ranges
    ("Recalling its resolutions 60/1 to 60/3,", ["A/RES/60/1", "A/RES/60/2", "A/RES/60/3"]),
])
def test_reference_targets(sentence: str, expected: list[str]) -> None:
    found = [f.target for f in find_references(sentence, Context(body="GA"))]
    if expected:
        assert found == expected
    else:
        assert all(not t.startswith("decision:CTOC") for t in found)


@pytest.mark.parametrize("sentence, body, expected", [
    ("o) Rappelle la décision 4/3 de la Conférence, dans laquelle cette dernière", "COP-UNTOC", ["decision:CTOC/COP/4/3"]),
    ("Recalling Conference decision 5/5, on the review mechanism,", "COP-UNTOC", ["decision:CTOC/COP/5/5"]),
    ("Recalling its resolution 5/1 of 18 June 2007,", "HRC", ["A/HRC/RES/5/1"]),
    ("Recalling General Assembly resolution 60/251 of 15 March 2006,", "HRC", ["A/RES/60/251"]),
    ("Reaffirming resolution 60/251,", "HRC", ["A/RES/60/251"]),  # above the Council's sessions: the Assembly's
    ("Rappelant sa résolution 2005/14,", "ECOSOC", ["E/RES/2005/14"]),
    ("Recalling its resolution 2003/37,", "CHR", ["E/CN.4/RES/2003/37"]),
])
def test_body_from_document_context(sentence: str, body: str, expected: list[str]) -> None:
    assert [f.target for f in find_references(sentence, Context(body=body))] == expected


@pytest.mark.parametrize("sentence", [
    "de soumettre celle-ci au groupe de travail intergouvernemental créé en vertu de la résolution; puis",
    "requests the Secretary-General to report on the implementation of the present resolution;",
    "prie le Secrétaire général de lui rendre compte de l'application de la présente résolution",
    "for the reporting period 2024/25 and the biennium 2026-2027,",
    "during the Decade 2025–2034 and in paragraph 12 of the report",
    "the draft resolution was adopted by 120 votes to 5,",
])
def test_not_citations(sentence: str) -> None:
    assert find_references(sentence, Context(body="GA")) == []


def test_enumeration_shares_date_and_body() -> None:
    text = (GA_DOC_FR + "Gardant également à l'esprit toutes les résolutions pertinentes du Conseil économique et social, "
            "et en particulier ses résolutions 2005/14, 2005/15, 2005/16,\n2005/17, 2005/18 et 2005/19 du 22 juillet 2005,\n")
    found = citations(text)
    assert [c.target for c in found] == [f"E/RES/2005/{n}" for n in range(14, 20)]
    assert {c.date for c in found} == {"2005-07-22"}
    assert found[0].text.startswith("ses résolutions 2005/14")


def test_dates_attach_to_each_item() -> None:
    found = citations(GA_DOC_EN + "Recalling its resolutions 55/25 of 15 November 2000 and 55/255 of 31 May 2001,\n")
    assert [(c.target, c.date) for c in found] == [("A/RES/55/25", "2000-11-15"), ("A/RES/55/255", "2001-05-31")]


def test_body_named_after_number_and_date_after_body() -> None:
    found = citations(GA_DOC_FR + "suite à la résolution 2004/32 du Conseil économique et social en date du 21 juillet 2004, sous\n")
    assert [(c.target, c.date, c.body) for c in found] == [("E/RES/2004/32", "2004-07-21", "ECOSOC")]


def test_relation_from_clause() -> None:
    text = (GA_DOC_EN + "Recalling its resolution 55/25 of 15 November 2000,\n\n"
            "Reaffirming its resolution 56/120 of 19 December 2001,\n\n"
            "1. Takes note of the report of the Secretary-General (A/58/100);\n\n"
            "2. Welcomes the adoption of resolution 57/173;\n\n"
            "3. Endorses the recommendations contained in resolution 58/1;\n")
    found = citations(text)
    assert [(c.target, c.relation, c.paragraph) for c in found] == [
        ("A/RES/55/25", "recalls", "PP1"), ("A/RES/56/120", "reaffirms", "PP2"),
        ("A/58/100", "takesNoteOf", "OP1"), ("A/RES/57/173", "welcomes", "OP2"), ("A/RES/58/1", "endorses", "OP3")]


@pytest.mark.parametrize("piece, text, matches", [
    (NUMBER, "55/25", True), (NUMBER, "2200 A (XXI)", True), (NUMBER, "1373 (2001)", True),
    (NUMBER, "1/CP.21", True), (NUMBER, "ES-10/23", True), (NUMBER, "2005/14", True),
    (NUMBER, "A/60/1", False), (NUMBER, "(2001)", False),
    (SEPARATOR, ", 2005/15", True), (SEPARATOR, " and 16/21", True), (SEPARATOR, " et 2005/19", True),
    (SEPARATOR, ", para. 3", False),
])
def test_named_pieces(piece, text: str, matches: bool) -> None:
    assert bool(piece.match(text)) is matches


def test_targets_helper_keeps_offsets() -> None:
    assert targets(GA_DOC_EN + "Recalling its resolution 1514 (XV) of 14 December 1960,\n") == ["A/RES/1514(XV)"]


@pytest.mark.parametrize("sentence, body, expected", [
    ("Recalling its resolution 22/7 of 26 April 2013,", "CCPCJ", ["decision:E/CN.15/22/7"]),
    ("Recalling resolution 70/1 of 25 September 2015,", "CCPCJ", ["A/RES/70/1"]),
    ("Rappelant sa résolution 61/11,", "CND", ["decision:E/CN.7/61/11"]),
    ("Rappelant la résolution 73/192,", "CND", ["A/RES/73/192"]),
    ("Recalling its resolution 9/2 on strengthening,", "COP-UNCAC", ["decision:CAC/COSP/9/2"]),
])
def test_commission_and_conference_numbering(sentence: str, body: str, expected: list[str]) -> None:
    assert [f.target for f in find_references(sentence, Context(body=body))] == expected


@pytest.mark.parametrize("text, expected", [
    (GA_DOC_FR + " 4. Réaffirme l'importance des travaux du Comité du Conseil de sécurité créé par la résolution "
     "1373 (2001) concernant la lutte antiterroriste;\n", [("S/RES/1373(2001)", "cites")]),
    (GA_DOC_EN + "Recalling its resolution 61/106 of 13 December 2006, by which it adopted the Convention on the Rights "
     "of Persons with Disabilities,\n", [("A/RES/61/106", "recalls"), ("convention:CRPD", "cites")]),
    (GA_DOC_EN + "3. Welcomes the report of the Working Group established pursuant to resolution 60/251 (A/61/30);\n",
     [("A/RES/60/251", "cites"), ("A/61/30", "cites")]),
    (GA_DOC_FR + " Rappelant sa résolution 55/61 du 4 décembre 2000, dans laquelle elle a créé un comité spécial, et sa "
     "résolution 55/188 du 20 décembre 2000, dans laquelle elle a invité le groupe convoqué conformément à la résolution "
     "55/61,\n", [("A/RES/55/61", "recalls"), ("A/RES/55/188", "recalls"), ("A/RES/55/61", "cites")]),
])
def test_clause_relation_applies_to_its_object_not_to_subordinate_mentions(text: str, expected: list) -> None:
    assert [(c.target, c.relation) for c in citations(text)] == expected
