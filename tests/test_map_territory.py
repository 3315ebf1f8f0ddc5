"""The web map on a date: zones at their extent, hatched lost ground with escaped popups, the
front line, and the offline basemap's towns, highways and borders."""

from __future__ import annotations

import json
from datetime import date

import pytest
import shapely
import shapely.geometry

from geo import basemap
from geo.webmap import build_map
from geo.webmap_territory import lost_popup, lost_tooltip
from zonewatch.exports import territory_map, zone_summary
from zonewatch.store.dataset import Store

HOSTILE = "<img src=x onerror=alert(1)> `${alert(2)}` </div>"


@pytest.fixture(scope="module")
def empty(tmp_path_factory) -> Store:
    return Store.open(tmp_path_factory.mktemp("empty-store"))


def _zone(web: dict, zone: str) -> shapely.Geometry:
    (f,) = [f for f in web["zones"]["features"] if f["properties"]["id"] == zone]
    return shapely.geometry.shape(f["geometry"])


def test_web_geometry_follows_the_date(empty) -> None:
    before = territory_map.web_territory(empty, date(2019, 8, 1))
    after = territory_map.web_territory(empty, date(2019, 9, 1))
    khan = shapely.Point(36.65, 35.44)
    assert _zone(before, "idlib").contains(khan) and not _zone(after, "idlib").contains(khan)
    lost = {f["properties"]["place"]: f for f in after["lost"]["features"]}
    assert shapely.geometry.shape(lost["khan_shaykhun"]["geometry"]).contains(khan)
    assert "khan_shaykhun" not in {f["properties"]["place"] for f in before["lost"]["features"]}
    assert after["front"]["features"]
    # One date of web geometry stays well under the 500 KB budget.
    assert len(json.dumps(after, ensure_ascii=False).encode("utf-8")) < 500_000


def test_ended_zone_is_absent_from_the_web_zones(empty) -> None:
    web = territory_map.web_territory(empty, date(2018, 4, 20))
    ids = {f["properties"]["id"] for f in web["zones"]["features"]}
    assert "eastern_ghouta" not in ids and "idlib" in ids
    ghouta = [f for f in web["lost"]["features"] if f["properties"]["zone"] == "eastern_ghouta"]
    assert ghouta and all(f["properties"]["lost_on"] <= "2018-04-12" for f in ghouta)


def test_map_page_draws_lost_ground_with_place_and_date(empty) -> None:
    day = date(2019, 9, 1)
    web = territory_map.web_territory(empty, day)
    page = build_map(web, zone_summary.zone_info(empty, day), "none", day=day)
    html = page.get_root().render()
    assert "zw-hatch" in html and "zw-lost" in html and "zw-front" in html
    assert "Khan Shaykhun" in html and "lost 2019-08-21" in html
    assert "syriahr.com" in html  # the registry source of the Khan Shaykhun row
    assert "registry only" in html  # no corpus events passed to this map
    for name in ("Aleppo", "Idlib", "Damascus"):
        assert f'"label": "{name}"' in html
    assert "Turkey border" in html and "Jordan border" in html and "Highways M4, M5" in html


def test_lost_popup_escapes_article_text_and_drops_script_links() -> None:
    props = {
        "name_en": HOSTILE,
        "name_ar": "خان شيخون",
        "lost_on": "2019-08-21",
        "kind": "captured",
        "from_side": "opposition",
        "to_side": "government",
        "sources": ["javascript:alert(3)", "https://example.org/a?b=<c>"],
        "alt_dates": [],
    }
    claims = [{"sentence": HOSTILE, "language": "en", "source": HOSTILE, "date": "2019-08-21"}]
    html = lost_popup(props, claims) + lost_tooltip(props)
    assert "<img" not in html and "&lt;img" in html
    assert 'href="javascript' not in html
    assert "&lt;c&gt;" in html
    assert "Corpus</b> (1)" in html
    assert "no control event" in lost_popup(props, [])


