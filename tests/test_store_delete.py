"""Removing articles from the store through the command line (issue 11), black-box."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_hostile_cli import (
    article_count,
    assert_ok,
    assert_one_line_error,
    ingest,
    wire,
    write_jsonl,
    zw,
)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    records = [
        wire(1, title="Keep me", source="Wire"),
        wire(2, "Eastern Ghouta", title="Hostile one", source="<script>x</script> Blog"),
        wire(3, "Daraa", title="Also from the blog", source="<script>x</script> Blog"),
        wire(4, title="Keep me too", source="Another wire"),
    ]
    data = tmp_path / "data"
    assert_ok(ingest(data, write_jsonl(tmp_path / "a.jsonl", records)))
    return data


def _evidence(data: Path) -> list[dict]:
    result = zw("query", "evidence", "--format", "json", "--limit", "100", data=data)
    assert_ok(result)
    return json.loads(result.stdout)


def test_delete_by_article_id_removes_it_and_its_claims(store: Path) -> None:
    rows = _evidence(store)
    target = next(r["article_id"] for r in rows if r["title"] == "Hostile one")
    assert_ok(zw("delete", "--article", target, data=store))
    assert article_count(store) == 3
    assert target not in {r["article_id"] for r in _evidence(store)}
    assert {r["title"] for r in _evidence(store)} == {
        "Keep me",
        "Also from the blog",
        "Keep me too",
    }


def test_delete_by_source_removes_every_article_of_it(store: Path) -> None:
    assert_ok(zw("delete", "--source", "<script>x</script> Blog", data=store))
    assert {r["title"] for r in _evidence(store)} == {"Keep me", "Keep me too"}
    assert_ok(zw("store", "check", data=store))


def test_delete_of_an_unknown_article_is_one_line(store: Path) -> None:
    assert_one_line_error(zw("delete", "--article", "0" * 20, data=store))
    assert article_count(store) == 4


def test_delete_then_ingest_again_restores_the_article(store: Path, tmp_path: Path) -> None:
    assert_ok(zw("delete", "--source", "Another wire", data=store))
    assert article_count(store) == 3
    again = write_jsonl(
        tmp_path / "again.jsonl", [wire(4, title="Keep me too", source="Another wire")]
    )
    assert_ok(ingest(store, again))
    assert article_count(store) == 4
