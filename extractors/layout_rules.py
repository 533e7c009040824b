"""The layout rules of data/layout.json (furniture, footnote blocks, markers, paragraphs), compiled once."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .symbols import SYMBOL_LINE


@lru_cache(maxsize=1)
def layout_data() -> dict:
    """data/layout.json as written."""
    return json.loads(resources.files("extractors.data").joinpath("layout.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def rules() -> dict:
    """The patterns compiled, word lists as sets, and combined per-line patterns."""
    data = layout_data()
    compiled = {k: re.compile(v, re.M) for k, v in data.items() if isinstance(v, str) and not k.startswith("_")}
    compiled["detached_marker_blockers"] = frozenset(data["detached_marker_blockers"])
    compiled["hyphen_keep_prefixes"] = frozenset(data["hyphen_keep_prefixes"])
    compiled["abbreviations"] = frozenset(data["abbreviations"])
    # the furniture tests of one short line in one call, in their order: job number or barcode, lone
    # symbol, page number (which one matched is the name of the group)
    compiled["furniture_line"] = re.compile(
        f"(?P<job>{data['job_number']})|(?P<barcode>{data['barcode']})|(?P<symbol>(?:{SYMBOL_LINE.pattern})\\Z)"
        f"|(?P<page>{data['page_number']})", re.M)
    # a numbered paragraph, a lettered one or a heading, in one call (the number or letter is the group just
    # inside the shape's group)
    compiled["paragraph_opening"] = re.compile(f"(?P<numbered>{data['numbered_paragraph']})"
                                               f"|(?P<lettered>{data['lettered_paragraph']})|(?P<heading>{data['heading']})", re.M)
    compiled["numbered_group"] = compiled["paragraph_opening"].groupindex["numbered"] + 1
    compiled["lettered_group"] = compiled["paragraph_opening"].groupindex["lettered"] + 1
    # a separator or a notes heading, in one call
    compiled["block_heading"] = re.compile(f"(?P<separator>{data['separator']})|(?P<notes>{data['notes_heading']})", re.M)
    return compiled
