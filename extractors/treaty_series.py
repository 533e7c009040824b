"""United Nations Treaty Series entries: 'vol. 2225, No. 39574', 'vols. 2225, 2237 et 2326, n° 39574'."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .references import Found


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(sorted((re.escape(w).replace(r"\ ", r"\s{1,3}") for w in words), key=len, reverse=True)) + ")"


@lru_cache(maxsize=1)
def pattern() -> re.Pattern[str]:
    d = json.loads(resources.files("extractors.data").joinpath("treaty_series.json").read_text("utf-8"))
    join = r"\s{0,2}" + _alt(d["joiners"]) + r"\s{0,2}"
    vols = r"(?P<vols>\d{1,5}(?:" + join + r"\d{1,5}){0,30})"
    nos = r"(?P<nos>\d{1,6}(?:" + join + r"\d{1,6}){0,30})"
    return re.compile(
        _alt(d["series_names"]) + r",?\s{1,3}" + _alt(d["volume_words"]) + r"\s{0,2}" + vols
        + r",?\s{1,3}" + _alt(d["number_words"]) + r"\s{0,2}" + nos + r"(?!\d)", re.I)


def _numbers(group: str, offset: int) -> list[tuple[int, int, int]]:
    out = [(offset + m.start(), offset + m.end(), int(m.group())) for m in re.finditer(r"\d+", group)]
    ranged = re.search(r"\d\s{0,2}(?:à|to|-|–)\s{0,2}\d", group)
    if ranged and len(out) == 2 and 0 < out[1][2] - out[0][2] <= 20:
        lo, hi = out[0][2], out[1][2]
        return [out[0]] + [(out[1][0], out[1][1], n) for n in range(lo + 1, hi + 1)]
    return out


_VOLUME_HINT = re.compile(r"vols?\.|volumes?\b")


def find_treaty_series(text: str) -> list[Found]:
    """Entries are found from their 'vol.' outward: the series name stands within a few words before it."""
    found: list[Found] = []
    seen: set[int] = set()
    matches = []
    for hint in _VOLUME_HINT.finditer(text):
        m = pattern().search(text, max(0, hint.start() - 60), hint.end() + 600)
        if m and m.start() not in seen and m.start() <= hint.start():
            seen.add(m.start())
            matches.append(m)
    for m in matches:
        vols = _numbers(m.group("vols"), m.start("vols"))
        nos = _numbers(m.group("nos"), m.start("nos"))
        if len(vols) == len(nos):
            pairs = list(zip(vols, nos))
        elif len(nos) == 1:
            pairs = [(v, nos[0]) for v in vols]
        elif len(vols) == 1:
            pairs = [(vols[0], n) for n in nos]
        else:
            pairs = [(vols[0], nos[0])]
        for index, (v, n) in enumerate(pairs):
            start, end = (m.start(), m.end()) if index == 0 else ((v[0], v[1]) if len(vols) > 1 else (n[0], n[1]))
            found.append(Found(start, end, f"treaty-series:{v[2]}/{n[2]}", "treaty-series"))
    return found
