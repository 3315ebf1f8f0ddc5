"""Fixtures shared by the test modules: hand-made stores and AppTest runs of the dashboard."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

import pyarrow as pa
import pytest

from zonewatch.cli.main import main
from zonewatch.dashboard import compat
from zonewatch.store.dataset import ARTICLES_SCHEMA, CLAIMS_SCHEMA, MENTIONS_SCHEMA, Batch, Store


@pytest.fixture
def commit_rows() -> Callable[..., None]:
    """Commit hand-written rows (dicts in the store's schemas) as one batch: a store whose
    every claim the test knows, without going through the extractor."""

    def commit(
        store: Store,
        articles: Iterable[dict],
        mentions: Iterable[dict] = (),
        claims: Iterable[dict] = (),
    ) -> None:
        batch = Batch(
            articles=pa.Table.from_pylist(list(articles), schema=ARTICLES_SCHEMA),
            mentions=pa.Table.from_pylist(list(mentions), schema=MENTIONS_SCHEMA),
            claims=pa.Table.from_pylist(list(claims), schema=CLAIMS_SCHEMA),
        )
        with store.writer() as writer:
            writer.commit(batch)

    return commit


@pytest.fixture
def navigation_only(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every AppTest script run as the server runs all but its first: in st.navigation mode.

    A real server checks once per process for a ``pages/`` folder (the old multipage mode); the
    first st.navigation call switches that off for good. AppTest resets the check before every
    run, so each run would nest app.py inside the old mode, and the elements app.py draws
    itself (the whole sidebar) would be dropped from every run after the first. A test that
    asks for ``fresh_server`` keeps the check as a newly started server has it.
    """
    if "fresh_server" in request.fixturenames:
        return
    compat.keep_navigation_mode(monkeypatch.setattr)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Store:
    """The bundled demo corpus in a fresh store: registry statuses plus real corpus claims."""
    from zonewatch.ingest.demo import ensure_demo

    store = Store.open(tmp_path_factory.mktemp("demo-store"))
    assert ensure_demo(store)
    return store


@pytest.fixture(scope="module")
def empty(tmp_path_factory) -> Store:
    return Store.open(tmp_path_factory.mktemp("empty-store"))


@pytest.fixture
def run_cli(capsys) -> Callable[..., tuple[int, str, str]]:
    """Run the command line in this process: (exit status, stdout, stderr)."""

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


# -- browser tests: skipped on a developer's machine without chromium, failed in CI -----------

#: Set by .ci/run: there the real-browser tests must run, since they prove that no planted script
#: runs and that the dashboard works offline; a skip would hide that they did not.
REQUIRE_BROWSER = "ZONEWATCH_REQUIRE_BROWSER"


def _browser_required() -> bool:
    return os.environ.get(REQUIRE_BROWSER, "") not in ("", "0")


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    """A browser test module skipped at import (no Playwright) fails when the browser is required."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and _browser_required() and collector.name.startswith("test_browser"):
        report.outcome = "failed"
        report.longrepr = f"{REQUIRE_BROWSER} is set but the module was skipped: {report.longrepr}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A test marked ``browser`` that skips (no chromium) fails when the browser is required."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and _browser_required() and item.get_closest_marker("browser"):
        report.outcome = "failed"
        report.longrepr = f"{REQUIRE_BROWSER} is set but the test was skipped: {report.longrepr}"
