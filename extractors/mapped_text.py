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
        item = self.origin.item  # a Python int straight from the array, without a NumPy scalar
        if end <= start:
            pos = item(start)
            return pos, pos
        return item(start), item(end - 1) + 1

    @classmethod
    def from_pieces(cls, text: str, pieces: Iterable[tuple[int, int] | tuple[str, int] | str]) -> "MappedText":
        """`MappedText.identity(text).rebuild(pieces)` without building the identity map: where the source
        is the original text, the source index is the origin."""
        new_text, index = _source_index(text, pieces)
        if index is None:
            return cls(new_text, np.array([len(text)], dtype=np.int64))
        index[-1] = index[-2] + 1
        return cls(new_text, index)

    def rebuild(self, pieces: Iterable[tuple[int, int] | tuple[str, int] | str]) -> "MappedText":
        """A new text made of slices (start, end) of this one and inserted strings.

        A piece (string, index) is a replacement standing for character `index` of this text; a
        bare string maps to the origin of the next slice (or the end), so it never widens a span.
        """
        text, index = _source_index(self.text, pieces)
        return self.compose(text, index)

    def compose(self, text: str, index: np.ndarray | None) -> "MappedText":
        """The new text whose characters stand for this text's characters at `index` (see entry_index)."""
        if index is None:
            return MappedText(text, self.origin[len(self.text):len(self.text) + 1].copy())
        origin = self.origin[index]
        origin[-1] = origin[-2] + 1
        return MappedText(text, origin)


def _source_index(src_text: str, pieces: Iterable[tuple[int, int] | tuple[str, int] | str]) -> tuple[str, np.ndarray | None]:
    """The new text and, for each of its characters plus one past the end, the index of the source
    character it stands for (None when the new text is empty).

    Vectorised: new position + (source start - new start) per piece, repeated over the piece; inserted
    strings longer than one character are then set to their single source index."""
    parts: list[str] = []
    shifts: list[int] = []  # source start - new start, per piece
    lengths: list[int] = []
    constant: list[tuple[int, int, int]] = []  # (new start, length, source index) of long insertions
    add_part, add_shift, add_length = parts.append, shifts.append, lengths.append
    pending = ""  # bare strings waiting for the next piece
    offset = 0
    for piece in pieces:
        if isinstance(piece, str):
            pending += piece
            continue
        first, second = piece
        if isinstance(first, str):
            if not first:
                continue
            anchor = second
        elif first >= second:
            continue
        else:
            anchor = first
        if pending:
            size = len(pending)
            if size > 1:
                constant.append((offset, size, anchor))
            add_part(pending), add_shift(anchor - offset), add_length(size)
            offset += size
            pending = ""
        if anchor is first:
            add_part(src_text[first:second]), add_shift(first - offset), add_length(second - first)
            offset += second - first
        else:
            size = len(first)
            if size > 1:
                constant.append((offset, size, anchor))
            add_part(first), add_shift(anchor - offset), add_length(size)
            offset += size
    if pending:
        size = len(pending)
        if size > 1:
            constant.append((offset, size, len(src_text)))
        add_part(pending), add_shift(len(src_text) - offset), add_length(size)
        offset += size
    return "".join(parts), entry_index(len(src_text), offset, shifts, lengths, constant)


def entry_index(source_size: int, size: int, shifts: list[int], lengths: list[int],
                constant: list[tuple[int, int, int]]) -> np.ndarray | None:
    """The source index of each of `size` new characters plus one past the end, from entries of positive
    length (new position + shift over each entry; `constant` entries (new start, length, source index)
    map all their characters to one source character). None when there is no entry.

    One more entry maps past the end, so callers gather straight into the final array (filling a
    preallocated array from a temporary costs several times more)."""
    if not lengths:
        return None
    shifts.append(source_size - size)
    lengths.append(1)
    index = np.repeat(np.asarray(shifts, dtype=np.int64), np.asarray(lengths, dtype=np.int64))
    index += np.arange(size + 1, dtype=np.int64)
    for start, length, source in constant:
        index[start:start + length] = source
    return index
