"""Query semantics on a hand-built store (no extractor involved), so every expected value is known."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from zonewatch.cli.main import main
from zonewatch.core.registry import load_registry
from zonewatch.store import queries
from zonewatch.store.dataset import Store

TEXT_A = "The Astana memorandum covers Idlib, sources said."
TEXT_B = "قالت المعارضة إن اتفاق جنيف الجديد يشمل درعا."
TEXT_C = "The Sochi deal set a buffer along the M4 in Idlib."


def _store(root, commit_rows) -> Store:
    articles = [
        {"article_id": "a", "title": "Memo", "text": TEXT_A, "published": date(2017, 5, 10), "language": "en",
         "source": "Wire", "zones": ["idlib"], "agreements": ["astana_memorandum_2017"]},
        {"article_id": "b", "title": "جنيف", "text": TEXT_B, "published": date(2017, 7, 20), "language": "ar",
         "zones": ["south"], "agreements": []},
        {"article_id": "c", "title": "Sochi", "text": TEXT_C, "published": date(2018, 9, 20), "language": "en",
         "zones": ["idlib"], "agreements": ["sochi_2018"]},
    ]  # fmt: skip
    mentions = [
        {"article_id": "a", "kind": "agreement", "id": "astana_memorandum_2017", "text": "Astana memorandum", "start": 4, "end": 21, "sentence": 0},
        {"article_id": "a", "kind": "zone", "id": "idlib", "text": "Idlib", "start": 29, "end": 34, "sentence": 0},
        {"article_id": "b", "kind": "agreement", "id": None, "text": "اتفاق جنيف", "start": 15, "end": 25, "sentence": 0},
        {"article_id": "b", "kind": "zone", "id": "south", "text": "درعا", "start": 40, "end": 44, "sentence": 0},
        {"article_id": "c", "kind": "zone", "id": "idlib", "text": "Idlib", "start": 45, "end": 50, "sentence": 0},
    ]  # fmt: skip
    claims = [
        # Registry pair, stated twice by one article: counts once.
        {"article_id": "a", "agreement": "astana_memorandum_2017", "zone": "idlib", "relation": "covers",
         "date": date(2017, 5, 4), "date_precision": "day", "sentence": 0, "evidence": TEXT_A, "start": 0, "end": 49},
        {"article_id": "a", "agreement": "astana_memorandum_2017", "zone": "idlib", "relation": "covers",
         "date": None, "sentence": 0, "evidence": TEXT_A, "start": 0, "end": 49},
        # Unknown agreement: a corpus row under its surface text.
        {"article_id": "b", "agreement": None, "agreement_text": "اتفاق جنيف", "zone": "south", "relation": "covers",
         "date": None, "sentence": 0, "evidence": TEXT_B, "start": 0, "end": 45},
        # A pair the registry lacks (sochi_2018 x south), and a finer zone of Idlib.
        {"article_id": "c", "agreement": "sochi_2018", "zone": "south", "relation": "covers",
         "date": date(2018, 9, 17), "date_precision": "day", "sentence": 0, "evidence": TEXT_C, "start": 0, "end": 50},
        {"article_id": "c", "agreement": "sochi_2018", "zone": "m4_corridor", "relation": "delineates",
         "date": date(2018, 9, 17), "date_precision": "day", "sentence": 0, "evidence": TEXT_C, "start": 0, "end": 50},
    ]  # fmt: skip
    store = Store.open(root)
    commit_rows(store, articles, mentions, claims)
    return store


@pytest.fixture()
def store(tmp_path, commit_rows) -> Store:
    return _store(tmp_path, commit_rows)


def test_coverage_at_has_every_registry_interval_with_status_and_evidence(store: Store) -> None:
    day = date(2017, 8, 1)
    frame = queries.coverage_at(store, day)
    registry = frame[frame["origin"] == "registry"]
    expected = load_registry().coverage_on(day)
    assert len(registry) == len(expected)
    assert list(registry["status"]) == [status for _, status in expected]
    memo = registry[
        (registry["agreement"] == "astana_memorandum_2017") & (registry["zone"] == "idlib")
    ]
    assert memo["evidence_count"].tolist() == [1]
    assert registry[registry["agreement"] != "astana_memorandum_2017"]["evidence_count"].sum() == 0
    corpus = frame[frame["origin"] == "corpus"]
    # By 1 Aug 2017 only article b's unknown agreement is stated; Sochi (2018) is not yet.
    assert len(corpus) == 1 and corpus["agreement"].isna().all()
    assert corpus[["agreement_text", "zone", "status"]].to_dict("records") == [
        {"agreement_text": "اتفاق جنيف", "zone": "south", "status": "claimed"}
    ]
    assert corpus["start"].tolist() == [pd.Timestamp("2017-07-20")]


def test_coverage_at_later_adds_pairs_the_registry_lacks(store: Store) -> None:
    frame = queries.coverage_at(store, "2018-10-01")
    corpus = frame[frame["origin"] == "corpus"]
    pairs = set(zip(corpus["agreement"].fillna("?"), corpus["zone"], strict=True))
    assert ("sochi_2018", "south") in pairs
    known = {(c.agreement, c.zone) for c in load_registry().coverages()}
    assert all(pair not in known for pair in pairs)


def test_evidence_filters_by_zone_family_agreement_and_period(store: Store) -> None:
    idlib = queries.evidence(store, zone="idlib")
    assert sorted(idlib["zone"]) == ["idlib", "idlib", "m4_corridor"]
    assert set(queries.evidence(store, agreement="sochi_2018")["article_id"]) == {"c"}
    in_2017 = queries.evidence(store, start="2017-01-01", end="2017-12-31")
    # The undated claims count at their article's publication date.
    assert sorted(in_2017["article_id"]) == ["a", "a", "b"]
    assert len(queries.evidence(store, limit=2)) == 2
    with pytest.raises(ValueError, match="must be a date as YYYY-MM-DD"):
        queries.evidence(store, start="yesterday")


def test_mention_counts_by_month_and_kind(store: Store) -> None:
    zones = queries.mention_counts(store, freq="month", kind="zone")
    assert [
        (str(p.date()), i, n)
        for p, i, n in zones[["period", "id", "count"]].itertuples(index=False)
    ] == [
        ("2017-05-01", "idlib", 1),
        ("2017-07-01", "south", 1),
        ("2018-09-01", "idlib", 1),
    ]
    assert queries.mention_counts(store, freq="year")["count"].sum() == 5
    with pytest.raises(ValueError):
        queries.mention_counts(store, freq="fortnight")


def test_articles_filters_and_search(store: Store) -> None:
    assert list(queries.articles(store)["article_id"]) == ["c", "b", "a"]  # newest first
    assert list(queries.articles(store, zone="idlib")["article_id"]) == ["c", "a"]
    assert list(queries.articles(store, agreement="sochi_2018")["article_id"]) == ["c"]
    assert list(queries.articles(store, language="ar")["article_id"]) == ["b"]
    assert list(queries.articles(store, search="m4")["article_id"]) == ["c"]
    assert list(queries.articles(store, search="جنيف")["article_id"]) == ["b"]
    assert list(queries.articles(store, start="2017-06-01", end="2018-01-01")["article_id"]) == [
        "b"
    ]


def test_article_has_plain_values_mentions_and_claims(store: Store) -> None:
    row = queries.article(store, "a")
    assert row["published"] == date(2017, 5, 10) and row["zones"] == ["idlib"]
    assert [m["text"] for m in row["mentions"]] == ["Astana memorandum", "Idlib"]
    assert len(row["claims"]) == 2 and row["claims"][0]["agreement"] == "astana_memorandum_2017"
    with pytest.raises(KeyError):
        queries.article(store, "zzz")


def test_unknown_agreements_keep_their_text_and_sentence(store: Store) -> None:
    frame = queries.unknown_agreements(store)
    assert frame.to_dict("records") == [
        {"article_id": "b", "text": "اتفاق جنيف", "sentence": 0, "evidence": TEXT_B}
    ]


def test_unknown_agreement_without_a_claim_gets_the_text_around_it(tmp_path, commit_rows) -> None:
    text = "x" * 300 + " the Vienna accord " + "y" * 300
    start = text.index("the Vienna")
    store = Store.open(tmp_path)
    mention = {
        "article_id": "v", "kind": "agreement", "id": None, "text": "the Vienna accord",
        "start": start, "end": start + 17, "sentence": 0,
    }  # fmt: skip
    commit_rows(store, [{"article_id": "v", "text": text}], [mention])
    evidence = queries.unknown_agreements(store)["evidence"][0]
    assert evidence == text[start - queries.CONTEXT_CHARS : start + 17 + queries.CONTEXT_CHARS]


def test_query_commands_print_json(store: Store, capsys) -> None:
    assert (
        main(
            ["query", "evidence", "--zone", "idlib", "--data", str(store.root), "--format", "json"]
        )
        == 0
    )
    rows = json.loads(capsys.readouterr().out)
    assert sorted(r["zone"] for r in rows) == ["idlib", "idlib", "m4_corridor"]
    assert {r["published"] for r in rows} == {"2017-05-10", "2018-09-20"}
    assert main(["stats", "--data", str(store.root), "--format", "json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["languages"] == {"en": 2, "ar": 1}
    assert stats["published"] == {"first": "2017-05-10", "last": "2018-09-20"}
    assert stats["unknown_agreement_mentions"] == 1
