"""Screenshots of local HTML maps in Debian's headless Chromium (Playwright), with the network
refused unless tiles are asked for: the browser engine of ``zonewatch render map``."""

from __future__ import annotations

import re
from pathlib import Path

#: Debian's Chromium and the launch flags the project uses everywhere (no background traffic).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)


def screenshot_html(
    page: Path,
    size: tuple[int, int],
    *,
    allow_network: bool = False,
    timeout_s: float = 20.0,
) -> tuple[bytes, list[str]]:
    """PNG screenshot of a local HTML map in headless Chromium, and the URLs that failed to load.

    Without ``allow_network`` every http(s) request is refused before it leaves the browser, so
    the map is drawn from the file alone; with it, tiles are tried and the failures reported, and
    the screenshot is taken all the same once the zone polygons are drawn.
    """
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(
            f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)"
        )
    failed: list[str] = []
    width, height = size
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=list(CHROMIUM_ARGS), headless=True
        )
        try:
            tab = browser.new_page(
                viewport={"width": width, "height": height}, device_scale_factor=1
            )
            if not allow_network:
                tab.route(re.compile(r"^(https?|wss?)://"), lambda route: route.abort())
            tab.on("requestfailed", lambda request: failed.append(request.url))
            tab.goto(page.resolve().as_uri(), wait_until="load", timeout=timeout_s * 1000)
            tab.wait_for_selector("path.leaflet-interactive", timeout=timeout_s * 1000)
            # A figure, not a screen: the zoom buttons and the layer switcher do nothing on paper.
            tab.add_style_tag(
                content=".leaflet-control-zoom, .leaflet-control-layers {display: none}"
            )
            try:  # tiles: wait for the network to settle, but never longer than a few seconds
                tab.wait_for_load_state("networkidle", timeout=min(timeout_s, 8) * 1000)
            except PlaywrightError:
                failed.append("(tiles still loading after the wait)")
            png = tab.screenshot(type="png", full_page=False)
        finally:
            browser.close()
    return png, failed
