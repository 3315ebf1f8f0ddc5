"""The dashboard's territory views: the timeline page's area chart and change table follow the
sidebar date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.usefixtures("navigation_only")

APP = Path(__file__).resolve().parents[1] / "app.py"


@pytest.fixture
def empty_store(tmp_path, monkeypatch):
    monkeypatch.setenv("ZONEWATCH_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("ZONEWATCH_DEMO", "0")
    return tmp_path / "data"


def _timeline(day: date) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.switch_page("pages/timeline.py").run()
    at.sidebar.date_input(key="zw_day_input").set_value(day).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _changes(at: AppTest):
    return at.dataframe[-1].value


def test_timeline_lists_what_changed_up_to_the_sidebar_date(empty_store) -> None:
    at = _timeline(date(2019, 9, 1))
    table = _changes(at)
    assert "Khan Shaykhun" in set(table["place"])
    assert table["date"].max() <= "2019-09-01" and table["date"].min() >= "2019-06-03"
    assert all(str(s).startswith("http") for s in table["source"])
    at.date_input(key="zw_changes_since").set_value(date(2018, 3, 1)).run()
    assert {"Hamouriyah", "Khan Shaykhun"} <= set(_changes(at)["place"])
    # Moving the sidebar date before the "since" date starts the table over, without an error.
    at.sidebar.date_input(key="zw_day_input").set_value(date(2018, 2, 1)).run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Khan Shaykhun" not in set(_changes(at)["place"]) if len(at.dataframe) else True


def test_area_chart_has_a_step_line_per_zone_and_a_rule_at_the_date(empty_store) -> None:
    at = _timeline(date(2018, 3, 20))
    charts = at.get("vega_lite_chart")
    area = [c for c in charts if "step-after" in c.proto.spec]
    assert len(area) == 1, "one area chart on the timeline page"
    frames = [
        pa.ipc.open_stream(d.data.data).read_all().to_pandas() for d in area[0].proto.datasets
    ]
    zones = {z for f in frames if "area_km2" in f and "place" not in f for z in f["zone"]}
    assert zones == {"idlib", "north_homs", "eastern_ghouta", "south"}
    assert any("Hamouriyah" in set(f["place"]) for f in frames if "place" in f)
    rule = next(f for f in frames if list(f.columns) == ["day"])
    assert str(rule["day"].iloc[0])[:10] == "2018-03-20"
