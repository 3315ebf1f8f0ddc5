"""Briefing page: the report-ready files of the current view (sidebar date and filters)."""

import streamlit as st

from zonewatch.dashboard import cache, sidebar
from zonewatch.exports import brief, static_map, timeline_chart

store = cache.current_store()
view = sidebar.current()
selection = view  # the exports show the dashboard's view
stamp = view.day.isoformat()

st.title("Briefing")
st.caption(
    "Figures and files for a report, for the date and filters in the sidebar. Every figure carries "
    "its date, legend, source line and the approximation caveat; the HTML files work offline."
)

with st.expander("Options", expanded=False):
    left, right = st.columns(2)
    dpi = left.select_slider("Map resolution (dpi)", options=[100, 150, 200, 300], value=200)
    width_in = right.select_slider(
        "Map width (inches; 7 is an A4 text column)", options=[5.0, 6.0, 7.0, 8.0, 10.0], value=7.0
    )
size = (round(width_in * dpi), round(width_in * dpi))

# The preview is the same figure at screen resolution; the files are made when downloaded.
preview = cache.cached(
    static_map.map_image,
    store,
    selection=selection,
    fmt="png",
    size=(round(width_in * 100),) * 2,
    dpi=100,
)
st.subheader(f"Map on {stamp}")
st.image(preview, width="stretch")
st.subheader("Timeline")
st.altair_chart(timeline_chart.timeline_figure(store, selection), width="content")

st.subheader("Downloads")
files = brief.downloads(store, selection, size=size, dpi=dpi)
for column, file in zip(st.columns(3) * 3, files, strict=True):
    column.download_button(
        file.label,
        file.data,
        file_name=file.file_name,
        mime=file.mime,
        on_click="ignore",
        width="stretch",
    )
st.caption(
    "From the command line: `zonewatch render map --date "
    f"{stamp} --out map.png`, `zonewatch render timeline --out timeline.png`, "
    f"`zonewatch brief --date {stamp} --out brief/`."
)
