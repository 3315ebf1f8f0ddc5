"""Regression guard: the extractor keeps the issue's targets on the team's development set.

The development set (tests/devset, written by the team) is scored per language; these floors
are the issue's targets for real articles. The set is small, so this guards against regressions
rather than proving the targets on unseen text."""

from __future__ import annotations

import pytest

from tests.devset import score

TARGETS = {"zones": 0.95, "agreements": 0.90, "coverage": 0.80, "dates": 0.85}


@pytest.fixture(scope="module")
def scores() -> dict:
    assert score.gold_paths(), "the development set has no articles"
    return score.score()


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("metric", sorted(TARGETS))
def test_devset_f1_meets_the_target(scores, lang, metric):
    assert lang in scores, f"no {lang} articles in the development set"
    assert scores[lang][metric]["f1"] >= TARGETS[metric], scores[lang][metric]
