"""Unicode repair with a map back to original offsets (NFC, ligatures, odd spaces, curly quotes)."""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from .mapped_text import MappedText

_COMBINING_RUN = re.compile(r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+", re.S)


@lru_cache(maxsize=1)
def _replacements() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """The table, a pattern of all its characters, and a pattern of those that change the text's length
    (deletions, ligatures, the CR of CRLF)."""
    table = json.loads(resources.files("extractors.data").joinpath("unicode.json").read_text("utf-8"))["replace"]
    resizing = [ch for ch, rep in table.items() if len(rep) != 1 or ch == "\r"]
    return (table, re.compile("[" + "".join(re.escape(ch) for ch in table) + "]"),
            re.compile("[" + "".join(re.escape(ch) for ch in resizing) + "]"))


def normalise(text: str) -> MappedText:
    """NFC-compose, unify spaces/quotes/dashes, expand ligatures; CRLF becomes one newline.

    When every replacement keeps the length (curly quotes, odd spaces: the common case), one substitution
    pass does the work and the offset map stays the identity."""
    table, special, resizing = _replacements()
    if not resizing.search(text):
        mapped = MappedText.identity(special.sub(lambda m: table[m.group()], text))
        return mapped if unicodedata.is_normalized("NFC", mapped.text) else _compose(mapped)
    pieces: list = []
    pos = 0
    for match in special.finditer(text):
        i = match.start()
        ch = text[i]
        if ch == "\r" and text.startswith("\n", i + 1):
            pieces.append((pos, i))  # CRLF: drop the CR, keep the LF
            pos = i + 1
            continue
        pieces.append((pos, i))
        if table[ch]:
            pieces.append((table[ch], i))
        pos = i + 1
    if pos == 0 and not pieces:
        mapped = MappedText.identity(text)
    else:
        pieces.append((pos, len(text)))
        mapped = MappedText.from_pieces(text, pieces)
    if unicodedata.is_normalized("NFC", mapped.text):
        return mapped
    return _compose(mapped)


def _compose(mapped: MappedText) -> MappedText:
    """NFC for the runs of combining marks, mapped back."""
    pieces: list = []
    pos = 0
    for match in _COMBINING_RUN.finditer(mapped.text):
        composed = unicodedata.normalize("NFC", match.group())
        if composed == match.group():
            continue
        pieces.append((pos, match.start()))
        pieces.append((composed, match.start()))
        pos = match.end()
    pieces.append((pos, len(mapped.text)))
    return mapped.rebuild(pieces)
