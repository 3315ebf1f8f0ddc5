"""Which encoding an input file is in: UTF-8 or UTF-16 by their marks, UTF-8 with a few bad
bytes, else the encodings of Arabic and English news archives (windows-1256, ISO-8859-6,
windows-1252) as charset-normalizer judges them; bytes with NULs are a binary file."""

from __future__ import annotations

import codecs
import re

#: Share of undecodable bytes up to which a file still counts as UTF-8 with a few bad bytes.
BAD_UTF8_TOLERANCE = 0.01
#: The encodings charset-normalizer may choose from: those of Arabic and English news archives.
LEGACY_ENCODINGS = ["cp1256", "iso8859_6", "cp1252"]
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class Unreadable(Exception):
    """Raised by the readers for an input that is skipped; its message is the reason."""


def detect_encoding(sample: bytes, complete: bool = True) -> str:
    """The encoding to read ``sample`` with; raises :class:`Unreadable` for binary or unknown bytes.

    ``complete`` is False when ``sample`` is only the start of a file, so that a multi-byte
    character cut at its end is not held against UTF-8.
    """
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    if b"\x00" in sample:
        raise Unreadable("binary file (contains NUL bytes)")
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    replaced = sample.decode("utf-8", errors="replace").count("\ufffd")
    if replaced <= BAD_UTF8_TOLERANCE * len(sample) and _has_utf8_multibyte(sample):
        return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None:
        raise Unreadable(
            "not text in a known encoding (tried UTF-8, windows-1256, ISO-8859-6, windows-1252)"
        )
    return best.encoding


def _has_utf8_multibyte(sample: bytes) -> bool:
    """Whether the bytes hold well-formed UTF-8 sequences for non-ASCII characters (Arabic: 2 bytes)."""
    return re.search(rb"[\xc2-\xf4][\x80-\xbf]", sample) is not None


def decode(data: bytes) -> str:
    """Text of a whole file, in the encoding :func:`detect_encoding` chooses."""
    return data.decode(detect_encoding(data), errors="replace")
