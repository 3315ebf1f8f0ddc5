"""Plumbing of the real-browser tests: Debian's chromium through Playwright, the dashboard served
by ``streamlit run app.py`` on a free port, and a browser context that reaches nothing but the app.
The launch flags are the project's own (``geo.screenshot``), so the tests and the PNG exports run
the browser the same way."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

from geo.screenshot import CHROMIUM, CHROMIUM_ARGS

REPO = Path(__file__).resolve().parent.parent
#: Marks of every browser test module: skipped where chromium is absent (failed in CI, see
#: conftest.py).
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed"),
]
#: Resource types whose loss would break a page; none of them may need the internet.
ESSENTIAL = {"script", "stylesheet", "font", "document"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
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


@contextmanager
def served_app(env: Mapping[str, str], log: Path) -> Iterator[str]:
    """``streamlit run app.py`` on a free local port with ``env`` added to the environment;
    yields the app's URL and stops the server afterwards."""
    port = free_port()
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1",
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=REPO, env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def chromium() -> Iterator[object]:
    """Debian's chromium, launched with the project's flags."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        try:
            yield instance
        finally:
            instance.close()


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


def map_frame(page):
    return page.frame_locator('iframe[title="streamlit_folium.st_folium"]')


def shoot(page, path: Path) -> None:
    """A screenshot, reduced to a 256-colour palette so that it is small enough to commit."""
    page.screenshot(path=str(path))
    from PIL import Image

    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE).save(
            path, optimize=True
        )
