"""Text that remembers where each character came from.

Every repair (Unicode normalisation, removed page headers, cut-out footnote blocks, glued footnote
markers, collapsed whitespace) produces a new MappedText whose `origin` maps each character back to
an offset in the original decoded text, so citations found in clean text report exact original spans.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Iterable


@dataclass(slots=True)
class MappedText:
    text: str
    origin: array  # origin[i] = offset in the original text of text[i]; len(origin) == len(text) + 1

    @classmethod
    def identity(cls, text: str) -> "MappedText":
        return cls(text, array("q", range(len(text) + 1)))

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) covering clean text[start:end] (end maps past its last char)."""
        if end <= start:
            pos = self.origin[start]
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1

    def rebuild(self, pieces: Iterable[tuple[int, int] | tuple[str, int] | str]) -> "MappedText":
        """A new text made of slices (start, end) of this one and inserted strings.

        A piece (string, index) is a replacement standing for character `index` of this text; a
        bare string maps to the origin of the next slice (or the end), so it never widens a span.
        """
        parts: list[str] = []
        origin = array("q")
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
                    origin.extend([src_origin[index]] * len(filler))
                    pending.clear()
                parts.append(replacement)
                origin.extend([src_origin[index]] * len(replacement))
                continue
            start, end = piece
            if start >= end:
                continue
            if pending:
                filler = "".join(pending)
                parts.append(filler)
                origin.extend([src_origin[start]] * len(filler))
                pending.clear()
            parts.append(src_text[start:end])
            origin.extend(src_origin[start:end])
        tail = src_origin[len(src_text)]
        if pending:
            filler = "".join(pending)
            parts.append(filler)
            origin.extend([tail] * len(filler))
        origin.append(origin[-1] + 1 if origin else tail)
        return MappedText("".join(parts), origin)
