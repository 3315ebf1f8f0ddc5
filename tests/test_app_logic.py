"""The dashboard's logic without Streamlit: the view in the URL, the timeline and its
disagreements, filtering and the timeline chart."""

from __future__ import annotations

from datetime import date

import pandas as pd

from zonewatch.core import timeline, viewfilter
from zonewatch.core.registry import load_registry
from zonewatch.dashboard import sidebar
from zonewatch.exports import charts

REG = load_registry()
BOUNDS = REG.date_bounds()


# -- the view in the URL ---------------------------------------------------------------------------


def test_query_round_trip():
    view = sidebar.View(date(2017, 8, 1), ("ghouta_truce_2017",), ("eastern_ghouta", "idlib"))
    params = sidebar.to_query(view)
    assert params == {
        "date": "2017-08-01",
        "agreements": "ghouta_truce_2017",
        "zones": "eastern_ghouta,idlib",
    }
    assert sidebar.parse_query(params, REG, BOUNDS, date(2017, 1, 1)) == view


def test_query_keeps_what_is_valid():
    fallback = date(2017, 5, 6)
    view = sidebar.parse_query(
        {"date": "2017-13-40", "zones": "idlib,,atlantis,idlib", "agreements": ["x", "sochi_2018"]},
        REG,
        BOUNDS,
        fallback,
    )
    assert view == sidebar.View(fallback, ("sochi_2018",), ("idlib",))


def test_query_date_is_clamped_to_the_bounds():
    early = sidebar.parse_query({"date": "1990-01-01"}, REG, BOUNDS, date(2017, 5, 6))
    late = sidebar.parse_query({"date": "2031-01-01"}, REG, BOUNDS, date(2017, 5, 6))
    assert (early.day, late.day) == BOUNDS


def test_default_day_shows_all_four_zones_in_force():
    day = sidebar.default_day(REG)
    status = REG.zone_status_on(day)
    assert all(status[z] == "in_force" for z in REG.top_zones)
    assert REG.zone_status_on(day - pd.Timedelta(days=1).to_pytimedelta())["idlib"] != "in_force"


def test_bounds_widen_to_the_corpus():
    low, high = sidebar.view_bounds(REG, (date(2015, 3, 1), date(2019, 1, 1)))
    assert low == date(2015, 3, 1) and high == BOUNDS[1]


# -- timeline ---------------------------------------------------------------------------------------


def test_registry_intervals_split_by_status():
    frame = timeline.registry_intervals(REG)
    ghouta = frame[(frame.agreement == "astana_memorandum_2017") & (frame.zone == "eastern_ghouta")]
    segments = {r.status: (r.start, r.end) for r in ghouta.itertuples()}
    assert segments["agreed"] == (pd.Timestamp("2017-05-04"), pd.Timestamp("2017-05-06"))
    assert segments["in_force"] == (pd.Timestamp("2017-05-06"), pd.Timestamp("2018-04-12"))
    assert segments["ended"][0] == pd.Timestamp("2018-04-12") and pd.isna(segments["ended"][1])
    idlib = frame[(frame.agreement == "astana_memorandum_2017") & (frame.zone == "idlib")]
    assert set(idlib.status) == {"agreed", "in_force"}  # no end in the registry


def _claims(*rows):
    base = {
        "title": "t",
        "source": "s",
        "published": "2018-01-01",
        "language": "en",
        "agreement_text": None,
        "date_precision": None,
        "sentence": 0,
        "evidence": "e",
        "start": 0,
        "end": 1,
    }
    frame = pd.DataFrame([{**base, "article_id": f"a{i}", **row} for i, row in enumerate(rows)])
    return timeline.points_from_claims(frame, REG)


def _issues(points):
    found = timeline.find_disagreements(points, REG)
    return dict(zip(found["article_id"], found["issue"], strict=True))


def test_claims_inside_their_interval_agree():
    points = _claims(
        {
            "agreement": "ghouta_truce_2017",
            "zone": "eastern_ghouta",
            "relation": "covers",
            "date": "2017-07-22",
            "date_precision": "day",
        },
        # a finer area counts under its parent's interval
        {
            "agreement": "astana_memorandum_2017",
            "zone": "sochi_dmz",
            "relation": "covers",
            "date": "2018-10-01",
            "date_precision": "day",
        },
        # an 'ends' claim with the registry's month
        {
            "agreement": "southwest_ceasefire_2017",
            "zone": "south",
            "relation": "ends",
            "date": "2018-07-01",
            "date_precision": "month",
        },
        # undated: placed at publication, never compared
        {
            "agreement": "astana_memorandum_2017",
            "zone": "north_homs",
            "relation": "covers",
            "date": None,
            "published": "2020-01-01",
        },
        # a month-precision date is any day of that month: July 2017 holds the 31 July agreement
        {
            "agreement": "homs_truce_2017",
            "zone": "north_homs",
            "relation": "covers",
            "date": "2017-07",
            "date_precision": "month",
        },
        # the text excludes a zone the registry does not give the agreement either
        {
            "agreement": "southwest_ceasefire_2017",
            "zone": "idlib",
            "relation": "excludes",
            "date": None,
        },
    )
    assert _issues(points) == {}
    undated = points[points.article_id == "a3"].iloc[0]
    assert undated.dated_by == "publication" and undated.date == pd.Timestamp("2020-01-01")


