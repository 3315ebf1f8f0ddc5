"""The Evidence page's "Remove this article": a removal with a confirmation step.

Removal cannot be undone from the dashboard (the article comes back only by ingesting it again),
so the first click asks, and the answer is given by name. Hidden when the dashboard is read-only.
"""

from __future__ import annotations

import streamlit as st

from zonewatch.core.html import markdown_text
from zonewatch.store.dataset import Store
from zonewatch.store.removal import remove_articles

REMOVING = "ev_removing"
REMOVED = "ev_removed"


def report() -> None:
    """Say what the last removal did (it reran the page, so the message waits in the session)."""
    if REMOVED in st.session_state:
        st.success(markdown_text(st.session_state.pop(REMOVED)))


def confirm_button(store: Store, article_id: str, title: str) -> None:
    """ "Remove this article", then "Yes, remove it" / "Keep it"."""
    if st.session_state.get(REMOVING) != article_id:
        if st.button("Remove this article", key="ev_remove"):
            st.session_state[REMOVING] = article_id
            st.rerun()
        return
    st.warning(markdown_text(f"Remove “{title}” and its claims from the store?"))
    yes, no = st.columns(2)
    if yes.button("Yes, remove it", type="primary", key="ev_remove_yes"):
        remove_articles(store, {article_id})
        st.session_state.pop(REMOVING, None)
        st.session_state[REMOVED] = f"Removed: {title}"
        st.rerun()
    if no.button("Keep it", key="ev_remove_no"):
        st.session_state.pop(REMOVING, None)
        st.rerun()
