"""Zonewatch dashboard: `streamlit run app.py`.

Opens the store in the data folder ($ZONEWATCH_DATA or the user data dir), loads the bundled demo
articles into it on first start, draws the shared sidebar (date, agreements, zones; mirrored in
the URL) and runs the chosen page.
"""

import streamlit as st

from zonewatch.core.registry import load_registry
from zonewatch.core.settings import read_only
from zonewatch.dashboard import cache, sidebar
from zonewatch.store.dataset import StoreError

#: (file, title, icon); the first is the default page.
PAGES = [
    ("pages/map.py", "Map", ":material/map:"),
    ("pages/timeline.py", "Timeline", ":material/timeline:"),
    ("pages/evidence.py", "Evidence", ":material/article:"),
    ("pages/ingest.py", "Ingest", ":material/upload_file:"),
    ("pages/briefing.py", "Briefing", ":material/picture_as_pdf:"),
]

#: Hidden when the dashboard is shared read-only (ZONEWATCH_READONLY=1).
INGEST_PAGE = "pages/ingest.py"

st.set_page_config(page_title="Zonewatch", page_icon="🗺️", layout="wide")

try:
    store = cache.current_store()
    if not read_only():
        cache.first_start(store)
except (StoreError, OSError) as exc:
    st.error(f"Cannot open the data folder: {exc}")
    st.stop()

navigation = st.navigation(
    [
        st.Page(path, title=title, icon=icon, default=i == 0)
        for i, (path, title, icon) in enumerate(PAGES)
        if not (read_only() and path == INGEST_PAGE)
    ]
)

registry = load_registry()
sidebar.render(registry, sidebar.view_bounds(registry, cache.corpus_range(store)))
st.sidebar.caption(f"{cache.counts(store)['articles']} articles · data in `{store.root}`")

navigation.run()
