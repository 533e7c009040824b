"""UN document symbols anywhere, footnotes above all, with locators kept apart from the target."""
from __future__ import annotations

import re

import pytest

from extractors.symbols import PART, PREFIX, SYMBOL, find_symbols, normalise_symbol, symbol_kind


@pytest.mark.parametrize("text, expected", [
    ("1 E/CN.15/2003/5.", [("E/CN.15/2003/5", None)]),
    ("10 A/CONF.203/18, chap. I, résolution 1.", [("A/CONF.203/18", "chap. I, résolution 1")]),
    ("Official Records of the General Assembly, Eightieth Session, Supplement No. 11 (A/80/11)", [("A/80/11", None)]),
    ("[on the report of the Third Committee (A/56/574)]", [("A/56/574", None)]),
    ("3 CERD/C/SVN/CO/8-11, para. 18, E/C.12/SVN/CO/2, para. 31 and CEDAW/C/SVN/CO/5-6, para. 46.",
     [("CERD/C/SVN/CO/8-11", "para. 18"), ("E/C.12/SVN/CO/2", "para. 31"), ("CEDAW/C/SVN/CO/5-6", "para. 46")]),
    ("11 A/HRC/40/64/Add.1, para. 19. See also CCPR/C/SVN/CO/3/Add.1, paras. 24–28.",
     [("A/HRC/40/64/Add.1", "para. 19"), ("CCPR/C/SVN/CO/3/Add.1", "paras. 24–28")]),
    ("28 A/70/358, p. 5.", [("A/70/358", "p. 5")]),
    ("Voir le rapport du Secrétaire général (A/60/131 et Corr.1).", [("A/60/131", None), ("A/60/131/Corr.1", None)]),
    ("See A/59/565 and Corr.1 and 2.", [("A/59/565", None), ("A/59/565/Corr.1", None), ("A/59/565/Corr.2", None)]),
    ("(A/HRC/30/43/Add.1 and 2)", [("A/HRC/30/43/Add.1", None), ("A/HRC/30/43/Add.2", None)]),
    ("identical letters (A/56/123-S/2001/456)", [("A/56/123", None), ("S/2001/456", None)]),
    ("the statement by the President (S/PRST/2015/1)", [("S/PRST/2015/1", None)]),
    ("in its resolution (S/RES/1373 (2001))", [("S/RES/1373(2001)", None)]),
    ("adopted as A/RES/2200 A (XXI) on 16 December 1966", [("A/RES/2200(XXI)[A]", None)]),
    ("(A/RES/1514(XV))", [("A/RES/1514(XV)", None)]),
    ("see A/RES/3201 (S-VI), para. 4", [("A/RES/3201(S-VI)", "para. 4")]),
    ("(ST/SGB/2003/13) on special measures", [("ST/SGB/2003/13", None)]),
    ("(FCCC/CP/2015/10/Add.1, decision 1/CP.21)", [("FCCC/CP/2015/10/Add.1", None)]),
    ("décision publiée sous la cote UNEP/CBD/COP/DEC/14/8", [("UNEP/CBD/COP/DEC/14/8", None)]),
])
def test_symbols_and_locators(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(s.symbol, s.locator) for s in find_symbols(text)] == expected


@pytest.mark.parametrize("text", [
    "available at www.ohchr.org/EN/HRBodies/UPR/Pages/SIindex.aspx.",
    "https://tbinternet.ohchr.org/Treaties/ CEDAW/Shared%20Documents/SVN/INT_CEDAW_FUL_SVN_29558_E.pdf",
    "the ratio A/B of the two figures",
    "job number V.10-57325 and GE.19-14870(E)",
    "the period 2024/25",
])
def test_not_symbols(text: str) -> None:
    assert find_symbols(text) == []


@pytest.mark.parametrize("symbol, kind", [
    ("A/RES/55/25", "ga-resolution"), ("S/RES/1373(2001)", "sc-resolution"), ("E/RES/2005/14", "ecosoc-resolution"),
    ("A/HRC/RES/7/1", "hrc-resolution"), ("A/60/131", "document"), ("E/CN.4/RES/2005/69", "commission-resolution"),
])
def test_symbol_kinds(symbol: str, kind: str) -> None:
    assert symbol_kind(symbol) == kind


@pytest.mark.parametrize("raw, normal", [
    ("S/RES/1373 (2001)", "S/RES/1373(2001)"), ("CEDAW/C/SVN/CO/5–6", "CEDAW/C/SVN/CO/5-6"), ("A/60/131.", "A/60/131"),
    ("A/RES/2200 A (XXI)", "A/RES/2200(XXI)[A]"), ("E/RES/1503 (XLVIII)", "E/RES/1503(XLVIII)"),
])
def test_normalise_symbol(raw: str, normal: str) -> None:
    assert normalise_symbol(raw) == normal


@pytest.mark.parametrize("piece, text, ok", [
    (PREFIX, "CEDAW", True), (PREFIX, "A", True), (PREFIX, "EN", False),
    (PART, "CONF.203", True), (PART, "8-11", True), (PART, "Add.1", True), (PART, "WG.6", True),
])
def test_named_pieces(piece: str, text: str, ok: bool) -> None:
    assert bool(re.fullmatch(piece, text)) is ok
    assert SYMBOL.pattern  # compiled
