"""Ingest page: paste or upload articles, see what the extractor finds, save on request."""

from datetime import date

import pandas as pd
import streamlit as st

from zonewatch.core.html import markdown_text
from zonewatch.core.settings import read_only
from zonewatch.dashboard import cache, highlight, sidebar
from zonewatch.ingest import submission
from zonewatch.ingest.readers import SUPPORTED_SUFFIXES
from zonewatch.ingest.run import ingest_records
from zonewatch.store.dataset import StoreError

PENDING = "ing_pending"
FOUND = "ing_found"
SAVED = "ing_saved"
sidebar.ensure_app()
store = cache.current_store()

st.title("Ingest")
if read_only():
    st.info("This dashboard is read-only (ZONEWATCH_READONLY): articles are added by its keeper.")
    st.stop()
for kind, message in st.session_state.pop(SAVED, []):
    (st.success if kind == "ok" else st.error)(markdown_text(message))
paste_tab, upload_tab = st.tabs(["Paste text", "Upload files"])

with paste_tab, st.form("ing_paste"):
    title = st.text_input("Title", key="ing_title")
    left, right = st.columns(2)
    source = left.text_input("Source", key="ing_source")
    url = right.text_input("URL", key="ing_url")
    published = left.date_input(
        "Publication date",
        value=None,
        min_value=submission.EARLIEST_DAY,
        max_value=date.today(),
        format="YYYY-MM-DD",
        key="ing_published",
    )
    language = right.radio("Language", ["auto", "ar", "en"], horizontal=True, key="ing_language")
    text = st.text_area("Article text", height=260, key="ing_text")
    if st.form_submit_button("Extract"):
        try:
            st.session_state[PENDING] = [
                submission.pasted_record(text, title, source, url, published, language)
            ]
        except submission.SubmissionError as exc:
            st.session_state.pop(PENDING, None)
            st.error(markdown_text(exc))

with upload_tab:
    files = st.file_uploader(
        f"Article files ({', '.join(sorted(SUPPORTED_SUFFIXES))}); up to "
        f"{submission.MAX_UPLOAD_MB} MB each",
        type=sorted(s.lstrip(".") for s in SUPPORTED_SUFFIXES),
        accept_multiple_files=True,
        key="ing_files",
    )
    upload_day = st.date_input(
        "Publication date for files that carry none",
        value=None,
        min_value=submission.EARLIEST_DAY,
        max_value=date.today(),
        format="YYYY-MM-DD",
        key="ing_upload_day",
    )
    if st.button("Extract uploaded files", disabled=not files, key="ing_extract_files"):
        records, skipped = submission.uploaded_records(
            ((f.name, f.getvalue()) for f in files), upload_day
        )
        for item in skipped:
            st.error(markdown_text(f"{item.where}: {item.reason}"))
        if records:
            st.session_state[PENDING] = records
        else:
            st.session_state.pop(PENDING, None)

pending = st.session_state.get(PENDING)
# Each pending article is read once, not again on every click while its preview is shown.
cached = st.session_state.get(FOUND)
if cached is None or cached[0] is not pending:
    cached = st.session_state[FOUND] = (pending, {})
previews = cached[1]
if pending:
    st.subheader(
        f"Extraction ({len(pending)} article{'s' if len(pending) != 1 else ''}, not saved yet)"
    )
    for i, record in enumerate(pending[: submission.MAX_PREVIEW_ARTICLES]):
        found = previews.get(i)
        if found is None:  # each article is read once, also when it fails
            try:
                found = submission.extraction(record)
            except submission.ExtractionFailed as exc:
                found = exc
            previews[i] = found
        if isinstance(found, submission.ExtractionFailed):
            st.error(markdown_text(found))
            continue
        with st.container(border=True):
            ids = {
                k: " ".join(f"`{i}`" for i in found[k]) or "none" for k in ("zones", "agreements")
            }
            st.markdown(
                f"**Language** `{found['language']}` · **Zones** {ids['zones']} · "
                f"**Agreements** {ids['agreements']}"
            )
            st.html(highlight.article_html({**record, **found, "language": found["language"]}))
            if found["coverage"]:
                st.dataframe(pd.DataFrame(found["coverage"]), hide_index=True, width="stretch")
            else:
                st.caption("No agreement–zone link found in this text.")
    if len(pending) > submission.MAX_PREVIEW_ARTICLES:
        st.caption(
            f"…and {len(pending) - submission.MAX_PREVIEW_ARTICLES} more, saved with the others."
        )
    save, discard = st.columns(2)
    if save.button("Save to the store", type="primary", key="ing_save"):
        try:
            report = ingest_records(store, pending)
        except (StoreError, OSError, ValueError) as exc:
            st.error(markdown_text(f"Nothing was saved: {exc}"))
        else:
            # Rerun so that the sidebar's bounds and counts include what was just saved.
            st.session_state.pop(PENDING, None)
            st.session_state[SAVED] = [
                ("ok", f"Saved: {report.new} new, {report.duplicate} already in the store."),
                *(("error", f"{where}: {reason}") for where, reason in report.skipped),
            ]
            st.rerun()
    if discard.button("Discard", key="ing_discard"):
        st.session_state.pop(PENDING, None)
        st.rerun()
