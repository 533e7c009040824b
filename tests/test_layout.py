"""Repairs of what PDF extraction broke: page furniture, footnote blocks, glued and detached markers,
hyphenation and Markdown, each checked on snippets shaped like real UN texts."""
from __future__ import annotations

import pytest

from extractors.layout import lay_out
from extractors.markers import _split_glued_number
from extractors.normalise import normalise
from extract_helpers import citations, targets


def layout_of(text: str, markdown: bool = False):
    return lay_out(normalise(text), markdown=markdown)


@pytest.mark.parametrize("text, fragment, absent", [
    # running header + page number between two halves of a paragraph (French GA resolution)
    ("Réaffirmant que l'adoption de la Convention constitue une avancée,\n\n\n\nA/RES/58/135 \n\n2 \n\n"
     " 1. Prend note avec satisfaction du rapport du Secrétaire général;\n", "1. Prend note", "A/RES/58/135"),
    # job number with page number, then the document symbol (CTOC draft)
    ("tenue les 19 et 20 octobre.\n\n\n \n\n2 V.10-57325 \n \n\nCTOC/COP/2010/L.9  \n\nAnnexe\n", "Annexe", "V.10-57325"),
    # column layout: page number and header inside a sentence (Nelson Mandela Rules split by a page break)
    ("            Political Rights and the United Nations Standard Minimum Rules for the Treatment of\n\n\n"
     "                                                                                                           3\n"
     "A/HRC/WG.6/34/SVN/2\n\n\n            Prisoners (the Nelson Mandela Rules). It recommended\n",
     "Treatment of Prisoners", "A/HRC/WG.6/34/SVN/2"),
    ("GE.19-14870(E)\n\nHuman Rights Council\nWorking Group\n", "Human Rights Council", "GE.19"),
])
def test_page_furniture_is_removed(text: str, fragment: str, absent: str) -> None:
    clean = layout_of(text).clean.text
    assert fragment in clean
    assert absent not in clean


def test_footnote_block_after_rule_is_cut_out_and_numbered() -> None:
    text = ("7. Prie également le Centre d'élaborer un guide en matière de\n\n_______________ \n"
            "1 E/CN.15/2003/5. \n communication de rapports à la Conférence des Parties;\n")
    layout = layout_of(text)
    assert "en matière de communication de rapports" in layout.clean.text
    assert layout.footnotes[1].text.strip() == "E/CN.15/2003/5."


def test_multiline_footnote_and_next_number_continue_the_block() -> None:
    text = ("Appréciant l'action menée dans le cadre des Processus de Bali et de Puebla5 et rappelant,\n\n"
            "__________________ \n\n 5  Les plus récents événements étant la neuvième réunion de la \n"
            "Conférence régionale sur les migrations, tenue à Panama. \n\n 6  Résolution 58/4, annexe. \n"
            "  Gardant également à l'esprit toutes ses résolutions pertinentes,\n")
    layout = layout_of(text)
    assert set(layout.footnotes) == {5, 6}
    assert "Conférence régionale" in layout.footnotes[5].text
    assert "Gardant également" not in layout.footnotes[6].text


def test_endnotes_under_a_notes_heading() -> None:
    text = ("1. The Committee recommended that Slovenia ratify the Convention.1\n\n\nNotes\n"
            "        1  CERD/C/SVN/CO/8-11, para. 18, E/C.12/SVN/CO/2, para.\n\n           31.\n"
            "        2 Ibid., para. 10.\n")
    layout = layout_of(text)
    assert set(layout.footnotes) == {1, 2}
    assert "31." in layout.footnotes[1].text  # 'para.' at a line end does not end the footnote


@pytest.mark.parametrize("text, number, clean_has", [
    ("relever les défis du XXIe siècle1, \n\n____\n1 Résolution 55/59, annexe.\n", 1, "XXIe siècle,"),
    ("la Convention et les Protocoles s'y rapportant1\n\n ; \n\n____\n1 E/CN.15/2003/5.\n", 1, "rapportant ;"),
    ("rapport sur l'application de sa résolution 59/1599; \n\n____\n9 A/60/131.\n", 9, "résolution 59/159;"),
    ("qu'elle a adoptée le 13 avril 20058, \n\n____\n8 Résolution 59/290, annexe.\n", 8, "13 avril 2005,"),
    ("mechanisms and bodies1, 2\n2. It was recommended\n\n____\n1 See www.ohchr.org.\n2 A/HRC/28/15.\n", 2, "and bodies 2. It"),
    ("in 2017 and 2018.8\n\n____\n8 OHCHR, OHCHR Report 2017, pp. 79.\n", 8, "and 2018. OHCHR"),
    ("obligations and bodies1, 2\n2. It was recommended that Slovenia ratify "
     "the International Convention for the Protection of All Persons from Enforced Disappearance, 3\n"
     "the Optional Protocol\n\n____\n1 x.\n2 y.\n3 E/C.12/SVN/CO/2, para. 29.\n", 3, "Disappearance, the Optional"),
    ("Slovenia ratify the Convention, 1962 (No. 118) of the International Labour Organization (ILO).6\n3. In 2017\n\n"
     "____\n6 E/C.12/SVN/CO/2, para. 18.\n", 6, "(ILO). 3. In 2017"),
])
def test_markers_are_found_and_removed(text: str, number: int, clean_has: str) -> None:
    layout = layout_of(text)
    assert number in {m.number for m in layout.markers}
    assert clean_has in " ".join(layout.clean.text.split())


