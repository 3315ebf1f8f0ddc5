"""A reference to a round of the Astana talks, as found in a text (``extract.rounds``)."""

from __future__ import annotations

from dataclasses import dataclass

#: Highest Astana round number written as an ordinal word.
MAX_ROUND = 20


@dataclass(slots=True)
class Round:
    start: int
    end: int
    number: int | None  # None: an unnumbered reference resolved from the date
