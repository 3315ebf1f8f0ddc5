"""What a date is read against: the publication day when there is one, and otherwise what the
text itself says about the year (the nearest year it stated before, a year heading, the known
date of the agreement the sentence is about). Never the machine's clock.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from extract.dates.calendar import safe_date, year_near
from extract.dates.grammar import YEAR_DIGITS, Grammar, W
from extract.dates.model import DATE_TOLERANCE, DAY, MONTH, YEAR, AgreementHint, DateMention

#: Page furniture glued to a heading by a scraped encyclopaedia page ("2019[edit]", "2018 [edit
#: source]"): short bracketed words with no digit.
_EDIT_MARKS = r"(?:\s?\[[^\]\n\d]{1,20}\])*"
#: A line that is a year heading ("2018", "== 2018 ==", "### Timeline 2018", "The 2018 deals",
#: "أحداث عام 2018"), or a chronology line led by its year ("2018: Russia and Turkey ...",
#: "2018 – ..."); matched from the start of a line that holds a year, up to its end.
_HEADING = re.compile(
    rf"{W}*[#=*\-\u2022]*{W}*(?:[^\W\d][^\n\d.]{{0,30}}?{W})?(?P<year>{YEAR_DIGITS})"
    rf"{_EDIT_MARKS}(?:(?:{W}+[^\W\d][^\n\d.]{{0,30}})?{W}*[#=*\-:]*{W}*$|{W}*[:\-])"
)
#: In an undated text, a month up to ROLLOVER[1] after a day from month ROLLOVER[0] on is in
#: the next year (chronologies run forward across New Year).
ROLLOVER = (11, 2)
#: A day without a year that would lie after the publication day is in the year of the day
#: read just before it when it falls this soon after that day (``Context._story_year``).
STORY_SPAN = timedelta(days=92)
#: A day without a year this close (characters) after a day or month written with an earlier
#: year continues that story: "In July 2017 ... a truce for Eastern Ghouta on 22 July" in a
#: text of 2019 is 22 July 2017, not the last 22 July before publication.
STORY_REACH = 320
#: A chronology entry's date may follow a short word at the start of its line ("On", "في").
ENTRY_LEAD = 12
#: Longest stretch between a year and a date of the same sentence (characters).
SENTENCE_REACH = 400
#: What ends a sentence between a year and a date (the year then no longer rules it alone).
#: Characters before a date read for a period opener ("since ").
PERIOD_REACH = 12
#: How far before a year-less day "a year ago" is looked for ("Exactly a year ago, on ").
AGO_REACH = 32
_SENTENCE_BREAK = re.compile(r"[.!?\u061f]\s|\n")
#: What may stand between the start of a line and a chronology entry's date ("- ", "* ", "• ").
_LINE_LEAD = frozenset(" -*\u2022#")


def year_headings(text: str, years: list[int]) -> list[tuple[int, int]]:
    """(position, year) of the year headings of ``text`` (with its line breaks), in order;
    ``years`` are the starts of its four-digit numbers (only their lines can be headings)."""
    if "\n" not in text:
        return []
    out: list[tuple[int, int]] = []
    line_end = -1
    for position in years:
        if position < line_end:
            continue  # (one heading per line)
        line = text.rfind("\n", 0, position) + 1
        line_end = text.find("\n", position)
        if line_end < 0:
            line_end = len(text)
        m = _HEADING.match(text, line, line_end)
        if m is not None:
            out.append((m.start("year"), int(m.group("year"))))
    return out


@dataclass(slots=True)
class Context:
    """Everything a date is resolved against, and what the text has said so far."""

    text: str
    grammar: Grammar
    published: date | None
    headings: list[tuple[int, int]]
    hints: Sequence[AgreementHint] = ()
    #: the day relative dates count from: the publication day, else a dateline of the text
    #: ("Friday, March 23, 2018." atop a live blog); years are never inferred from a dateline
    today: date | None = None
    #: the last date resolved (for "the next day", "on the 6th", "two days later")
    last: DateMention | None = None
    #: (position, year) of the last year the text stated in a date ("9 July 2017", "عام 2018")
    stated: tuple[int, int] | None = None
    #: the weekday written right before the next calendar date ("الخميس 13 أيلول")
    weekday: int | None = None
    #: (position, year) of the last "that year" / "the following year" (``state_sequel``)
    sequel: tuple[int, int] | None = None
    #: (month, day) -> year of the days read so far: the same day written again without its
    #: year is the same day ("Date: 19 June – 31 July 2018" ... "began the assault on 19 June")
    days_read: dict[tuple[int, int], int] = field(default_factory=dict)
    _heading_positions: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._heading_positions = [p for p, _ in self.headings]
        if self.today is None:
            self.today = self.published

    def state_year(self, position: int, year: int) -> None:
        self.stated = (position, year)

    def state_sequel(self, position: int, year: int) -> None:
        """ "في العام التالي", "تلك السنة": the year the days after it without one are in."""
        self.stated = self.sequel = (position, year)

    def story_year(self, position: int) -> int | None:
        """The year the text is telling of at ``position``: that of the nearest heading, year
        stated or day read before it, else the publication year."""
        i = bisect_right(self._heading_positions, position)
        anchors = [a for a in (self.headings[i - 1] if i else None, self.stated) if a is not None]
        last = self.last
        if last is not None and last.value is not None and last.start < position:
            anchors.append((last.start, last.value.year))
        if anchors:
            return max(anchors)[1]
        return self.published.year if self.published is not None else None

    def _sequel_year(self, position: int, lines: bool = False) -> int | None:
        """The year of a "that year" / "the following year" still in force at ``position``: no
        other year stated since, and (unless ``lines``) in the same paragraph."""
        sequel = self.sequel
        if sequel is None or self.stated != sequel or position <= sequel[0]:
            return None
        if not lines and "\n" in self.text[sequel[0] : position]:
            return None
        return sequel[1]

    def year_for(
        self, position: int, month: int, day: int | None, precision: str, word: str | None
    ) -> int | None:
        """The year of a day or month the text gives without one; ``word`` is a relative word
        written with it ("الماضي", "this"). None where nothing in the text says."""
        direction = self.grammar.direction(word)
        year: int | None
        if direction is None and day is not None and (month, day) in self.days_read:
            year = self.days_read[(month, day)]  # the same day again, unless "a year ago"
            return year if self.published is None else self._years_back(position, month, day, year)
        if self.published is not None:
            year = year_near(self.published, month, day or 1, direction)
            if direction is None:
                year = self._sequel_year(position) or year
                year = self._agreement_year(position, month, day, precision, year)
                year = self._story_year(position, month, day, year)
                if year is not None and day is not None:
                    year = self._years_back(position, month, day, year)
            return self._agree_with_weekday(year, month, day) if year is not None else None
        if direction is not None:
            # "4 أيار الماضي" in an undated text: last May of when? Only a known agreement
            # date settles it ("the memorandum signed on 4 May last": 2017)
            year = self._agreement_year(position, month, day, precision, None)
            if year is None and day is not None:
                year = self._agreement_year(position, month, day, precision, None, anywhere=True)
            return year
        year = self._undated_year(position, month, day, precision)
        return self._agree_with_weekday(year, month, day) if year is not None else None

    def _years_back(self, position: int, month: int, day: int, year: int) -> int:
        """ "Exactly a year ago, on March 5" (an anniversary piece of 5 March 2021): so many
        years before publication, stated for the days after it ("The patrols, which began on
        March 15": the same year, by ``_story_year``)."""
        published, g = self.published, self.grammar
        window = self.text[max(0, position - AGO_REACH) : position]
        if not any(w in window for w in g.lex.words["ago_words"]):
            return year  # (the common case, decided without reading the words)
        breaks = list(_SENTENCE_BREAK.finditer(window))
        words = window[breaks[-1].end() if breaks else 0 :].replace(",", " ").split()
        units = g.lex.words["year_words"]
        for i, w in enumerate(words[1:], 1):
            rest = words[i + 1 :]  # only "on", "today" between: "a year ago today, on March 5"
            if not all(
                r in g.lex.words["date_prepositions"] or r in g.lex.relative_days for r in rest
            ):
                continue
            unit = words[i - 1]
            ago = w in g.lex.words["ago_words"] and (unit in units or unit[:-1] in units)
            if published is not None and ago:
                back = g.lex.cardinals.get(words[i - 2], 1) if i >= 2 else 1  # "a year ago"
                self.state_year(position, published.year - back)
                return published.year - back
        return year

    def _story_year(
        self, position: int, month: int, day: int | None, year: int | None
    ) -> int | None:
        """ "On 17 September 2018 ... by the 10 October deadline" in a text of 2019: a day that
        would lie after the publication day, just after the last day read, which was written
        with an earlier year, is in that year (background told in order, not a future day).
        So is a day or month right after dates of an earlier year written with it ("In July
        2017 ... on 22 July ... until September"; ``STORY_REACH``), on or soon after them."""
        last, stated, published = self.last, self.stated, self.published
        if year is None or last is None or last.value is None or stated is None:
            return year
        if self._opens_period(last.start):  # "since July 2017": a span up to now, no story
            return year
        if published is None or stated[1] == year:
            return year
        if last.precision == YEAR:
            return stated[1] if self._in_season(last, position, year, stated[1]) else year
        if last.precision not in (DAY, MONTH):
            return year
        ahead = safe_date(year, month, day or 1)
        then = safe_date(stated[1], month, day or 1)
        if ahead is None or then is None:
            return year
        own = last.start <= stated[0] < last.end  # the last date was written with its year
        since = (
            last.value if day is not None and last.precision == DAY else last.value.replace(day=1)
        )
        after_last = then - since
        if own and day is not None and last.precision == DAY and ahead > published:
            return stated[1] if timedelta(0) < after_last <= STORY_SPAN else year
        story = (own or last.value.year == stated[1]) and stated[1] < year
        close = story and position - last.end <= STORY_REACH
        return stated[1] if close and timedelta(0) <= after_last <= STORY_SPAN else year

    def _opens_period(self, start: int) -> bool:
        """Whether the date at ``start`` follows a word that makes it the start of a period
        ("had kept Daraa quiet since July 2017")."""
        before = self.text[max(0, start - PERIOD_REACH) : start].split()
        return bool(before) and before[-1] in self.grammar.lex.words["period_openers"]

    def _in_season(self, last: DateMention, position: int, year: int, then: int) -> bool:
        """Whether a day follows soon after a part of an earlier year the text just named ("in
        the summer of 2018, the presidents met in Sochi. There, on 17 September, ..."), in the
        same paragraph: a year said with a part of it, not a bare year ("in 2018" may open a
        background aside)."""
        said = " ".join(self.text[last.start : last.end].split())
        return (
            last.value is not None
            and last.value.year == then < year
            and any(w in said for w in self.grammar.lex.words["month_modifiers"])
            and 0 <= position - last.end <= STORY_REACH
            and "\n" not in self.text[last.end : position]
        )

    def _undated_year(
        self, position: int, month: int, day: int | None, precision: str
    ) -> int | None:
        """In an undated text, by strength of evidence: the date of an agreement its sentence
        names; the year heading of a chronology entry; in a text under year headings, the
        nearest year it gave; a year stated before it in its sentence; the date of an agreement
        the text names elsewhere; the nearest
        year the text gave; the one year of the agreements its sentence names (not of those
        named elsewhere: an article about 2018 names the 2017 truces)."""
        year = self._agreement_year(position, month, day, precision, None)
        if year is None:
            year = self._sequel_year(position, lines=True) or self._heading_of_entry(position)
        if year is None and self.headings and self._heading_positions[0] < position:
            year = self._text_year(position, month)  # a text in sections: its years rule
        if year is None:
            year = self._sentence_year(position)
        if year is None:
            year = self._story_goes_on(position, month, day)
        if year is None:
            year = self._agreement_year(position, month, day, precision, None, anywhere=True)
        if year is None:
            year = self._text_year(position, month)
        if year is None:
            year = self._agreement_year(position, month, None, "", None, loose=True)
        if year is None:  # "BEIRUT, Aug 3 (Reuters)" atop a copy of a Homs truce story: the
            # one year of every agreement the text names, if they share one
            year = self._agreement_year(position, month, None, "", None, True, True)
        return year

    def _sentence_year(self, position: int) -> int | None:
        """A year stated earlier in the same sentence ("In 2018 the government took back ...
        Eastern Ghouta in April, the Homs pocket in May")."""
        stated = self.stated
        if stated is None or not 0 < position - stated[0] <= SENTENCE_REACH:
            return None
        between = self.text[stated[0] : position]
        return None if _SENTENCE_BREAK.search(between) else stated[1]

    def _story_goes_on(self, position: int, month: int, day: int | None) -> int | None:
        """In an undated text, the year of the last date read when it was written with its year
        just before (``STORY_REACH``) and this day follows it soon (``STORY_SPAN``): "In April
        2018, Russian officers gave an ultimatum. On 2 May the rebels accepted ..."."""
        last, stated = self.last, self.stated
        if last is None or last.value is None or stated is None:
            return None
        if not last.start <= stated[0] < last.end or position - last.end > STORY_REACH:
            return None
        then = safe_date(stated[1], month, day or 1)
        since = (
            last.value if day is not None and last.precision == DAY else last.value.replace(day=1)
        )
        if then is None or not timedelta(0) <= then - since <= STORY_SPAN:
            return None
        return stated[1]

    def _text_year(self, position: int, month: int) -> int | None:
        """The nearest year given before ``position`` (a heading, a year stated, the year of the
        last date read). A January or February after a date of November or December is the
        next year's ("28 December 2017 ... On 3 January")."""
        i = bisect_right(self._heading_positions, position)
        heading = self.headings[i - 1] if i else None
        last = self.last
        day = last.value if last is not None and last.precision == DAY else None
        anchors = [a for a in (heading, self.stated) if a is not None and a[0] < position]
        if last is not None and day is not None:
            anchors.append((last.start, day.year))
        if not anchors:
            return None
        year = max(anchors)[1]
        if (
            day is not None
            and day.year == year
            and day.month >= ROLLOVER[0]
            and month <= ROLLOVER[1]
        ):
            return year + 1
        return year

    def _heading_of_entry(self, position: int) -> int | None:
        """The year heading above a chronology entry that starts its line at ``position``."""
        i = bisect_right(self._heading_positions, position)
        if i and self._starts_line(position):
            return self.headings[i - 1][1]
        return None

    def _starts_line(self, position: int) -> bool:
        """Whether the date at ``position`` leads its line ("17 September: ...", "- On 4 May",
        "في 2 أيار، ...")."""
        line = self.text.rfind("\n", 0, position) + 1
        lead = self.text[line:position]
        if all(c in _LINE_LEAD for c in lead):
            return True
        word = lead.strip(" -*\u2022#")
        return len(lead) <= ENTRY_LEAD and word in self.grammar.prepositions

    def _agreement_year(
        self,
        position: int,
        month: int,
        day: int | None,
        precision: str,
        year: int | None,
        loose: bool = False,
        anywhere: bool = False,
    ) -> int | None:
        """The year of the known date of an agreement named around ``position`` (``anywhere``:
        in the text) that this day (or month) is; ``year`` (the year read otherwise) is kept
        when it already fits. With ``loose``, the one year of the named agreements' dates,
        whatever the day."""
        # year -> how many days it lies from the closest known date it fits
        fits: dict[int, int] = {}
        for known in self._known_days(position, anywhere):
            if loose or precision == MONTH or day is None:
                if loose or known.month == month:
                    fits[known.year] = 0
                continue
            for y in (known.year - 1, known.year, known.year + 1):
                candidate = safe_date(y, month, day)
                if candidate and abs(candidate - known) <= DATE_TOLERANCE:
                    gap = abs(candidate - known).days
                    fits[y] = min(gap, fits.get(y, gap))
        if year in fits or not fits:
            return year
        closest = min(fits.values())
        best = [y for y, gap in fits.items() if gap == closest]
        return best[0] if len(best) == 1 else year

    def signing_day(self, position: int) -> date | None:
        """The signing day of the agreement the sentence at ``position`` names, else of the
        last one named before it (None: no registry agreement, or none with a signing day)."""
        agreements = self.grammar.lex.agreements
        named = [
            h
            for h in self.hints
            if h.agreement in agreements and h.start <= position and not h.by_venue
        ]
        inside = [h for h in named if position < h.end]
        for hint in inside[:1] or named[-1:]:
            info = agreements[hint.agreement]
            return info.signed or (info.days[0] if info.days else None)
        return None

    def _known_days(self, position: int, anywhere: bool) -> Iterator[date]:
        """The registry dates of the agreements named around ``position`` (or anywhere)."""
        agreements = self.grammar.lex.agreements
        for hint in self.hints:
            if hint.by_venue and self.published is None:
                continue  # a venue alone dates no day of an undated text ("met in Astana")
            if hint.agreement in agreements and (anywhere or hint.start <= position < hint.end):
                yield from agreements[hint.agreement].days

    def _agree_with_weekday(self, year: int, month: int, day: int | None) -> int:
        """A weekday written with the date ("Thursday 13 September") settles a year off by one."""
        if self.weekday is None or day is None:
            return year
        for y in (year, year - 1, year + 1):
            value = safe_date(y, month, day)
            if value is not None and value.weekday() == self.weekday:
                return y
        return year