@pytest.mark.parametrize("digits, expected, slash, cut", [
    ("1599", 9, True, 3), ("20058", 8, False, 4), ("200510", 10, False, 4), ("2004", 4, False, None),
    ("159", 9, True, None), ("1373", 3, False, None), ("261", 1, True, None),
])
def test_split_glued_number(digits: str, expected: int, slash: bool, cut: int | None) -> None:
    assert _split_glued_number(digits, expected, {expected}, slash) == cut


def test_markdown_sup_markers_and_footnotes() -> None:
    text = ("*Reaffirming* the objectives set forth in the Vienna Declaration on Crime and Justice,<sup>1</sup>\n\n"
            "1. *Welcomes* the signing;\n\n<sup>1</sup> Resolution 55/59, annex.\n\nfacilitating the entry into force;\n")
    layout = layout_of(text, markdown=True)
    assert layout.footnotes[1].text.strip() == "Resolution 55/59, annex."
    assert "<sup>" not in layout.clean.text and "*" not in layout.clean.text
    found = citations(text, markdown=True)
    assert [(c.target, c.footnote, c.paragraph, c.relation) for c in found if c.target.startswith("A/")] == [
        ("A/RES/55/59", 1, "PP1", "reaffirms")]


@pytest.mark.parametrize("text, joined", [
    ("the wider application of alternative non-\ncustodial sentences", "non-custodial"),
    ("la ratifica-\ntion de la Convention", "ratification"),
    ("(CEDAW/C/SVN/CO/5-\n\n    6, para. 40)", "CEDAW/C/SVN/CO/5-6"),
])
def test_hyphenation_across_lines(text: str, joined: str) -> None:
    assert joined in layout_of(text).clean.text


def test_symbol_split_by_line_break_in_footnote() -> None:
    text = ("was concerned.108\n\nNotes\n 107 CEDAW/C/SVN/CO/5-6, para. 39.\n"
            " 108 CCPR/C/SVN/CO/3, para. 24. See also CEDAW/C/SVN/CO/5-\n\n    6, para. 40.\n")
    assert "CEDAW/C/SVN/CO/5-6" in targets(text)


def test_justified_one_word_per_line_text() -> None:
    text = "Recalling\nits\nresolution\n55/25\nof\n15\nNovember\n2000,\n"
    found = citations("The General Assembly,\n\n" + text)
    assert [(c.target, c.date) for c in found] == [("A/RES/55/25", "2000-11-15")]


def test_offsets_slice_original_after_all_repairs() -> None:
    text = ("L’Assemblée générale,\n\n Rappelant sa ré\u0301solution 55/25\u00a0du 15 novembre 2000,\n\n"
            "A/RES/58/135\n\n2\n\n 1. Prend note du rapport1 ;\n\n____\n1 E/CN.15/2003/5.\n")
    for c in citations(text):
        assert text[c.start:c.end] == c.text


def test_page_bottom_footnotes_without_rule_as_pdfium_extracts_them() -> None:
    text = ("A/RES/70/175\nEnsemble de règles minima des Nations Unies pour le traitement des détenus\n2/35 15-22020\n"
            "L'Assemblée générale,\nGuidée par les principaux objectifs de l'Organisation énoncés dans le préambule "
            "de la Charte des Nations\nUnies1,\nRappelant la Déclaration universelle des droits de l'homme2 et "
            "s'inspirant du Pacte international relatif aux\ndroits civils et politiques3,\n"
            "1 Voir la Charte des Nations Unies.\n2 Résolution 217 A (III).\n3 Voir résolution 2200 A (XXI), annexe.\n"
            "A/RES/70/175\n15-22020 3/35\nRappelant également sa résolution 69/172 du 18 décembre 2014,\n"
            "1. Adopte l'Ensemble de règles révisé figurant dans l'annexe à la présente résolution;\n")
    found = citations(text)
    by_target = {c.target: c for c in found}
    assert by_target["A/RES/217(III)[A]"].footnote == 2
    assert by_target["A/RES/217(III)[A]"].relation == "recalls"
    assert by_target["A/RES/2200(XXI)[A]"].footnote == 3
    assert by_target["A/RES/69/172"].paragraph == "PP3"
    assert "A/RES/70/175" not in by_target