def test_claims_the_registry_contradicts_or_lacks():
    points = _claims(
        {
            "agreement": "astana_memorandum_2017",
            "zone": "eastern_ghouta",
            "relation": "covers",
            "date": "2018-05-20",
            "date_precision": "day",
        },
        {
            "agreement": "homs_truce_2017",
            "zone": "north_homs",
            "relation": "covers",
            "date": "2017-06",
            "date_precision": "month",
        },
        {"agreement": "ghouta_truce_2017", "zone": "idlib", "relation": "covers", "date": None},
        {
            "agreement": None,
            "agreement_text": "Geneva accord",
            "zone": "idlib",
            "relation": "covers",
            "date": None,
        },
        {
            "agreement": "ghouta_truce_2017",
            "zone": "eastern_ghouta",
            "relation": "excludes",
            "date": None,
        },
        {
            "agreement": "sochi_2018",
            "zone": "idlib",
            "relation": "ends",
            "date": "2019-05-06",
            "date_precision": "day",
        },
        {
            "agreement": "ghouta_truce_2017",
            "zone": "eastern_ghouta",
            "relation": "ends",
            "date": "2018-04-14",
            "date_precision": "day",
        },
    )
    assert _issues(points) == {
        "a0": "dated after the registry interval ended",
        "a1": "dated before the registry interval",
        "a2": "link not in the registry",
        "a3": "agreement not in the registry",
        "a4": "text excludes a zone the registry covers",
        "a5": "text dates an end the registry lacks",
        "a6": "end dated differently from the registry",
    }


def test_status_table_answers_what_covered_a_zone():
    on = timeline.status_table(REG, date(2017, 8, 1), ["eastern_ghouta"]).iloc[0]
    assert on.status == "in_force"
    assert "Cairo agreement on Eastern Ghouta" in on.agreements
    after = timeline.status_table(REG, date(2018, 6, 1), ["eastern_ghouta"]).iloc[0]
    assert after.status == "ended"
    only_sochi = timeline.status_table(REG, date(2017, 8, 1), ["eastern_ghouta"], ["sochi_2018"])
    assert only_sochi.iloc[0].status == "none"


# -- filters ----------------------------------------------------------------------------------------


def test_a_zone_filter_keeps_its_finer_areas():
    frame = timeline.registry_intervals(REG)
    idlib = viewfilter.rows_in_view(frame, REG, zones=["idlib"])
    assert set(idlib.zone) == {"idlib", "sochi_dmz", "m4_corridor"}
    sochi = viewfilter.rows_in_view(frame, REG, agreements=["sochi_2018"], zones=["idlib"])
    assert set(sochi.agreement) == {"sochi_2018"}
    assert viewfilter.rows_in_view(frame, REG).equals(frame)


def test_article_filter_on_list_columns():
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "zones": [["idlib"], ["eastern_ghouta", "south"], None],
            "agreements": [["sochi_2018"], [], None],
        }
    )
    assert list(viewfilter.articles_in_view(articles, REG, zones=["south"]).article_id) == ["b"]
    assert list(
        viewfilter.articles_in_view(articles, REG, agreements=["sochi_2018"]).article_id
    ) == ["a"]
    assert len(viewfilter.articles_in_view(articles, REG)) == 3


# -- the chart --------------------------------------------------------------------------------------


def test_timeline_chart_is_a_pure_figure():
    intervals = timeline.registry_intervals(REG)
    points = _claims(
        {
            "agreement": "ghouta_truce_2017",
            "zone": "eastern_ghouta",
            "relation": "covers",
            "date": "2017-07-22",
            "date_precision": "day",
        },
    )
    monthly = pd.DataFrame(
        {"period": ["2017-07-01"], "kind": ["zone"], "id": ["eastern_ghouta"], "count": [4]}
    )
    chart = charts.timeline_chart(intervals, points, date(2017, 8, 1), BOUNDS, monthly=monthly)
    spec = chart.to_dict()
    assert len(spec["vconcat"]) == 2
    data = [d for values in spec["datasets"].values() for d in values]
    assert {"date": "2017-08-01T00:00:00", "label": "2017-08-01"} in data
    assert any(d.get("row", "").startswith("Eastern Ghouta · Cairo") and "count" in d for d in data)
    # one style for one status on every view
    assert spec["vconcat"][0]["layer"][0]["encoding"]["color"]["scale"]["range"] == [
        charts.STATUS_STYLE[s]["fill"] for s in ("agreed", "in_force", "ended")
    ]


def test_evidence_marks_group_by_month_when_there_are_many():
    days = pd.date_range("2017-01-01", periods=charts.MAX_EVIDENCE_MARKS + 10, freq="D")
    points = pd.DataFrame(
        {
            "row": "r",
            "date": days,
            "article_id": range(len(days)),
            "evidence": "e",
            "title": "t",
            "dated_by": "claim",
            "precision": "day",
        }
    )
    marks = charts.evidence_marks(points)
    assert len(marks) < 100 and marks["count"].sum() == len(days)


def test_evidence_marks_tell_how_a_claim_was_dated():
    points = _claims(
        {
            "agreement": "homs_truce_2017",
            "zone": "north_homs",
            "relation": "covers",
            "date": "2017-08-03",
            "date_precision": "day",
        },
        {
            "agreement": "homs_truce_2017",
            "zone": "north_homs",
            "relation": "covers",
            "date": "2017",
            "date_precision": "year",
        },
        {
            "agreement": "homs_truce_2017",
            "zone": "north_homs",
            "relation": "covers",
            "date": None,
            "published": "2017-08-05",
        },
    )
    marks = charts.evidence_marks(points).set_index("date")["dating"]
    assert marks[pd.Timestamp("2017-08-03")] == charts.DATINGS["day"]
    assert marks[pd.Timestamp("2017-01-01")] == charts.DATINGS["coarse"]
    assert marks[pd.Timestamp("2017-08-05")] == charts.DATINGS["publication"]
