"""Fixtures shared by the test modules: hand-made stores and AppTest runs of the dashboard."""

from __future__ import annotations

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
