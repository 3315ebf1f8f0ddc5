"""Language of an article by script ratio.

Off-the-shelf detectors guess Persian or Urdu for short Arabic news texts; the share of Arabic
letters among all letters is both right for our two languages and nearly free.
"""

from __future__ import annotations

import re

_ARABIC = re.compile("[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]+")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]+")
#: Enough of an article to decide; counting further changes nothing but costs time.
SAMPLE = 400
LANGUAGES = ("ar", "en")


def detect_language(text: str) -> str:
    """'ar' or 'en' by which script has more letters; 'und' for text without letters."""
    sample = text[:SAMPLE]
    if sample.isascii():  # no Arabic letter can be in it
        return "en" if _LATIN.search(sample) else "und"
    if _LATIN.search(sample) is None:  # (most Arabic pages): no letter of the other script
        return "ar" if _ARABIC.search(sample) else "und"
    arabic = sum(map(len, _ARABIC.findall(sample)))
    latin = sum(map(len, _LATIN.findall(sample)))
    if arabic == 0 and latin == 0:
        return "und"
    return "ar" if arabic >= latin * 0.5 else "en"
