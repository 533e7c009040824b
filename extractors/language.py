"""Language of a document among the UN's six official languages (py3langid, model shipped in the package)."""
from __future__ import annotations

from functools import lru_cache

OFFICIAL = ["en", "fr", "es", "ru", "ar", "zh"]


@lru_cache(maxsize=1)
def _identifier():
    import py3langid

    py3langid.set_languages(OFFICIAL)
    return py3langid


def detect_language(text: str, sample: int = 250) -> str | None:
    """ISO 639-1 code of the text's language, from a sample of its start (None when there is no text)."""
    chunk = text[:sample]
    if not any(ch.isalpha() for ch in chunk):
        return None
    lang, _ = _identifier().classify(chunk)
    return lang
