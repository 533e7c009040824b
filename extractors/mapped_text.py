"""Text that remembers where each character came from.

Every repair (Unicode normalisation, removed page headers, cut-out footnote blocks, glued footnote
markers, collapsed whitespace) produces a new MappedText whose `origin` maps each character back to
an offset in the original decoded text, so citations found in clean text report exact original spans.
The map is a NumPy int64 array: building and slicing it costs a few nanoseconds a character.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import numpy as np


@dataclass(slots=True)
class MappedText:
    text: str
    origin: np.ndarray  # origin[i] = offset in the original text of text[i]; len(origin) == len(text) + 1

    @classmethod
    def identity(cls, text: str) -> "MappedText":
        return cls(text, np.arange(len(text) + 1, dtype=np.int64))

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) covering clean text[start:end] (end maps past its last char)."""
        if end <= start:
            pos = int(self.origin[start])
            return pos, pos
        return int(self.origin[start]), int(self.origin[end - 1]) + 1

    def rebuild(self, pieces: Iterable[tuple[int, int] | tuple[str, int] | str]) -> "MappedText":
        """A new text made of slices (start, end) of this one and inserted strings.

        A piece (string, index) is a replacement standing for character `index` of this text; a
        bare string maps to the origin of the next slice (or the end), so it never widens a span.
        """
        parts: list[str] = []
        maps: list[np.ndarray] = []
        pending: list[str] = []
        src_text, src_origin = self.text, self.origin
        for piece in pieces:
            if isinstance(piece, str):
                pending.append(piece)
                continue
            if isinstance(piece[0], str):
                replacement, index = piece
                if pending:
                    filler = "".join(pending)
                    parts.append(filler)
                    maps.append(np.full(len(filler), src_origin[index], dtype=np.int64))
                    pending.clear()
                parts.append(replacement)
                maps.append(np.full(len(replacement), src_origin[index], dtype=np.int64))
                continue
            start, end = piece
            if start >= end:
                continue
            if pending:
                filler = "".join(pending)
                parts.append(filler)
                maps.append(np.full(len(filler), src_origin[start], dtype=np.int64))
                pending.clear()
            parts.append(src_text[start:end])
            maps.append(src_origin[start:end])
        tail = src_origin[len(src_text)]
        if pending:
            filler = "".join(pending)
            parts.append(filler)
            maps.append(np.full(len(filler), tail, dtype=np.int64))
        last = maps[-1][-1] + 1 if maps and len(maps[-1]) else tail
        maps.append(np.array([last], dtype=np.int64))
        return MappedText("".join(parts), np.concatenate(maps))
