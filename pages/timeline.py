"""Timeline page: registry intervals per agreement and zone, corpus claims on the same rows, and
each zone's area held over time with what changed between two dates."""

from datetime import timedelta

import streamlit as st

from zonewatch.core import timeline, viewfilter
from zonewatch.core.registry import load_registry
from zonewatch.dashboard import cache, sidebar, territory_view
from zonewatch.exports import area_chart, charts, territory_map
from zonewatch.store import queries

registry = load_registry()
store = cache.current_store()
view = sidebar.current()

st.title("Timeline")
st.caption(
    "Bars: the reference registry's intervals, coloured by status. Diamonds: dated claims from "
    "the ingested articles (undated claims sit at their publication date). Red line: the chosen date."
)

status = timeline.status_table(
    registry, view.day, view.zones or registry.top_zones, view.agreements
)
st.subheader(f"Status on {view.day.isoformat()}")
for column, row in zip(st.columns(len(status)), status.itertuples(), strict=True):
    column.metric(
        row.name, charts.STATUS_STYLE[row.status]["label_en"], help=row.agreements or None
    )

show_evidence = st.toggle("Show corpus evidence", value=True)
show_monthly = st.toggle("Monthly mention counts", value=True)

intervals = viewfilter.rows_in_view(
    timeline.registry_intervals(registry), registry, view.agreements, view.zones
)
points = cache.cached(queries.corpus_points, store)
points = (
    viewfilter.rows_in_view(points, registry, view.agreements, view.zones)
    if show_evidence
    else points.iloc[0:0]
)
monthly = None
if show_monthly:
    counts = cache.cached(queries.mention_counts, store, freq="month", kind="zone")
    monthly = viewfilter.rows_in_view(
        counts.rename(columns={"id": "zone"}), registry, zones=view.zones
    )

if intervals.empty and points.empty:
    st.info("Nothing to draw for these filters: no registry interval or claim matches them.")
else:
    bounds = sidebar.view_bounds(registry, cache.corpus_range(store))
    st.altair_chart(charts.timeline_chart(intervals, points, view.day, bounds, monthly=monthly))

st.subheader("Where the corpus and the registry disagree")
found = viewfilter.rows_in_view(
    cache.cached(queries.disagreements, store), registry, view.agreements, view.zones
)
if cache.counts(store)["articles"] == 0:
    st.info(
        "The store is empty: ingest articles on the Ingest page to compare them with the registry."
    )
elif found.empty:
    st.success("No disagreement: every dated claim falls inside its registry interval.")
else:
    st.dataframe(found, hide_index=True, width="stretch")

st.subheader("Territory held")
st.caption(
    "Area each zone held (km², step line) from the registry of control changes; dots are the "
    "changes (grey: a place lost, green: retaken by the opposition). Red line: the chosen date."
)
top = [z for z in (view.zones or registry.top_zones) if z in registry.top_zones]
years = territory_view.area_bounds(registry)
series, events = territory_view.area_frames_cached(store, tuple(top), *years)
if series.empty:
    st.info("No zone in view has registry control changes.")
else:
    st.altair_chart(area_chart.area_chart(series, events, view.day), width="stretch")
first = min(years[0], view.day)
# The "since" date follows the sidebar: 90 days back each time the sidebar date moves.
if st.session_state.get("zw_changes_for") != view.day or "zw_changes_since" not in st.session_state:
    st.session_state["zw_changes_since"] = max(first, view.day - timedelta(days=90))
    st.session_state["zw_changes_for"] = view.day
since = st.date_input(
    "What changed since",
    min_value=first,
    max_value=view.day,
    format="YYYY-MM-DD",
    key="zw_changes_since",
)
changes, corpus_only = cache.cached(
    territory_map.changes_tables, store, start=since, end=view.day, zones=tuple(top)
)
st.markdown(f"**What changed between {since.isoformat()} and {view.day.isoformat()}**")
if changes:
    st.dataframe(
        changes,
        hide_index=True,
        width="stretch",
        column_config={"source": st.column_config.LinkColumn("source")},
    )
else:
    st.info("The registry records no control change in these dates for the zones in view.")
if corpus_only:
    st.markdown("**Control events in the corpus that the registry does not list**")
    st.dataframe(corpus_only, hide_index=True, width="stretch")
