"""A date grammar for Arabic and English news, resolved against the publication date or, in an
undated text, against the years the text itself gives.

dateparser misses most Arabic newspaper forms ("4 مايو/ أيار الماضي", "أمس الثلاثاء",
"نهاية ديسمبر/ كانون الأول الماضي", "السادس من الشهر نفسه") and is slow; this grammar is built
from the date words of ``assets/lexicon`` and works on the normalised text. A date keeps the
precision the text gives it: a day, a month or a year; a day the text does not pin down (a
relative date in an undated text) is reported without a value rather than guessed.

Modules: ``model`` (the mention, the one date tolerance), ``grammar`` (named patterns built from
the words), ``calendar`` (date arithmetic), ``context`` (what a date is read against),
``cases`` (one resolver per kind of date), ``find`` (``find_dates``).
"""

from extract.dates.calendar import last_day
from extract.dates.find import find_dates
from extract.dates.hints import agreement_hints
from extract.dates.model import DATE_TOLERANCE, DAY, MONTH, YEAR, AgreementHint, DateMention

__all__ = [
    "DATE_TOLERANCE",
    "DAY",
    "MONTH",
    "YEAR",
    "AgreementHint",
    "DateMention",
    "agreement_hints",
    "find_dates",
    "last_day",
]
