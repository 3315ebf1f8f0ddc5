"""Map page: zones coloured by their status on the chosen date, a layer per agreement, evidence
in the popups, and the zone table under it."""

import html
from functools import partial

import streamlit as st
from streamlit_folium import st_folium

from geo.webmap import BASEMAP_LABELS, build_map
from geo.webmap_popups import CAVEAT_AR, CAVEAT_EN
from zonewatch.dashboard import cache, map_events, offline, sidebar
from zonewatch.exports import territory_map, zone_summary

MAP_KEY = "zw_map"

store = cache.current_store()
view = sidebar.current()
info = cache.cached(zone_summary.zone_info, store, day=view.day, agreements=view.agreements)

st.title("Map")
st.caption(
    f"De-escalation zones on {view.day.isoformat()}, coloured by the reference registry's status"
    + (" under the chosen agreements" if view.agreements else "")
    + ". Each zone is drawn at its extent on that date; ground lost since its agreement took "
    "effect is hatched grey (hover for the place and date, click for the sources), the red dashed "
    "line is the front. Hover for a summary, click a zone for its agreements and evidence (and to "
    "select it for the other pages); the layers button lists one layer per agreement."
)

left, right = st.columns([5, 2], gap="medium")
with right:
    basemap = st.selectbox(
        "Basemap", options=list(BASEMAP_LABELS), format_func=BASEMAP_LABELS.get, key="zw_basemap"
    )
    if view.zones:
        st.caption("Selected: " + ", ".join(info[z]["name_en"] for z in view.zones if z in info))
        st.button("Clear the zone selection", on_click=sidebar.select, kwargs={"zones": []})
    if not cache.counts(store)["articles"]:
        st.info(
            "No articles yet: the colours come from the reference registry alone. Add articles on the Ingest page to see their evidence here."
        )
    if any(entry["approximate"] for entry in info.values()):
        st.caption(CAVEAT_EN)
        st.markdown(
            f'<div dir="rtl" lang="ar" style="font-size:.85em">{html.escape(CAVEAT_AR)}</div>',
            unsafe_allow_html=True,
        )

fmap = offline.serve_from_app(
    build_map(
        territory_map.web_territory(store, view.day),
        info,
        basemap,
        day=view.day,
        claims=cache.cached(territory_map.control_claims, store),
    )
)
with left:
    st_folium(
        fmap,
        key=MAP_KEY,
        height=620,
        use_container_width=True,
        returned_objects=["last_active_drawing"],
        on_change=partial(map_events.select_clicked_zone, MAP_KEY),
    )

# The table goes under the map, at full width, so that every column shows.
st.subheader(f"Zones on {view.day.isoformat()}")
st.dataframe(
    zone_summary.status_table(info),
    hide_index=True,
    width="stretch",
    column_config={"zone": None, "status": None},
)
