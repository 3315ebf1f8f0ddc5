"""The questions the dashboard and the command line ask of the store, answered as DataFrames.

Every function takes the store first and runs SQL on its DuckDB views; the connection is cached
per store (see :meth:`Store.connect`), so an answer on a 20,000-article store takes milliseconds.
A claim's effective date is its own resolved date where the text gives one, else the article's
publication date. Date columns come back as pandas ``datetime64`` (what DuckDB gives), in every
function alike, so that frames can be concatenated and charted without conversions.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from zonewatch.core import timeline
from zonewatch.core.dates import parse_day
from zonewatch.core.registry import load_registry
from zonewatch.store.dataset import Store

COVERAGE_COLUMNS = [
    "agreement",
    "zone",
    "status",
    "agreed",
    "start",
    "end",
    "relation",
    "evidence_count",
    "origin",
]
#: Status of a corpus row in :func:`coverage_at`: the corpus says so, the registry does not.
CLAIMED = "claimed"
#: The claims reduced to what coverage needs: one row per article and (agreement, zone) link with
#: the first date the article gives it, the last date it says the link ended and its commonest
#: relation. Built once per store state (see :meth:`Store.connect`), so that moving the date
#: slider does not rescan the parts.
CLAIM_LINKS = {
    "claim_links": """
        SELECT c.agreement, c.agreement_text, c.zone, c.article_id,
               min(coalesce(c.date, a.published)) AS first_day,
               max(CASE WHEN c.relation = 'ends' THEN coalesce(c.date, a.published) END) AS end_day,
               mode(c.relation) AS relation
        FROM claims c JOIN articles a USING (article_id)
        WHERE c.zone IS NOT NULL
        GROUP BY ALL
    """
}
#: Characters shown either side of a mention that has no evidence sentence of its own.
CONTEXT_CHARS = 150


def coverage_at(store: Store, day: date | str) -> pd.DataFrame:
    """Every registry interval with its status on ``day`` and how many articles back it, plus the
    (agreement, zone) links the corpus states by that day that the registry does not have.

    ``evidence_count`` counts distinct articles with a claim linking that agreement and zone (any
    relation, any date): the analyst wants to see who said so, also after the fact.
    ``origin`` is 'registry' or 'corpus'; corpus rows have status 'claimed', ``agreed`` and
    ``start`` the first date the corpus gives for the link, ``end`` the last date of an 'ends'
    claim, and keep unknown agreements (``agreement`` null) under their surface text.
    """
    when = parse_day(day, "date")
    if when is None:
        raise ValueError("date: a date is required")
    con = store.connect(CLAIM_LINKS)
    counts = {
        (a, z): n
        for a, z, n in con.execute(
            "SELECT agreement, zone, count(*) FROM claim_links WHERE agreement IS NOT NULL GROUP BY ALL"
        ).fetchall()
    }
    rows: list[dict[str, Any]] = []
    known = set()
    for cov, status in load_registry().coverage_on(when):
        known.add((cov.agreement, cov.zone))
        rows.append(
            {
                "agreement": cov.agreement,
                "zone": cov.zone,
                "status": status,
                "agreed": cov.agreed,
                "start": cov.start,
                "end": cov.end,
                "relation": cov.relation,
                "evidence_count": counts.get((cov.agreement, cov.zone), 0),
                "origin": "registry",
            }
        )
    corpus = con.execute(
        """
        SELECT coalesce(agreement, agreement_text) AS agreement, agreement IS NULL AS unknown,
               zone, min(first_day) AS first, max(CASE WHEN end_day <= $day THEN end_day END) AS ended,
               mode(relation) AS relation, count(*) AS n
        FROM claim_links
        WHERE first_day <= $day
        GROUP BY ALL ORDER BY 1, 3
        """,
        {"day": when},
    ).fetchall()
    for agreement, unknown, zone, first, ended, relation, n in corpus:
        if not unknown and (agreement, zone) in known:
            continue
        rows.append(
            {
                "agreement": None if unknown else agreement,
                "agreement_text": agreement if unknown else None,
                "zone": zone,
                "status": CLAIMED,
                "agreed": first,
                "start": first,
                "end": ended,
                "relation": relation,
                "evidence_count": int(n),
                "origin": "corpus",
            }
        )
    frame = pd.DataFrame(rows, columns=[*COVERAGE_COLUMNS, "agreement_text"])
    for column in ("agreed", "start", "end"):
        frame[column] = pd.to_datetime(frame[column])
    frame["evidence_count"] = frame["evidence_count"].astype("int64")
    return frame


def evidence(
    store: Store,
    zone: str | None = None,
    agreement: str | None = None,
    start: date | str | None = None,
    end: date | str | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """Claims with their article, newest evidence last; ``zone`` includes its finer areas and
    ``start``/``end`` bound the claim's effective date (both inclusive)."""
    where, params = ["TRUE"], []
    if zone:
        family = load_registry().with_finer([zone])
        where.append(f"c.zone IN ({', '.join('?' * len(family))})")
        params += family
    if agreement:
        where.append("c.agreement = ?")
        params.append(agreement)
    if (first := parse_day(start, "start")) is not None:
        where.append("coalesce(c.date, a.published) >= ?")
        params.append(first)
    if (last := parse_day(end, "end")) is not None:
        where.append("coalesce(c.date, a.published) <= ?")
        params.append(last)
    sql = f"""
        SELECT c.article_id, a.title, a.source, a.url, a.published, a.language,
               c.agreement, c.agreement_text, c.zone, c.relation, c.date, c.date_precision,
               c.sentence, c.evidence, c.start, c."end"
        FROM claims c JOIN articles a USING (article_id)
        WHERE {" AND ".join(where)}
        ORDER BY coalesce(c.date, a.published) NULLS LAST, c.article_id, c.start
    """
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return store.connect().execute(sql, params).df()


