"""Read a file into text: PDF text layer, or bytes decoded from the encodings UN texts arrive in.

Why this order: a BOM is proof of its encoding; UTF-8 decodes strictly or not at all; cp1252 is what
Windows tools write (curly quotes in 0x80-0x9F); Latin-1 accepts anything left.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from .errors import DocumentError

MAX_BYTES = 64 * 1024 * 1024  # a UN document's text is rarely above 2 MB; refuse what cannot be one
PAGE_BREAK = "\f"


@dataclass(slots=True)
class SourceText:
    """Decoded text of one file and how it was obtained."""

    path: str
    text: str
    format: str  # "pdf", "markdown", "text"
    encoding: str | None
    raw: bytes


def read_document(path: Path | str, max_bytes: int = MAX_BYTES) -> SourceText:
    """Read one file; raise DocumentError with a one-line reason for anything unusable."""
    name = str(path)
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise DocumentError(name, f"file too large ({size} bytes > {max_bytes})")
        raw = p.read_bytes()
    except OSError as exc:
        raise DocumentError(name, f"cannot read file ({exc.strerror or exc})") from None
    if raw.startswith(b"%PDF"):
        return SourceText(name, pdf_text(raw, name), "pdf", None, raw)
    if p.suffix.lower() == ".pdf":
        raise DocumentError(name, "not a PDF file (no %PDF header)")
    text, encoding = decode_bytes(raw, name)
    if not text.strip():
        raise DocumentError(name, "empty document (no text)")
    fmt = "markdown" if p.suffix.lower() in {".md", ".markdown"} or looks_like_markdown(text) else "text"
    return SourceText(name, text, fmt, encoding, raw)


def decode_bytes(raw: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode document bytes, refusing binary data."""
    if not raw:
        raise DocumentError(name, "empty document (0 bytes)")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                     (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise DocumentError(name, f"invalid {enc} text at byte {exc.start}") from None
    sample = raw[:4096]
    if sample.count(0) > len(sample) // 4:
        enc = _bomless_utf16(sample)
        if enc:
            try:
                return raw.decode(enc), enc
            except UnicodeDecodeError:
                pass
        raise DocumentError(name, "binary file, not text")
    if b"\x00" in raw:
        raise DocumentError(name, "binary file, not text (NUL bytes)")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
        enc = "cp1252"
    except UnicodeDecodeError:
        text, enc = raw.decode("latin-1"), "latin-1"
    if _control_ratio(text) > 0.05:
        raise DocumentError(name, "binary file, not text")
    return text, enc


def _bomless_utf16(sample: bytes) -> str | None:
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2 or 1
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return bad / max(len(sample), 1)


def looks_like_markdown(text: str) -> bool:
    """Markdown conversions of UN documents carry headings, <sup> markers or *italic* clause verbs."""
    head = text[:5000]
    return "<sup>" in head or head.lstrip().startswith("#") or "\n# " in head or "\n## " in head


def pdf_text(raw: bytes, name: str) -> str:
    """The PDF's text layer, pages joined by form feeds (PDFium: fast and faithful on UN PDFs)."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(raw)
    except Exception as exc:  # pdfium raises PdfiumError and friends for damaged files
        raise DocumentError(name, f"broken PDF ({exc})") from None
    pages: list[str] = []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
    except Exception as exc:
        raise DocumentError(name, f"broken PDF ({exc})") from None
    finally:
        pdf.close()
    text = PAGE_BREAK.join(pages)
    if not text.strip():
        raise DocumentError(name, "PDF has no text layer (scanned image?)")
    return text
