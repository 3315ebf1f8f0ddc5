"""The dashboard's reads of the store, cached per store version.

A date change reruns the whole Streamlit script; it must not re-read Parquet. Every query result
is cached under the store's version (its list of committed batches), so a date change costs only
the cache look-ups, and an ingest, which commits a new batch, invalidates everything at once.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import streamlit as st

from zonewatch.store.dataset import Store

#: Set to "0" to start on an empty store without the demo articles (tests, fresh analyses).
DEMO_ENV_VAR = "ZONEWATCH_DEMO"

T = TypeVar("T")


@st.cache_resource(show_spinner=False)
def _open(root: str) -> Store:
    return Store.open(root)


def current_store() -> Store:
    """The store in the configured data folder ($ZONEWATCH_DATA or the user data dir)."""
    from zonewatch.core.settings import data_dir

    return _open(str(data_dir()))


def store_version(store: Store) -> str:
    """Changes whenever a batch is committed; cheap (one directory listing)."""
    batches = store.committed_batches()
    return f"{len(batches)}:{batches[-1] if batches else ''}"


@st.cache_resource(show_spinner="Loading the demo articles…")
def _demo_once(root: str) -> bool:
    from zonewatch.ingest.demo import ensure_demo

    return ensure_demo(_open(root))


def first_start(store: Store) -> bool:
    """Ingest the bundled demo articles into an empty store, once per process, unless
    ``$ZONEWATCH_DEMO`` is "0"; returns whether it did."""
    if os.environ.get(DEMO_ENV_VAR, "1") == "0" or store.committed_batches():
        return False
    return _demo_once(str(store.root))


@st.cache_data(show_spinner=False, max_entries=512)
def _cached(name: str, root: str, version: str, kwargs: tuple, _fn: Callable[..., Any]) -> Any:
    return _fn(_open(root), **dict(kwargs))


def cached(fn: Callable[..., T], store: Store, **kwargs: Any) -> T:
    """``fn(store, **kwargs)`` (a :mod:`zonewatch.store.queries` function or any read of the store),
    computed once per store version and arguments."""
    name = f"{fn.__module__}.{fn.__qualname__}"
    return _cached(name, str(store.root), store_version(store), tuple(sorted(kwargs.items())), fn)


def corpus_range(store: Store) -> tuple[date, date] | None:
    """First and last publication date in the corpus, or None for an empty store."""
    from zonewatch.store.queries import published_range

    return cached(published_range, store)


def _counts(store: Store) -> dict[str, int]:
    return store.counts()


def counts(store: Store) -> dict[str, int]:
    """Articles, mentions and claims in the store, for captions and empty-store hints."""
    return cached(_counts, store)
