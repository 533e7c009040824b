"""Named instruments through the register, in English and French, with aliases and followers."""
from __future__ import annotations

import pytest

from extractors.instruments import find_instruments, fold_words
from extract_helpers import citations


@pytest.mark.parametrize("sentence, expected", [
    ("urged all States to sign and ratify the United Nations Convention against Transnational Organized Crime,",
     ["convention:UNTOC"]),
    ("à ratifier dès que possible la Convention des Nations Unies contre la criminalité transnationale organisée "
     "(Convention de Palerme) et ses protocoles additionnels", ["convention:UNTOC", "convention:UNTOC"]),
    ("le Protocole additionnel à la Convention des Nations Unies contre la criminalité transnationale organisée visant "
     "à prévenir, réprimer et punir la traite des personnes, en particulier des femmes et des enfants,",
     ["protocol:trafficking-in-persons"]),
    ("the Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the Convention",
     ["protocol:smuggling-of-migrants"]),
    ("in line with the International Covenant on Civil and Political Rights and the United Nations Standard Minimum "
     "Rules for the Treatment of Prisoners (the Nelson Mandela Rules).", ["convention:ICCPR", "rules:nelson-mandela", "rules:nelson-mandela"]),
    ("the Optional Protocol to the International Covenant on Economic, Social and Cultural  Rights and the Convention",
     ["protocol:ICESCR-OP"]),
    ("ratify the Equality of Treatment (Social Security) Convention, 1962 (No. 118) of the International Labour Organization",
     ["convention:ILO-118"]),
    ("recognizing refugees under the Convention relating to the Status of Refugees and its Protocol.",
     ["convention:refugees-1951", "protocol:refugees-1967"]),
    ("Ayant à l'esprit la Déclaration du Millénaire, ainsi que la Déclaration de Vienne sur la criminalité et la justice",
     ["declaration:millennium", "declaration:vienna-crime-justice"]),
    ("conformément à la Charte des Nations Unies et à la Déclaration universelle des droits de l'homme,",
     ["charter:UN", "declaration:UDHR"]),
    ("the implementation of the 2030 Agenda for Sustainable Development.", ["declaration:2030-agenda"]),
    ("la mise en œuvre du Programme de développement durable à l'horizon 2030,", ["declaration:2030-agenda"]),
    ("Guided by the Charter of the United Nations,", ["charter:UN"]),
    ("the Convention on the Rights of the Child and the Optional Protocols thereto", ["convention:CRC"]),
])
def test_register_names(sentence: str, expected: list[str]) -> None:
    assert [f.target for f in find_instruments(sentence)][: len(expected)] == expected


@pytest.mark.parametrize("sentence", [
    "The Committee on the Rights of Persons with Disabilities recommended that",
    "the Convention and the Protocols thereto",  # anaphora, not a name
    "the Committee on the Elimination of Discrimination against Women",
    "the principle of non-refoulement and international standards",
])
def test_not_instruments(sentence: str) -> None:
    assert find_instruments(sentence) == []


def test_longest_name_wins_over_contained_convention() -> None:
    text = ("Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, "
            "supplementing the United Nations Convention against Transnational Organized Crime")
    keys = [f.target for f in find_instruments(text)]
    assert keys[0] == "protocol:trafficking-in-persons"


def test_adopting_resolution_from_footnote() -> None:
    text = ("L'Assemblée générale,\n\n Se félicitant de l'entrée en vigueur de la Convention des Nations Unies contre la "
            "corruption6, ouverte à la signature,\n\n__________\n 6  Résolution 58/4, annexe.\n")
    found = citations(text)
    convention = next(c for c in found if c.target == "convention:UNCAC")
    assert convention.adopted_by == "A/RES/58/4"
    assert convention.relation == "welcomes"


def test_fold_words_ignores_punctuation_and_case() -> None:
    assert fold_words("Déclaration de Vienne : relever les défis du XXIe siècle") == fold_words(
        "déclaration de Vienne: relever les défis du XXIe Siècle")


@pytest.mark.parametrize("text, key, resolution", [
    ("L'Assemblée générale,\n\n Rappelant également sa résolution 55/255 du 31 mai 2001, par laquelle elle a adopté le "
     "Protocole contre la fabrication et le trafic illicites d'armes à feu, de leurs pièces, éléments et munitions,\n",
     "protocol:firearms", "A/RES/55/255"),
    ("The General Assembly,\n\nRecalling its resolution 61/106 of 13 December 2006, by which it adopted the Convention on "
     "the Rights of Persons with Disabilities,\n", "convention:CRPD", "A/RES/61/106"),
])
def test_adopting_resolution_from_the_clause(text: str, key: str, resolution: str) -> None:
    found = {c.target: c for c in citations(text)}
    assert found[key].adopted_by == resolution


def test_adopting_resolution_from_footnote_for_an_instrument_the_register_does_not_date() -> None:
    text = ("The General Assembly,\n\n Taking note of the Model Bilateral Agreement on the Sharing of Confiscated Proceeds "
            "of Crime or Property3, which\n\n__________\n 3  Economic and Social Council resolution 2005/14, annex.\n")
    found = {c.target: c for c in citations(text)}
    assert found["model-agreement:sharing-confiscated-proceeds"].adopted_by == "E/RES/2005/14"
