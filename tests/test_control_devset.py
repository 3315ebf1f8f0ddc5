"""The team-written control-event set is well formed, and the extractor holds its scores on it."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import assets
from extract.lexicon import load_lexicon
from tests.devset.score_control import load_control_set, score

#: The registry's sides that a place can pass to (not "contested" or "none").
SIDES = set(json.loads(assets.path("control", "vocabulary.json").read_text("utf-8"))["sides"]) - {
    "contested",
    "none",
}
EVENTS = {"captured", "retaken", "entered", "evacuated", "settlement", "declared"}
#: Just under the dev-set F1 measured when the floor was set (ar 1.000, en 1.000, after tuning
#: on that set; the held-out set is reported in the README, not floored).
FLOORS = {"ar": 0.97, "en": 0.98}


def test_the_set_has_at_least_40_articles_per_language_with_hard_negatives():
    articles = load_control_set()
    per_lang = Counter(a.language for a in articles)
    assert per_lang["ar"] >= 40 and per_lang["en"] >= 40
    for lang in ("ar", "en"):
        negatives = [a for a in articles if a.language == lang and not a.control]
        assert len(negatives) >= 12, lang


def test_the_held_out_set_has_ten_articles_per_language_with_hard_negatives():
    articles = load_control_set(which="heldout")
    assert Counter(a.language for a in articles) == {"ar": 10, "en": 10}
    for lang in ("ar", "en"):
        assert sum(1 for a in articles if a.language == lang and not a.control) >= 2, lang
    assert not {a.id for a in articles} & {a.id for a in load_control_set()}


def test_gold_uses_known_places_sides_events_and_dates():
    places = load_lexicon().places
    ids = set()
    for a in load_control_set() + load_control_set(which="heldout"):
        assert a.id not in ids
        ids.add(a.id)
        date.fromisoformat(a.published)
        assert a.text.strip()
        for place, to, event, day in a.control:
            assert place in places, (a.id, place)
            assert to in SIDES and event in EVENTS, a.id
            assert (to == "government_settlement") <= (event in ("settlement", "entered")), a.id
            if day is not None:
                date.fromisoformat(day)


def test_control_events_score_above_the_floor_in_both_languages():
    scores = score()
    for lang, floor in FLOORS.items():
        assert scores[lang]["events"]["f1"] >= floor, (lang, scores[lang]["events"])
