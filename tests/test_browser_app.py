"""The dashboard in a real browser (Debian's chromium through Playwright), with the internet cut.

Starts ``streamlit run app.py`` on a fresh data folder holding the demo corpus plus one hostile
article, then opens every page of the navigation. All requests that are not to the app itself are
aborted, so a map that draws here draws on an air-gapped machine: Leaflet must come from the
app's own static files, not from a CDN. Screenshots go to ``$ZONEWATCH_SCREENSHOTS`` (the
README's are made with ``ZONEWATCH_SCREENSHOTS=docs/screenshots``) or to a temporary folder.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from geo.render import CHROMIUM, CHROMIUM_ARGS
from zonewatch.core.registry import load_registry

REPO = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]
playwright_api = pytest.importorskip("playwright.sync_api")

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
#: Resource types whose loss would break a page; none of them may need the internet.
ESSENTIAL = {"script", "stylesheet", "font", "document"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early with status {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"streamlit did not answer at {url} within {timeout} s")


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
    port = _free_port()
    env = {**os.environ, "ZONEWATCH_DATA": str(data_dir)}
    log = tmp_path_factory.mktemp("streamlit-log") / "streamlit.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.headless",
                "true",
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--browser.gatherUsageStats",
                "false",
                "--server.fileWatcherType",
                "none",
            ],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("ZONEWATCH_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


class Offline:
    """A browser context that can reach only the app, recording what it refused and what the
    pages did that untrusted text must never make them do."""

    def __init__(self, browser, app_url: str) -> None:
        self.blocked: list[tuple[str, str]] = []
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda msg: self.console.append(msg.text))
        # Every message the page sends to the server (a rerun request is one).
        self.sent: list[int] = []
        self.page.on(
            "websocket", lambda ws: ws.on("framesent", lambda data: self.sent.append(len(data)))
        )
        self.app_url = app_url

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith((self.app_url, "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.blocked.append((route.request.resource_type, url))
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def idle(self) -> None:
        """Wait until the script run triggered by the last action has finished."""
        self.page.wait_for_timeout(300)
        self.page.wait_for_selector(
            '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000
        )
        self.page.wait_for_timeout(300)

    def errors(self) -> list[str]:
        boxes = self.page.locator(
            '[data-testid="stException"], [data-testid="stAlertContentError"]'
        )
        return [boxes.nth(i).inner_text() for i in range(boxes.count())]

    def essential_blocked(self) -> list[tuple[str, str]]:
        return [(kind, url) for kind, url in self.blocked if kind in ESSENTIAL]

    def close(self) -> None:
        self.context.close()


def _map_frame(page):
    return page.frame_locator('iframe[title="streamlit_folium.st_folium"]')


def _shoot(page, path: Path) -> None:
    """A screenshot, reduced to a 256-colour palette so that it is small enough to commit."""
    page.screenshot(path=str(path))
    from PIL import Image

    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE).save(
            path, optimize=True
        )


def _map_zoom(page) -> float:
    frame = next(f for f in page.frames if "streamlit_folium" in f.url)
    return frame.evaluate("() => window.map.getZoom()")


def _click_zone(page, zone: str) -> None:
    """Click with the mouse inside a zone, at a point Leaflet places on its polygon."""
    frame = next(f for f in page.frames if "streamlit_folium" in f.url)
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
        frame = _map_frame(page)
        zones = frame.locator(".leaflet-overlay-pane path.zw-zone")
        zones.first.wait_for(timeout=30_000)
        assert zones.count() == _zone_count()
        assert frame.locator(".leaflet-overlay-pane path.zw-governorate").count() >= 14
        assert "Coverage on 2017-06-01" in frame.locator(".zw-legend").inner_text()
        assert session.errors() == []
        _shoot(page, screenshots / "map.png")

        links = page.locator('[data-testid="stSidebarNav"] a')
        titles = [links.nth(i).inner_text().split("\n")[-1] for i in range(links.count())]
        assert "Map" in titles and len(titles) >= 2, titles
        for i, title in enumerate(titles):
            links.nth(i).click()
            session.idle()
            page.wait_for_selector("h1", timeout=30_000)
            assert session.errors() == [], f"{title}: {session.errors()}"
            if title != "Map":  # shot above, before any interaction
                _shoot(page, screenshots / f"{title.lower()}.png")

        # Back on the map, a click on a zone selects it for every page (sidebar and URL), and
        # the rerun does not redraw the map: the zone's popup stays open.
        links.nth(titles.index("Map")).click()
        session.idle()
        frame.locator("path.zw-zone").first.wait_for(timeout=30_000)
        _click_zone(page, "south")
        page.wait_for_function("() => location.search.includes('zones=south')", timeout=30_000)
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
        frame = _map_frame(page)
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
        _shoot(page, screenshots / "map-popup.png")

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
