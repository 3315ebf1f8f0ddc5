"""Territory over time in a real browser: moving the sidebar date redraws the Idlib zone, and the
ground it lost shows a tooltip naming the place and the date (Debian's chromium, internet cut)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser import BROWSER_MARKS, Offline, chromium, map_frame, served_app, shoot

pytestmark = BROWSER_MARKS

#: The Idlib zone's drawn outline, as Leaflet holds it.
IDLIB_SHAPE = """() => { let out = null; window.map.eachLayer(l => {
    if (!out && l.feature && l.feature.properties.zone === 'idlib' && l.getLatLngs) {
        out = JSON.stringify(l.toGeoJSON().geometry); } }); return out; }"""
#: A point inside a lost place's cell (its bounds' centre, or the cell's own centroid if the
#: centre falls outside), in the map frame's pixels.
LOST_POINT = """(place) => { let pt = null; window.map.eachLayer(l => {
    if (!pt && l.feature && l.feature.properties.place === place && l.getCenter) {
        const c = l.getCenter(); const p = window.map.latLngToContainerPoint(c);
        pt = [p.x, p.y]; } }); return pt; }"""


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory):
    data = tmp_path_factory.mktemp("territory-data")
    log = tmp_path_factory.mktemp("streamlit-log") / "streamlit.log"
    with served_app({"ZONEWATCH_DATA": str(data), "ZONEWATCH_DEMO": "0"}, log) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


def _map_window(page):
    return next(f for f in page.frames if "streamlit_folium" in f.url)


def _idlib(page) -> str:
    shape = _map_window(page).evaluate(IDLIB_SHAPE)
    assert shape, "no Idlib polygon drawn"
    return shape


def test_date_change_redraws_idlib_and_the_lost_ground_names_khan_shaykhun(
    browser, app_url: str, tmp_path: Path
) -> None:
    session = Offline(browser, app_url)
    try:
        page = session.page
        page.goto(f"{app_url}/?date=2019-08-01")
        session.idle()
        frame = map_frame(page)
        frame.locator("path.zw-zone").first.wait_for(timeout=30_000)
        before = _idlib(page)
        assert _map_window(page).evaluate(LOST_POINT, "khan_shaykhun") is None

        # The sidebar's "Go to date" field: year, month and day spin buttons; August -> September.
        month = page.get_by_role("spinbutton", name="month, Go to date")
        month.click()
        month.type("09")
        month.press("Tab")
        page.locator("h1").first.click()  # leave the field: Streamlit takes the value on blur
        page.wait_for_function("() => location.search.includes('date=2019-09-01')")
        session.idle()
        frame.locator("path.zw-lost").first.wait_for(timeout=30_000)
        after = _idlib(page)
        assert after != before, "the Idlib polygon did not change with the date"
        assert "Coverage on 2019-09-01" in frame.locator(".zw-legend").inner_text()

        point = _map_window(page).evaluate(LOST_POINT, "khan_shaykhun")
        assert point, "Khan Shaykhun's lost cell is not drawn"
        box = page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
        page.mouse.move(box["x"] + point[0], box["y"] + point[1])
        tooltip = frame.locator(".leaflet-tooltip", has_text="lost 2019-08-21")
        tooltip.wait_for(timeout=10_000)
        assert "Khan Shaykhun" in tooltip.inner_text()
        shots = Path(os.environ.get("ZONEWATCH_SCREENSHOTS") or tmp_path)
        shoot(page, shots / "territory.png")
        assert session.errors() == []
        assert session.essential_blocked() == []
        assert session.dialogs == []
    finally:
        session.close()
