"""Every exported HTML file opened in a real browser, from a store holding a planted payload
(issue 11): no dialog, no script of the article runs, no request leaves the machine.

The files are made with the command line (``render map``, ``render timeline``, ``brief``) and
opened from disk in Debian's chromium through Playwright. Every request that is not to a local
file is recorded and refused; an export must work offline, and article text must never make the
browser fetch anything (a tracking pixel) or run anything (a dialog, a flag on ``window``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_hostile_cli import assert_ok, ingest, wire, write_jsonl, zw

from tests.browser import BROWSER_MARKS, chromium

pytestmark = BROWSER_MARKS

#: Each part would set the flag, open a dialog or fetch from the tracker if a browser ran it.
PAYLOAD = (  # no double quotes: JSON would escape them and break the attack by accident
    "</script><img src=x onerror=window.__zwPwned=1> <img src=x onerror=alert(1)> "
    "<!-- <script>window.__zwPwned=2;alert(2)</script> "
    "<img src=http://tracker.example/pixel.png> "
    "`${window.__zwPwned=3}` <svg onload=alert(4)>"
)
DAY = "2017-05-04"


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("browser-exports")
    records = [
        wire(1, "Eastern Ghouta", title=f"Ghouta report {PAYLOAD}", source=PAYLOAD),
        {**wire(2), "text": wire(2)["text"] + " " + PAYLOAD, "title": "Idlib " + PAYLOAD},
    ]
    data = root / "data"
    assert_ok(ingest(data, write_jsonl(root / "payload.jsonl", records)))
    out = root / "out"
    assert_ok(zw("render", "map", "--date", DAY, "--out", out / "map.html", data=data))
    assert_ok(zw("render", "timeline", "--date", DAY, "--out", out / "timeline.html", data=data))
    assert_ok(zw("brief", "--date", DAY, "--out", out / "brief", data=data))
    files = sorted(out.rglob("*.html"))
    assert {p.name for p in files} >= {"map.html", "timeline.html", "brief.html"}
    assert all("tracker.example" in p.read_text("utf-8") for p in files if p.name != "brief.html")
    return files


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


def _open(browser, path: Path) -> dict:
    """Open ``path`` offline; what it tried to fetch, the dialogs it opened, the flag it set."""
    requests: list[str] = []
    dialogs: list[str] = []
    context = browser.new_context()
    try:

        def route(r) -> None:
            url = r.request.url
            if url.startswith(("file:", "data:", "blob:", "about:")):
                r.continue_()
            else:
                requests.append(url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(path.as_uri(), wait_until="load")
        page.wait_for_timeout(1500)  # charts and maps draw after load
        pwned = page.evaluate("() => window.__zwPwned === undefined ? null : window.__zwPwned")
        text = page.evaluate("() => document.body ? document.body.innerText : ''")
    finally:
        context.close()
    return {"requests": requests, "dialogs": dialogs, "pwned": pwned, "text": text}


def test_every_exported_html_file_runs_nothing_and_fetches_nothing(browser, exports) -> None:
    for path in exports:
        seen = _open(browser, path)
        assert seen["dialogs"] == [], (path.name, seen["dialogs"])
        assert seen["pwned"] is None, (path.name, seen["pwned"])
        assert seen["requests"] == [], (path.name, seen["requests"])


def test_the_brief_shows_the_payload_as_text(browser, exports) -> None:
    brief = next(p for p in exports if p.name == "brief.html")
    assert "onerror=" in _open(browser, brief)["text"]
