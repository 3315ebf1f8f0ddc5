"""The dashboard in a real browser (Debian's chromium through Playwright), with the internet cut.

Starts ``streamlit run app.py`` on a fresh data folder holding the demo corpus plus one hostile
article, then opens every page of the navigation. All requests that are not to the app itself are
aborted, so a map that draws here draws on an air-gapped machine: Leaflet must come from the
app's own static files, not from a CDN. Screenshots go to ``$ZONEWATCH_SCREENSHOTS`` (the
README's are made with ``ZONEWATCH_SCREENSHOTS=docs/screenshots``) or to a temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright import sync_api as playwright_errors

from tests.browser import BROWSER_MARKS, Offline, chromium, map_frame, served_app, shoot
from zonewatch.core.registry import load_registry

pytestmark = BROWSER_MARKS

#: Each part would set the flag (and log a marker) if the browser ran it.
PAYLOAD_SENTENCE = (
    "The Astana memorandum of 4 May 2017 established a de-escalation zone in Eastern Ghouta "
    '<script>window.__zwPwned=1;console.log("zw-pwned")</script> '
    "<img src=x onerror=\"window.__zwPwned=2;console.log('zw-pwned')\"> "
    "`${window.__zwPwned=3}` calm."
)
HOSTILE = {
    "title": "Ghouta report <img src=x onerror=\"window.__zwPwned='title'\"> `${1}`",
    "source": "<script>window.__zwPwned='source'</script>",
    "published": "2017-06-01",
    "language": "en",
    "url": "javascript:window.__zwPwned='url'",
    "text": PAYLOAD_SENTENCE + "\n\nA second paragraph adds nothing about the zones.",
}
#: The payload's claim is dated 4 May 2017, so on that day it is Eastern Ghouta's top evidence.
PAYLOAD_DAY = "2017-05-04"
#: Pages besides the map that display article text.
TEXT_PAGES = ("Timeline", "Evidence")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from zonewatch.ingest.demo import ensure_demo
    from zonewatch.ingest.run import ingest_records
    from zonewatch.store.dataset import Store

    root = tmp_path_factory.mktemp("browser-data")
    store = Store.open(root)
    assert ensure_demo(store)
    report = ingest_records(store, [HOSTILE])
    assert report.new == 1, report.skipped
    return root


@pytest.fixture(scope="module")
def app_url(data_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    log = tmp_path_factory.mktemp("streamlit-log") / "streamlit.log"
    with served_app({"ZONEWATCH_DATA": str(data_dir)}, log) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("ZONEWATCH_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _map_zoom(page) -> float:
    frame = next(f for f in page.frames if "streamlit_folium" in f.url)
    return frame.evaluate("() => window.map.getZoom()")


def _click_zone(page, zone: str, selected: str) -> None:
    """Click with the mouse inside a zone, at a point Leaflet places on its polygon, until the
    page shows ``selected`` (a JS condition). On a loaded machine the map's frame may still be
    settling after a page switch and swallow the first click; a click that lands is enough."""
    for attempt in range(3):
        page.wait_for_timeout(500 * attempt)
        _click_once(page, zone)
        try:
            page.wait_for_function(selected, timeout=15_000)
            return
        except playwright_errors.TimeoutError:
            continue
    page.wait_for_function(selected, timeout=1_000)  # fails with Playwright's own message


def _click_once(page, zone: str) -> None:
    frame = next(f for f in page.frames if "streamlit_folium" in f.url and not f.is_detached())
    x, y = frame.evaluate(
        """(zone) => { let point = null; window.map.eachLayer(l => {
               if (!point && l.feature && l.feature.properties.zone === zone && l.getCenter) {
                   const p = window.map.latLngToContainerPoint(l.getCenter()); point = [p.x, p.y]; } });
               return point; }""",
        zone,
    )
    box = page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)


def _zone_count() -> int:
    from geo import layers

    return len(layers.web_geojson()["zones"]["features"])


def test_every_page_renders_with_no_internet(browser, app_url: str, screenshots: Path) -> None:
    session = Offline(browser, app_url)
    try:
        page = session.page
        page.goto(f"{app_url}/?date=2017-06-01")
        session.idle()
        frame = map_frame(page)
        zones = frame.locator(".leaflet-overlay-pane path.zw-zone")
        zones.first.wait_for(timeout=30_000)
        assert zones.count() == _zone_count()
        assert frame.locator(".leaflet-overlay-pane path.zw-governorate").count() >= 14
        assert "Coverage on 2017-06-01" in frame.locator(".zw-legend").inner_text()
        assert session.errors() == []
        shoot(page, screenshots / "map.png")

        links = page.locator('[data-testid="stSidebarNav"] a')
        titles = [links.nth(i).inner_text().split("\n")[-1] for i in range(links.count())]
        assert "Map" in titles and len(titles) >= 2, titles
        for i, title in enumerate(titles):
            links.nth(i).click()
            session.idle()
            page.wait_for_selector("h1", timeout=30_000)
            assert session.errors() == [], f"{title}: {session.errors()}"
            if title != "Map":  # shot above, before any interaction
                shoot(page, screenshots / f"{title.lower()}.png")

        # Back on the map, a click on a zone selects it for every page (sidebar and URL), and
        # the rerun does not redraw the map: the zone's popup stays open.
        links.nth(titles.index("Map")).click()
        session.idle()
        frame.locator("path.zw-zone").first.wait_for(timeout=30_000)
        _click_zone(page, "south", "() => location.search.includes('zones=south')")
        session.idle()
        chosen = page.locator('[data-testid="stSidebar"] [data-tag]')
        assert [chosen.nth(i).get_attribute("aria-label") for i in range(chosen.count())] == [
            load_registry().zones["south"].name_en
        ]
        assert "Southern zone" in frame.locator(".leaflet-popup-content").inner_text()

        # Panning and zooming stay in the browser: nothing is sent to the server, so no rerun.
        frame.locator(".leaflet-popup-close-button").click()
        page.wait_for_timeout(500)
        before, zoom = len(session.sent), _map_zoom(page)
        box = page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
        page.mouse.move(box["x"] + 150, box["y"] + 350)
        page.mouse.down()
        page.mouse.move(box["x"] + 250, box["y"] + 300, steps=8)
        page.mouse.up()
        page.mouse.wheel(0, -300)
        page.wait_for_timeout(1500)
        assert _map_zoom(page) > zoom
        assert len(session.sent) == before
        assert session.essential_blocked() == []
        assert session.dialogs == []
    finally:
        session.close()


def test_hostile_article_is_shown_as_text_and_never_run(
    browser, app_url: str, data_dir: Path, screenshots: Path
) -> None:
    from zonewatch.exports import zone_summary
    from zonewatch.store.dataset import Store

    # The map's popup for Eastern Ghouta on PAYLOAD_DAY carries the hostile sentence.
    info = zone_summary.zone_info(Store.open(data_dir), PAYLOAD_DAY)
    assert PAYLOAD_SENTENCE in [e["sentence"] for e in info["eastern_ghouta"]["evidence"]]

    session = Offline(browser, app_url)
    try:
        page = session.page
        page.goto(f"{app_url}/?date={PAYLOAD_DAY}&zones=eastern_ghouta")
        session.idle()
        frame = map_frame(page)
        frame.locator("path.zw-zone").first.wait_for(timeout=30_000)
        map_window = next(f for f in page.frames if "streamlit_folium" in f.url)
        opened = map_window.evaluate(
            """() => { let n = 0; window.map.eachLayer(l => {
                   if (l.feature && l.feature.properties.zone === 'eastern_ghouta' && l.getPopup()) {
                       l.openPopup(); n += 1; } }); return n; }"""
        )
        assert opened == 1
        popup = frame.locator(".leaflet-popup-content")
        popup.wait_for(timeout=10_000)
        text = popup.inner_text()
        assert PAYLOAD_SENTENCE in text
        assert 'Ghouta report <img src=x onerror="window.__zwPwned=' in text
        assert popup.locator("script, img").count() == 0
        assert map_window.evaluate("() => window.__zwPwned === undefined")
        popup.locator("ol li", has_text="__zwPwned").scroll_into_view_if_needed()
        page.wait_for_timeout(600)  # let the popup finish fading in and panning
        shoot(page, screenshots / "map-popup.png")

        # The other pages that show article text get the same hostile text.
        links = page.locator('[data-testid="stSidebarNav"] a')
        for i in range(links.count()):
            if links.nth(i).inner_text().split("\n")[-1] not in TEXT_PAGES:
                continue
            links.nth(i).click()
            session.idle()
            assert session.errors() == []
            assert page.evaluate("() => window.__zwPwned === undefined")
        assert session.dialogs == []
        assert not [line for line in session.console if "zw-pwned" in line]
    finally:
        session.close()
