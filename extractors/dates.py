"""Dates and ordinal session numbers in English and French ('15 novembre 2000', 'sixty-first session')."""
from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(resources.files("extractors.data").joinpath("dates.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def date_pattern() -> re.Pattern[str]:
    months = "|".join(sorted(_data()["months"], key=len, reverse=True))
    return re.compile(r"(?<!\d)(\d{1,2})(?:er|st|nd|rd|th|º)?\s{1,3}(" + months + r")\s{1,3}((?:1[89]|20)\d\d)(?!\d)", re.I)


def parse_date(day: str, month: str, year: str) -> str | None:
    try:
        return date(int(year), _data()["months"][month.lower()], int(day)).isoformat()
    except (KeyError, ValueError):
        return None


def find_date(text: str, pos: int = 0) -> tuple[int, int, str] | None:
    """The first date at or after pos: (start, end, ISO)."""
    m = date_pattern().search(text, pos)
    if not m:
        return None
    iso = parse_date(*m.groups())
    return (m.start(), m.end(), iso) if iso else None


def ordinal_value(words: str) -> int | None:
    """'sixty-first' -> 61, 'soixante et unième' -> 61, 'cinquante-neuvième' -> 59, 'fifth' -> 5."""
    data = _data()
    w = words.lower().replace("–", "-").strip()
    w = re.sub(r"\s+et\s+", "-", w)
    w = re.sub(r"\s+", "-", w)
    if w in data["ordinals"]:
        return data["ordinals"][w]
    parts = w.split("-")
    for cut in range(len(parts) - 1, 0, -1):
        head, tail = "-".join(parts[:cut]), "-".join(parts[cut:])
        tens = data["tens"].get(head)
        unit = data["ordinals"].get(tail)
        if tens is not None and unit is not None and unit < 20:
            return tens + unit
    return None