def test_basemap_towns_roads_and_borders_come_from_our_data() -> None:
    towns = basemap.basemap_towns()
    capitals = [t for t in towns if t.rank == 1]
    assert {"Aleppo", "Idlib", "Damascus", "Daraa"} <= {t.name_en for t in capitals}
    assert {t.rank for t in towns} == {1, 2, 3}
    roads = {f["properties"]["road"]: f for f in basemap.highways()["features"]}
    m5 = shapely.geometry.shape(roads["M5"]["geometry"])
    assert m5.distance(shapely.Point(36.65095, 35.44208)) < 1e-9  # through Khan Shaykhun
    m4 = shapely.geometry.shape(roads["M4"]["geometry"])
    assert m4.coords[0] == pytest.approx((35.79088, 35.53125), abs=1e-4)  # from Latakia
    borders = {f["properties"]["border"]: f for f in basemap.borders()["features"]}
    turkey = shapely.geometry.shape(borders["Turkey"]["geometry"])
    jordan = shapely.geometry.shape(borders["Jordan"]["geometry"])
    assert turkey.length > 5 and turkey.bounds[1] > 35.8 and turkey.bounds[3] > 37.2
    assert jordan.length > 2 and jordan.bounds[3] < 33.5 and jordan.bounds[0] < 36.0


def test_lost_place_popup_cites_the_corpus_event_beside_the_registry(tmp_path) -> None:
    import pyarrow as pa

    from zonewatch.store.dataset import (
        ARTICLES_SCHEMA,
        CLAIMS_SCHEMA,
        CONTROL_SCHEMA,
        MENTIONS_SCHEMA,
        Batch,
    )

    store = Store.open(tmp_path / "store")
    sentence = "Government forces took control of Khan Shaykhun <b>today</b>, a monitor said."
    article = {
        "article_id": "a1", "title": "Khan Shaykhun falls", "url": None, "source": "Wire",
        "published": date(2019, 8, 21), "language": "en", "text": sentence, "path": None,
        "zones": ["idlib"], "agreements": [], "ingested_at": None, "schema_version": 1,
    }  # fmt: skip
    event = {
        "article_id": "a1", "place": "khan_shaykhun", "zone": "idlib", "event": "captured",
        "to_side": "government", "date": date(2019, 8, 21), "date_precision": "day",
        "sentence": 0, "evidence": sentence, "start": 0, "end": len(sentence),
    }  # fmt: skip
    batch = Batch(
        articles=pa.Table.from_pylist([article], schema=ARTICLES_SCHEMA),
        mentions=MENTIONS_SCHEMA.empty_table(),
        claims=CLAIMS_SCHEMA.empty_table(),
        control=pa.Table.from_pylist(
            [event, {**event, "place": "saraqib", "start": 1}], schema=CONTROL_SCHEMA
        ),
    )
    with store.writer() as writer:
        writer.commit(batch)
    rows, only = territory_map.changes_tables(
        store, date(2019, 8, 15), date(2019, 8, 25), ["idlib"]
    )
    khan = [r for r in rows if r["place"] == "Khan Shaykhun"]
    assert khan and all(r["corpus events"] == 1 for r in khan)
    assert khan[0]["corpus sentence"] == sentence
    assert [o["place"] for o in only] == ["saraqib"]  # the registry has Saraqib only in 2020
    claims = territory_map.control_claims(store)
    assert [c["sentence"] for c in claims["idlib:khan_shaykhun"]] == [sentence]
    day = date(2019, 9, 1)
    page = (
        build_map(
            territory_map.web_territory(store, day),
            zone_summary.zone_info(store, day),
            "none",
            day=day,
            claims=claims,
        )
        .get_root()
        .render()
    )
    # The page carries the popups as JSON, which escapes <, > and & once more (\\u003c, \\u0026).
    page = page.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u0026", "&")
    assert "Corpus</b> (1)" in page
    assert "took control of Khan Shaykhun &lt;b&gt;today&lt;/b&gt;" in page
    assert "<b>today</b>" not in page