def mention_counts(store: Store, freq: str = "month", kind: str | None = None) -> pd.DataFrame:
    """Mentions per publication period (``freq``: day, week, month, quarter or year) and id."""
    if freq not in ("day", "week", "month", "quarter", "year"):
        raise ValueError(f"freq: {freq!r} is not one of day, week, month, quarter, year")
    where, params = "a.published IS NOT NULL", []
    if kind:
        where += " AND m.kind = ?"
        params.append(kind)
    return (
        store.connect()
        .execute(
            f"""
            SELECT CAST(date_trunc('{freq}', a.published) AS DATE) AS period, m.kind, m.id,
                   count(*) AS count
            FROM mentions m JOIN articles a USING (article_id)
            WHERE {where}
            GROUP BY ALL ORDER BY period, m.kind, m.id
            """,
            params,
        )
        .df()
    )


def articles(
    store: Store,
    zone: str | None = None,
    agreement: str | None = None,
    language: str | None = None,
    search: str | None = None,
    start: date | str | None = None,
    end: date | str | None = None,
) -> pd.DataFrame:
    """Articles matching every filter given, newest first; ``search`` looks in title and text."""
    where, params = ["TRUE"], []
    if zone:
        where.append("list_contains(zones, ?)")
        params.append(zone)
    if agreement:
        where.append("list_contains(agreements, ?)")
        params.append(agreement)
    if language:
        where.append("language = ?")
        params.append(language)
    if search:
        where.append("(contains(lower(title), lower(?)) OR contains(lower(text), lower(?)))")
        params += [search, search]
    if (first := parse_day(start, "start")) is not None:
        where.append("published >= ?")
        params.append(first)
    if (last := parse_day(end, "end")) is not None:
        where.append("published <= ?")
        params.append(last)
    return (
        store.connect()
        .execute(
            f"""
            SELECT article_id, title, source, published, language, zones, agreements
            FROM articles WHERE {" AND ".join(where)}
            ORDER BY published DESC NULLS LAST, article_id
            """,
            params,
        )
        .df()
    )


def article(store: Store, article_id: str) -> dict[str, Any]:
    """One article with all its columns, its ``mentions`` and its ``claims`` (lists of dicts), as
    plain Python values (``published`` a date, ``zones`` a list)."""
    con = store.connect()
    found = _dicts(con.execute("SELECT * FROM articles WHERE article_id = ?", [article_id]))
    if not found:
        raise KeyError(article_id)
    row = found[0]
    for name, order in (("mentions", 'start, "end"'), ("claims", "start, zone")):
        row[name] = _dicts(
            con.execute(
                f"SELECT * EXCLUDE (article_id) FROM {name} WHERE article_id = ? ORDER BY {order}",
                [article_id],
            )
        )
    return row


def _dicts(result: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in result.description]
    return [dict(zip(names, values, strict=True)) for values in result.fetchall()]


def unknown_agreements(store: Store) -> pd.DataFrame:
    """Agreement mentions the registry does not know, with their sentence as evidence where the
    extractor linked one, else the text around the mention."""
    return (
        store.connect()
        .execute(
            f"""
            SELECT m.article_id, m.text, m.sentence,
                   coalesce(
                       (SELECT any_value(c.evidence) FROM claims c
                        WHERE c.article_id = m.article_id AND c.agreement IS NULL
                          AND c.sentence = m.sentence),
                       substr(a.text, greatest(m.start - {CONTEXT_CHARS}, 0) + 1,
                              m."end" + {CONTEXT_CHARS} - greatest(m.start - {CONTEXT_CHARS}, 0))
                   ) AS evidence
            FROM mentions m JOIN articles a USING (article_id)
            WHERE m.kind = 'agreement' AND m.id IS NULL
            ORDER BY a.published NULLS LAST, m.article_id, m.start
            """
        )
        .df()
    )


def published_range(store: Store) -> tuple[date, date] | None:
    """First and last publication date in the corpus, or None for an empty store: with the
    registry's dates, the span a date picker or a timeline covers."""
    row = store.connect().execute("SELECT min(published), max(published) FROM articles").fetchone()
    return None if row is None or row[0] is None else (row[0], row[1])


# -- the timeline's corpus side --------------------------------------------------------------


def corpus_points(store) -> pd.DataFrame:
    """Timeline points for every claim in the store."""
    return timeline.points_from_claims(evidence(store), load_registry())


def disagreements(store) -> pd.DataFrame:
    """Where the corpus in ``store`` and the registry disagree."""
    return timeline.find_disagreements(corpus_points(store), load_registry())
