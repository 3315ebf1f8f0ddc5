"""Evidence page: the articles, one article read with its mentions marked, the claims, and the
agreements the registry does not know."""

import streamlit as st

from zonewatch.core import viewfilter
from zonewatch.core.html import shorten
from zonewatch.core.registry import load_registry
from zonewatch.core.settings import read_only
from zonewatch.core.spreadsheet import frame_csv
from zonewatch.dashboard import cache, highlight, removal, sidebar
from zonewatch.store import queries

registry = load_registry()
store = cache.current_store()
view = sidebar.current()

st.title("Evidence")
removal.report()
if cache.counts(store)["articles"] == 0:
    st.info(
        "The store is empty. Add articles on the Ingest page, or with `zonewatch ingest FILES`."
    )
else:
    first, last = cache.corpus_range(store)
    left, middle, right = st.columns([1, 2, 2])
    language = left.selectbox(
        "Language",
        ["all", "ar", "en"],
        format_func={"all": "All", "ar": "Arabic", "en": "English"}.get,
        key="ev_language",
    )
    search = middle.text_input("Search titles and text", key="ev_search")
    span = right.date_input(
        "Published between",
        value=(first, last),
        min_value=first,
        max_value=last,
        format="YYYY-MM-DD",
        key="ev_span",
    )
    start, end = (span[0], span[-1]) if span else (first, last)

    articles = cache.cached(
        queries.articles,
        store,
        language=None if language == "all" else language,
        search=search.strip() or None,
        start=start,
        end=end,
    )
    articles = viewfilter.articles_in_view(articles, registry, view.agreements, view.zones)
    st.caption(
        f"{len(articles)} of {cache.counts(store)['articles']} articles match the filters "
        "(zones and agreements come from the sidebar)."
    )
    shown = articles[["title", "source", "published", "language", "zones", "agreements"]].copy()
    shown["title"] = shown["title"].map(shorten, na_action="ignore")
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config={"published": st.column_config.DateColumn(format="YYYY-MM-DD")},
    )

    st.subheader("Read an article")
    if articles.empty:
        st.info("No article matches the filters.")
    else:
        titles = dict(
            zip(
                articles["article_id"],
                articles["title"].fillna("(untitled)").map(shorten),
                strict=True,
            )
        )
        chosen = st.selectbox("Article", list(titles), format_func=titles.get, key="ev_article")
        doc = cache.cached(queries.article, store, article_id=chosen)
        st.html(highlight.article_html(doc))
        if not read_only():
            removal.confirm_button(store, chosen, titles[chosen])

    st.subheader("Claims")
    claims = viewfilter.of_articles(cache.cached(queries.evidence, store), articles)
    claims = viewfilter.rows_in_view(claims, registry, view.agreements, view.zones)
    st.dataframe(
        claims.drop(columns=["article_id"]),
        hide_index=True,
        width="stretch",
        column_config={
            "published": st.column_config.DateColumn(format="YYYY-MM-DD"),
            "date": st.column_config.DateColumn("claim date", format="YYYY-MM-DD"),
        },
    )
    st.download_button(
        "Download claims (CSV)",
        data=frame_csv(claims).encode("utf-8-sig"),
        file_name="zonewatch-claims.csv",
        mime="text/csv",
        disabled=claims.empty,
    )

    st.subheader("Agreements the registry does not know")
    unknown = cache.cached(queries.unknown_agreements, store)
    unknown = viewfilter.of_articles(unknown, articles)
    if unknown.empty:
        st.success("Every agreement these articles name is in the registry.")
    else:
        st.dataframe(unknown, hide_index=True, width="stretch")
