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
        The new map is computed in one vectorised step from (source start, length, step) per piece.
        """
        parts: list[str] = []
        starts: list[int] = []
        lengths: list[int] = []
        steps: list[int] = []
        pending: list[str] = []
        src_text = self.text
        for piece in pieces:
            if isinstance(piece, str):
                pending.append(piece)
                continue
            first, second = piece
            if isinstance(first, str):
                anchor = second
                if pending:
                    filler = "".join(pending)
                    pending.clear()
                    parts.append(filler)
                    starts.append(anchor), lengths.append(len(filler)), steps.append(0)
                parts.append(first)
                starts.append(anchor), lengths.append(len(first)), steps.append(0)
                continue
            if first >= second:
                continue
            if pending:
                filler = "".join(pending)
                pending.clear()
                parts.append(filler)
                starts.append(first), lengths.append(len(filler)), steps.append(0)
            parts.append(src_text[first:second])
            starts.append(first), lengths.append(second - first), steps.append(1)
        if pending:
            filler = "".join(pending)
            parts.append(filler)
            starts.append(len(src_text)), lengths.append(len(filler)), steps.append(0)
        text = "".join(parts)
        if not lengths:
            return MappedText(text, self.origin[len(src_text):len(src_text) + 1].copy())
        lengths_arr = np.asarray(lengths, dtype=np.int64)
        offsets = np.cumsum(lengths_arr) - lengths_arr
        within = np.arange(len(text), dtype=np.int64) - np.repeat(offsets, lengths_arr)
        index = np.repeat(np.asarray(starts, dtype=np.int64), lengths_arr) + within * np.repeat(
            np.asarray(steps, dtype=np.int64), lengths_arr)
        origin = np.empty(len(text) + 1, dtype=np.int64)
        origin[:-1] = self.origin[index]
        origin[-1] = origin[-2] + 1 if len(text) else self.origin[len(src_text)]
        return MappedText(text, origin)
