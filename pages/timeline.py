"""Timeline page: registry intervals per agreement and zone, corpus claims on the same rows."""

import streamlit as st

from zonewatch.core import timeline, viewfilter
from zonewatch.core.registry import load_registry
from zonewatch.dashboard import cache, sidebar
from zonewatch.exports import charts
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
