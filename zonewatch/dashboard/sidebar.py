"""The dashboard's shared view: one date, agreement and zone filters, mirrored in the URL.

Every page reads the same view so that an analyst who moves the date on the map sees the same
date on the timeline, and the URL's query string carries the view so that a link reopens it.
The session state is the source of truth within a session (Streamlit drops query parameters when
the page changes); the query string only seeds a new session and is rewritten on every run.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import streamlit as st

from zonewatch.core.registry import Registry
from zonewatch.core.view import View, default_day, view_bounds
from zonewatch.dashboard import compat

__all__ = [
    "View",
    "current",
    "default_day",
    "parse_query",
    "render",
    "select",
    "to_query",
    "view_bounds",
]

#: Query-string keys of a shared view (``?date=2017-08-01&agreements=a,b&zones=idlib``).
DATE_PARAM = "date"
AGREEMENTS_PARAM = "agreements"
ZONES_PARAM = "zones"

_DAY = "zw_day"
_SLIDER = "zw_day_slider"
_INPUT = "zw_day_input"
_AGREEMENTS = "zw_agreements"
_ZONES = "zw_zones"
_PENDING = "zw_pending_view"
_RESCUED = "zw_left_pages_mode"


def _first(value: str | list[str] | None) -> str:
    if isinstance(value, list):
        return value[-1] if value else ""
    return value or ""


def _ids(raw: str, known: Iterable[str]) -> tuple[str, ...]:
    allowed = set(known)
    seen: dict[str, None] = {}
    for part in raw.split(","):
        part = part.strip()
        if part in allowed:
            seen[part] = None
    return tuple(seen)


def parse_query(
    params: Mapping[str, str | list[str]],
    registry: Registry,
    bounds: tuple[date, date],
    fallback: date,
) -> View:
    """Read a view from a query string, keeping what is valid and dropping the rest, so that an
    old or hand-edited link still opens rather than failing."""
    try:
        day = date.fromisoformat(_first(params.get(DATE_PARAM)))
    except ValueError:
        day = fallback
    day = min(max(day, bounds[0]), bounds[1])
    return View(
        day=day,
        agreements=_ids(_first(params.get(AGREEMENTS_PARAM)), registry.agreements),
        zones=_ids(_first(params.get(ZONES_PARAM)), registry.zones),
    )


def to_query(view: View) -> dict[str, str]:
    """The query string of a view; empty filters are left out to keep links short."""
    params = {DATE_PARAM: view.day.isoformat()}
    if view.agreements:
        params[AGREEMENTS_PARAM] = ",".join(view.agreements)
    if view.zones:
        params[ZONES_PARAM] = ",".join(view.zones)
    return params


def _seed(view: View) -> None:
    st.session_state[_DAY] = view.day
    st.session_state[_SLIDER] = view.day
    st.session_state[_INPUT] = view.day
    st.session_state[_AGREEMENTS] = list(view.agreements)
    st.session_state[_ZONES] = list(view.zones)


def _sync_day(source: str) -> None:
    """Keep the slider and the typed date showing the same day, whichever one moved."""
    value = st.session_state.get(source)
    if value is None:  # a cleared date input keeps the previous day
        value = st.session_state[_DAY]
    st.session_state[_DAY] = value
    st.session_state[_SLIDER] = value
    st.session_state[_INPUT] = value


def _write_query(view: View) -> None:
    wanted = to_query(view)
    for key in (DATE_PARAM, AGREEMENTS_PARAM, ZONES_PARAM):
        if key in wanted:
            if st.query_params.get(key) != wanted[key]:
                st.query_params[key] = wanted[key]
        elif key in st.query_params:
            del st.query_params[key]


def render(registry: Registry, bounds: tuple[date, date]) -> View:
    """Draw the shared sidebar and return the view; call it once per run, before the page."""
    if _DAY not in st.session_state:
        _seed(parse_query(st.query_params.to_dict(), registry, bounds, default_day(registry)))
    pending = st.session_state.pop(_PENDING, None)
    if pending is not None:
        _seed(pending)
    # A store that grew (or a link from a wider corpus) can move the bounds under the saved day.
    day = min(max(st.session_state[_DAY], bounds[0]), bounds[1])
    if day != st.session_state[_DAY]:
        _seed(View(day, tuple(st.session_state[_AGREEMENTS]), tuple(st.session_state[_ZONES])))

    with st.sidebar:
        # Two pickers of one day: each keeps the other in step.
        for widget, label, key in (
            (st.slider, "Date", _SLIDER),
            (st.date_input, "Go to date", _INPUT),
        ):
            widget(
                label,
                min_value=bounds[0],
                max_value=bounds[1],
                format="YYYY-MM-DD",
                key=key,
                on_change=_sync_day,
                args=(key,),
            )
        for label, named, key in (
            ("Agreements", registry.agreements, _AGREEMENTS),
            ("Zones", registry.zones, _ZONES),
        ):
            st.multiselect(
                label,
                options=list(named),
                format_func=lambda ident, named=named: named[ident].name_en,
                placeholder=f"All {label.lower()}",
                key=key,
            )
    view = current()
    _write_query(view)
    return view


def ensure_app() -> None:
    """Make sure this run came through app.py, which draws the sidebar and the navigation.

    Streamlit still has its older multipage mode for apps with a ``pages/`` folder: until the
    first ``st.navigation`` call of a server process, a link such as ``/timeline`` runs
    ``pages/timeline.py`` alone, without app.py. That mode is switched off here, as
    ``st.navigation`` would do, and the run repeated, now through app.py and on the same page
    (both modes name a page after its file).
    """
    if _DAY in st.session_state:
        return
    if compat.in_pages_directory_mode() and not st.session_state.get(_RESCUED):
        compat.leave_pages_directory_mode()
        st.session_state[_RESCUED] = True
        st.rerun()
    st.error("This page is part of the Zonewatch dashboard: start it with `streamlit run app.py`.")
    st.stop()


def current() -> View:
    """The view drawn by :func:`render` in this run, for pages to read."""
    ensure_app()
    return View(
        day=st.session_state[_DAY],
        agreements=tuple(st.session_state.get(_AGREEMENTS, ())),
        zones=tuple(st.session_state.get(_ZONES, ())),
    )


def select(zones: Iterable[str] | None = None, day: date | None = None) -> None:
    """Change the shared view from a page (e.g. a click on a zone on the map) and rerun, since a
    widget's value cannot change after it was drawn in the same run."""
    view = current()
    st.session_state[_PENDING] = View(
        day=day or view.day,
        agreements=view.agreements,
        zones=tuple(zones) if zones is not None else view.zones,
    )
    st.rerun()
