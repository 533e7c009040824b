"""The faster scans find exactly what the plain ones find: tries against alternations sorted longest
first, anchored scans against `finditer`, the instrument start scan against a scan of every capitalised
word, and the vectorised offset map against a character-by-character one (random text, fixed seed)."""
from __future__ import annotations

import random
import re

import numpy as np
import pytest

from extractors import identity, instruments, references, symbols
from extractors.anchored import finditer_anchored, minimal_anchors
from extractors.mapped_text import MappedText
from extractors.trie_regex import first_char_branches, trie_alternation

NOISE = [" ", "  ", "-", "'", "\n", "x", "é", "É", "1", "12", "2003", "_", "/", ",", ".", "ſ", "İ"]


def _texts(words: list[str], count: int = 4000, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    tokens = words + [w.upper() for w in words] + NOISE
    return ["".join(rng.choice(tokens) for _ in range(rng.randrange(1, 18))) for _ in range(count)]


def _spans(matches) -> list:
    return [(m.span(), m.groupdict()) for m in matches]


def test_trie_picks_what_a_longest_first_alternation_picks() -> None:
    words = symbols._DATA["prefixes"]
    plain = re.compile("(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")(?=/|\b)")
    trie = re.compile("(?:" + trie_alternation(words) + r")(?=/|\b)")
    for text in _texts(words + ["/"]):
        assert _spans(plain.finditer(text)) == _spans(trie.finditer(text)), text


def test_keyword_scan_matches_the_plain_keyword_pattern() -> None:
    words = references._KEYWORD_WORDS
    plain = re.compile(r"(?=[DRdr])(?P<kw>\b" + references._alternation(words) + r"\b)")
    for text in _texts(words + ["Resolu", "esolution"]):
        expected = _spans(plain.finditer(text))
        assert _spans(references._KEYWORD.finditer(text)) == expected, text
        assert _spans(finditer_anchored(references._KEYWORD, text, references._KEYWORD_ANCHORS, 1)) == expected, text


def test_meeting_scan_matches_finditer() -> None:
    pattern = identity._patterns()["meeting"]
    words = identity._data()["meeting_words"] + ["le", "on", "15", "décembre", "December", "2003", ","]
    for text in _texts(words, seed=3):
        assert _spans(finditer_anchored(pattern, text, identity._meeting_anchors())) == _spans(pattern.finditer(text))


def test_minimal_anchors_drop_longer_literals_they_cover() -> None:
    assert minimal_anchors(["séance plénière", "séance", "meeting", "plenary meeting"]) == \
        ["séance", "meeting", "plenary meeting"]


def test_instrument_start_scan_sees_every_known_capitalised_word() -> None:
    trie = instruments.compiled()[0]
    every_word = re.compile(r"(?<![\w-])[A-Z0-9À-ÖØ-Þ][\w]*")
    firsts = [w for w in trie if w]
    rng = random.Random(5)
    samples = [w.capitalize() for w in rng.sample(firsts, min(60, len(firsts)))]
    for text in _texts(samples, seed=11):
        known = [(m.span(), m.group()) for m in every_word.finditer(text) if m.group().lower() in trie]
        found = [(m.span(), m.group()) for m in instruments.start_pattern().finditer(text) if m.group().lower() in trie]
        assert found == known, text


def test_first_char_branches_keep_the_words_boundary() -> None:
    pattern = re.compile(first_char_branches(["resolution", "Resolution"], r"(?<!\w.)") + r"\b")
    assert [m.group() for m in pattern.finditer("Resolution xresolution resolution-resolution")] == \
        ["Resolution", "resolution", "resolution"]


def _naive_rebuild(source: MappedText, pieces: list) -> MappedText:
    """Character by character: what `rebuild` promises."""
    text: list[str] = []
    origin: list[int] = []
    pending: list[str] = []
    for piece in pieces:
        if isinstance(piece, str):
            pending.append(piece)
            continue
        first, second = piece
        if isinstance(first, str):
            if not first:
                continue
            anchor, chars, step = second, first, 0
        else:
            if first >= second:
                continue
            anchor, chars, step = first, source.text[first:second], 1
        for ch in "".join(pending):
            text.append(ch)
            origin.append(int(source.origin[anchor]))
        pending.clear()
        for k, ch in enumerate(chars):
            text.append(ch)
            origin.append(int(source.origin[anchor + k * step]))
    for ch in "".join(pending):
        text.append(ch)
        origin.append(int(source.origin[len(source.text)]))
    if not text:
        return MappedText("", source.origin[len(source.text):].copy())
    origin.append(origin[-1] + 1)
    return MappedText("".join(text), np.array(origin, dtype=np.int64))


@pytest.mark.parametrize("seed", range(5))
def test_rebuild_matches_a_character_by_character_map(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        size = rng.randrange(0, 40)
        source = MappedText("".join(rng.choice("ab c\n") for _ in range(size)),
                            np.cumsum(np.array([0] + [rng.randrange(1, 3) for _ in range(size)], dtype=np.int64)))
        pieces: list = []
        for _ in range(rng.randrange(0, 8)):
            kind = rng.random()
            a = rng.randrange(0, size + 1)
            b = rng.randrange(a, size + 1) if rng.random() < 0.9 else max(0, a - 1)
            if kind < 0.5:
                pieces.append((a, b))
            elif kind < 0.8:
                pieces.append(rng.choice([" ", "\n", "", "--"]))
            elif size:
                pieces.append((rng.choice(["x", "fi", "", "ffi"]), rng.randrange(0, size)))
        expected = _naive_rebuild(source, pieces)
        got = source.rebuild(pieces)
        assert got.text == expected.text
        assert got.origin.tolist() == expected.origin.tolist(), (source.text, pieces)
        plain = _naive_rebuild(MappedText.identity(source.text), pieces)
        direct = MappedText.from_pieces(source.text, pieces)
        assert (direct.text, direct.origin.tolist()) == (plain.text, plain.origin.tolist())
