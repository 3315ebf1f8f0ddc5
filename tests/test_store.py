"""Store mechanics: content ids, commit visibility, cleanup of killed writers, locking, manifest."""

from __future__ import annotations

import json
from datetime import date

import pyarrow as pa
import pytest

from zonewatch.store import queries
from zonewatch.store.dataset import (
    ARTICLES_SCHEMA,
    CLAIMS_SCHEMA,
    MENTIONS_SCHEMA,
    SCHEMA_VERSION,
    Batch,
    Store,
    StoreError,
    article_id,
)


def _batch(ids: list[str]) -> Batch:
    articles = pa.Table.from_pylist(
        [
            {
                "article_id": i,
                "title": f"title {i}",
                "text": f"text of {i}",
                "published": date(2017, 7, 5),
                "language": "en",
                "zones": ["idlib"],
                "agreements": ["astana_memorandum_2017"],
            }
            for i in ids
        ],
        schema=ARTICLES_SCHEMA,
    )
    mentions = pa.Table.from_pylist(
        [
            {
                "article_id": i,
                "kind": "zone",
                "id": "idlib",
                "text": "Idlib",
                "start": 0,
                "end": 5,
                "sentence": 0,
            }
            for i in ids
        ],
        schema=MENTIONS_SCHEMA,
    )
    claims = pa.Table.from_pylist(
        [
            {
                "article_id": i,
                "agreement": "astana_memorandum_2017",
                "zone": "idlib",
                "relation": "covers",
                "sentence": 0,
            }
            for i in ids
        ],
        schema=CLAIMS_SCHEMA,
    )
    return Batch(articles, mentions, claims)


def test_article_id_is_a_hash_of_normalised_text() -> None:
    text = "وقال المصدر إن مذكرة أستانا\nتشمل   إدلب."
    same = "  وقال المصدر إن مذكرة أستانا تشمل\tإدلب.\r\n"
    assert article_id(text) == article_id(same)
    assert len(article_id(text)) == 20 and int(article_id(text), 16) >= 0
    # NFC: a precomposed and a decomposed é are one text.
    assert article_id("Caf\u00e9 in Daraa") == article_id("Cafe\u0301 in Daraa")
    assert article_id(text) != article_id(text + " الرستن")


def test_empty_store_answers_every_query_with_empty_frames(tmp_path) -> None:
    store = Store.open(tmp_path / "nothing-yet")
    assert store.counts() == {"articles": 0, "mentions": 0, "claims": 0}
    assert not (tmp_path / "nothing-yet").exists(), "reading must not create the store"
    assert queries.evidence(store).empty
    assert queries.articles(store).empty
    assert queries.mention_counts(store).empty
    assert queries.unknown_agreements(store).empty
    coverage = queries.coverage_at(store, "2017-08-01")
    assert set(coverage["origin"]) == {"registry"}
    assert (coverage["evidence_count"] == 0).all()
    with pytest.raises(KeyError):
        queries.article(store, "0" * 20)


def test_committed_batches_become_visible_and_cached_views_follow(tmp_path) -> None:
    store = Store.open(tmp_path)
    with store.writer() as writer:
        writer.commit(_batch(["a1", "a2"]))
        assert store.counts() == {"articles": 2, "mentions": 2, "claims": 2}
        writer.commit(_batch(["a3"]))
    assert store.counts() == {"articles": 3, "mentions": 3, "claims": 3}
    assert store.article_ids() == {"a1", "a2", "a3"}
    assert len(store.committed_batches()) == 2
    manifest = json.loads((tmp_path / "store.json").read_text())
    assert manifest["schema_version"] == SCHEMA_VERSION
    row = queries.article(store, "a3")
    assert row["schema_version"] == SCHEMA_VERSION and row["ingested_at"] is not None
    assert row["mentions"][0]["id"] == "idlib"


def test_parts_of_an_unfinished_batch_stay_invisible_and_the_next_writer_removes_them(
    tmp_path,
) -> None:
    store = Store.open(tmp_path)
    with store.writer() as writer:
        writer.commit(_batch(["a1"]))
    # What a writer killed between its mentions part and its articles part leaves behind.
    orphan = _batch(["a2"])
    import pyarrow.parquet as pq

    pq.write_table(
        orphan.mentions, tmp_path / "mentions" / "part-99999999999999999999-deadbeef.parquet"
    )
    pq.write_table(
        orphan.claims, tmp_path / "claims" / "part-99999999999999999999-deadbeef.parquet"
    )
    (tmp_path / "articles" / ".tmp-part-99999999999999999999-deadbeef.parquet").write_bytes(
        b"PAR1 half"
    )
    assert store.counts() == {"articles": 1, "mentions": 1, "claims": 1}
    assert [r[0] for r in store.canonical_rows("mentions")] == ["a1"]
    with store.writer():
        pass
    left = sorted(p.name for p in tmp_path.rglob("*.parquet"))
    assert all("deadbeef" not in name for name in left), left
    assert store.counts() == {"articles": 1, "mentions": 1, "claims": 1}


def test_only_one_writer_at_a_time(tmp_path) -> None:
    store = Store.open(tmp_path)
    with (
        store.writer(),
        pytest.raises(StoreError, match="another zonewatch process"),
        Store.open(tmp_path).writer(),
    ):
        pass
    with store.writer():  # released after the block
        pass


def test_open_refuses_a_file_and_a_newer_schema(tmp_path) -> None:
    file = tmp_path / "file"
    file.write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        Store.open(file)
    newer = {"format": "zonewatch-parquet", "schema_version": SCHEMA_VERSION + 1}
    (tmp_path / "store.json").write_text(json.dumps(newer))
    with pytest.raises(StoreError, match="upgrade"):
        Store.open(tmp_path)


def test_data_folder_comes_from_the_environment_when_not_given(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("ZONEWATCH_DATA", str(tmp_path / "env"))
    assert Store.open().root == (tmp_path / "env").resolve()
    assert Store.open(tmp_path / "flag").root == (tmp_path / "flag").resolve()
