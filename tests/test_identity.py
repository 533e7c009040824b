"""What a document says about itself, across bodies, eras and languages (mastheads as UN documents print them)."""
from __future__ import annotations

import pytest

from extractors.pipeline import extract_text

SC_RESOLUTION = """United Nations                                                   S/RES/2231 (2015)
Security Council                                                 Distr.: General
                                                                 20 July 2015

Resolution 2231 (2015)

Adopted by the Security Council at its 7488th meeting, on 20 July 2015

The Security Council,

Recalling the statement of its President, S/PRST/2006/15, and its resolutions 1696 (2006), 1737 (2006),
1747 (2007), 1803 (2008), 1835 (2008), 1887 (2009) and 1929 (2010),

1. Endorses the Joint Comprehensive Plan of Action (JCPOA);
"""

HRC_RESOLUTION = """United Nations                                                   A/HRC/RES/52/1
General Assembly                                                 Distr.: General
                                                                 11 April 2023

Human Rights Council
Fifty-second session
27 February–4 April 2023
Agenda item 2

Resolution adopted by the Human Rights Council on 3 April 2023

52/1. Promoting reconciliation, accountability and human rights in Sri Lanka

The Human Rights Council,

Guided by the Charter of the United Nations,

Recalling its resolutions 5/1 and 5/2 of 18 June 2007,

1. Welcomes the report of the Office of the United Nations High Commissioner for Human Rights (A/HRC/51/5);
"""

OLD_GA_RESOLUTION = """1514 (XV). Declaration on the granting of independence to colonial countries and peoples

The General Assembly,

Mindful of the determination proclaimed by the peoples of the world in the Charter of the United Nations,

Recalling its resolutions 1188 (XII) of 11 December 1957 and 1314 (XIII) of 12 December 1958,

947th plenary meeting,
14 December 1960.
"""

FR_GA_RESOLUTION = """Nations Unies                                                    A/RES/70/175
Assemblée générale                                               Distr. générale
                                                                 8 janvier 2016

Soixante-dixième session
Point 106 de l'ordre du jour

Résolution adoptée par l'Assemblée générale le 17 décembre 2015

[sur la base du rapport de la Troisième Commission (A/70/490)]

70/175. Ensemble de règles minima des Nations Unies pour le traitement des détenus

L'Assemblée générale,

Rappelant sa résolution 663 C (XXIV) du 31 juillet 1957 et la résolution 2076 (LXII) du Conseil économique et social,

80e séance plénière
17 décembre 2015
"""

DRAFT_EN = """United Nations                                                   A/C.3/78/L.12
General Assembly                                                 Distr.: Limited
                                                                 5 October 2023

Seventy-eighth session
Third Committee
Agenda item 108

Austria, Belgium and Chile: draft resolution

Strengthening the United Nations crime prevention and criminal justice programme

The General Assembly,

Recalling its resolution 46/152 of 18 December 1991,
"""


@pytest.mark.parametrize("text, expected", [
    (SC_RESOLUTION, {"symbol": "S/RES/2231(2015)", "body": "SC", "session": None, "date": "2015-07-20", "language": "en"}),
    (HRC_RESOLUTION, {"symbol": "A/HRC/RES/52/1", "body": "HRC", "session": 52, "date": "2023-04-03", "language": "en"}),
    (OLD_GA_RESOLUTION, {"symbol": "A/RES/1514(XV)", "body": "GA", "session": 15, "date": "1960-12-14"}),
    (FR_GA_RESOLUTION, {"symbol": "A/RES/70/175", "body": "GA", "session": 70, "date": "2015-12-17", "language": "fr",
                        "agenda_item": "106", "committee_report": "A/70/490"}),
    (DRAFT_EN, {"symbol": "A/C.3/78/L.12", "body": "GA", "session": 78, "doc_type": "draft-resolution",
                "sponsors": ["Austria", "Belgium", "Chile"], "agenda_item": "108"}),
])
def test_identity(text: str, expected: dict) -> None:
    record = extract_text(text).to_json()
    for key, value in expected.items():
        assert record[key] == value, key


def test_own_symbol_and_headers_are_not_citations() -> None:
    record = extract_text(SC_RESOLUTION).to_json()
    targets = [c["target"] for c in record["citations"]]
    assert "S/RES/2231(2015)" not in targets
    assert targets[:2] == ["S/PRST/2006/15", "S/RES/1696(2006)"]
    assert "S/RES/1929(2010)" in targets


def test_old_resolutions_in_citations() -> None:
    targets = [c.target for c in extract_text(OLD_GA_RESOLUTION).citations]
    assert targets == ["charter:UN", "A/RES/1188(XII)", "A/RES/1314(XIII)"]


def test_french_old_style_and_ecosoc_roman() -> None:
    targets = [c.target for c in extract_text(FR_GA_RESOLUTION).citations]
    assert "A/RES/663(XXIV)[C]" in targets or "E/RES/663(XXIV)[C]" in targets
    assert "E/RES/2076(LXII)" in targets
    assert "A/70/490" in targets


def test_symbol_absent_body_and_session_inferred() -> None:
    text = ("L'Assemblée générale,\n\n Rappelant sa résolution 59/159 du 20 décembre 2004,\n\n"
            " 1. Prie le Secrétaire général de lui présenter à sa soixante et unième session un rapport.\n")
    record = extract_text(text).to_json()
    assert record["symbol"] is None
    assert (record["body"], record["session"]) == ("GA", 60)
    assert "session" in record["inferred"]


def test_titles_from_numbered_heading_or_the_paragraph_above_the_opening() -> None:
    from pathlib import Path

    from extractors.api import extract_file

    seeds = Path(__file__).resolve().parent.parent / "corpus" / "seeds"
    assert extract_file(seeds / "003_fe76080c2b5089c7.txt").identity.title.startswith("Action against transnational")
    assert extract_file(seeds / "002_f422198ff45d3352.txt").identity.title.startswith(
        "Renforcement du Programme des Nations Unies")
    assert extract_file(seeds / "004_4ac1e1429583edff.txt").identity.title.startswith("Application des dispositions")
    assert extract_file(seeds / "001_11afc25751e83b2c.txt").identity.title is None
