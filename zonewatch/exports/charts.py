"""Altair figures of the coverage timeline, shared by the dashboard and the briefing exports.

Pure functions of DataFrames and a date, so the same figure renders in Streamlit, in a
standalone HTML file and as PNG/SVG; nothing here reads the store.
"""

from __future__ import annotations

import json
from datetime import date

import altair as alt
import pandas as pd

from geo.style import status_styles
from zonewatch.core.html import shorten
from zonewatch.core.timeline import ROW_SEPARATOR

#: Colour and label of each status, from the shared style so one status reads the same on the
#: map, the timeline and the briefing.
STATUS_STYLE: dict[str, dict] = status_styles()
#: The statuses a registry interval is drawn in, in legend order.
INTERVAL_STATUSES = ("agreed", "in_force", "ended")
EVIDENCE_COLOUR = "#1d3557"
DATE_RULE_COLOUR = "#d62828"
#: Room left and right of the data so that an interval starting on the last day still shows.
DOMAIN_MARGIN_DAYS = 45
#: Both stacked charts reserve the same room for their axis labels so their time axes line up.
_LABEL_ROOM = 330
#: Row labels break after the zone, so a zone and a long agreement name both fit that room.
_ROW_AXIS = alt.Axis(
    labelLimit=_LABEL_ROOM - 10,
    minExtent=_LABEL_ROOM,
    maxExtent=_LABEL_ROOM,
    labelExpr=f"split(datum.label, {json.dumps(ROW_SEPARATOR)})",
)
#: Room around the whole figure, in pixels (an object: Streamlit adds to its sides).
_PADDING = {side: 12 for side in ("left", "top", "right", "bottom")}
#: Height of one two-line row.
_ROW_STEP = 36
#: How a corpus claim got its place on the time axis; imprecise and borrowed dates look different.
DATINGS = {
    "day": "the text, to the day",
    "coarse": "the text, to the month or year",
    "publication": "its article's publication date",
}
#: Above this many marks, evidence is drawn per month rather than per day, to keep the chart
#: light in the browser and in exported HTML.
MAX_EVIDENCE_MARKS = 1500


def _legend_labels() -> str:
    """A Vega expression mapping status ids to their labels, so the legend speaks English."""
    pairs = ", ".join(
        f"'{s}': {json.dumps(STATUS_STYLE[s]['label_en'])}" for s in INTERVAL_STATUSES
    )
    return "{" + pairs + "}[datum.value]"


def _rows(intervals: pd.DataFrame, points: pd.DataFrame) -> list[str]:
    """Row order: by zone, then by when the agreement began; corpus-only rows after their zone."""
    ordered = pd.concat([intervals[["row", "order"]], points[["row", "order"]]])
    ordered = ordered.drop_duplicates("row").sort_values("order", kind="stable")
    return ordered["row"].tolist()


def _dating(dated_by: str, precision: str | None) -> str:
    if dated_by != "claim":
        return DATINGS["publication"]
    return DATINGS["day" if precision == "day" else "coarse"]


def evidence_marks(points: pd.DataFrame) -> pd.DataFrame:
    """Claims grouped per row, day and kind of dating (or per month when there are many), with a
    count and one example, so that ten thousand articles make a readable and light chart."""
    columns = ["row", "date", "dating", "count", "example", "title"]
    if points.empty:
        return pd.DataFrame(columns=columns)
    frame = points.assign(
        date=pd.to_datetime(points["date"]),
        dating=[
            _dating(d, p) for d, p in zip(points["dated_by"], points["precision"], strict=True)
        ],
    )
    if frame.groupby(["row", "date"]).ngroups > MAX_EVIDENCE_MARKS:
        frame = frame.assign(date=frame["date"].dt.to_period("M").dt.to_timestamp())
    grouped = frame.groupby(["row", "date", "dating"], as_index=False).agg(
        count=("article_id", "size"),
        example=("evidence", "first"),
        title=("title", "first"),
    )
    grouped["example"] = grouped["example"].fillna("").astype(str).str.slice(0, 200)
    grouped["title"] = grouped["title"].map(shorten)
    return grouped


def _interval_bars(intervals: pd.DataFrame, y, x_scale, low, high) -> alt.Chart:
    """Registry intervals as bars coloured by status; open ends run to the edge of the axis."""
    bars_data = intervals.assign(
        start=intervals["start"].clip(lower=low, upper=high),
        end=intervals["end"].fillna(high).clip(lower=low, upper=high),
        label=intervals["status"].map(lambda s: STATUS_STYLE[s]["label_en"]),
    )
    return (
        alt.Chart(bars_data)
        .mark_bar(height=14)
        .encode(
            x=alt.X("start:T", scale=x_scale, title=None, axis=alt.Axis(format="%Y-%m")),
            x2="end:T",
            y=y,
            color=alt.Color(
                "status:N",
                scale=alt.Scale(
                    domain=list(INTERVAL_STATUSES),
                    range=[STATUS_STYLE[s]["fill"] for s in INTERVAL_STATUSES],
                ),
                legend=alt.Legend(title="Registry interval", labelExpr=_legend_labels()),
            ),
            # An ended interval stays visible but recedes behind what is current.
            opacity=alt.Opacity(
                "status:N",
                scale=alt.Scale(domain=list(INTERVAL_STATUSES), range=[0.95, 0.95, 0.35]),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("row:N", title="Zone · agreement"),
                alt.Tooltip("label:N", title="Status"),
                alt.Tooltip("start:T", title="From", format="%Y-%m-%d"),
                alt.Tooltip("end:T", title="To", format="%Y-%m-%d"),
                alt.Tooltip("relation:N", title="Relation"),
            ],
        )
    )


def _evidence_points(points: pd.DataFrame, y, x_scale) -> alt.Chart:
    """Corpus claims on the same rows, sized by count and shaped by how the text dates them."""
    marks = evidence_marks(points)
    most = int(marks["count"].max()) if len(marks) else 1
    return (
        alt.Chart(marks)
        .mark_point(filled=True, opacity=0.9, stroke="white", strokeWidth=0.5)
        .encode(
            x=alt.X("date:T", scale=x_scale),
            y=y,
            size=alt.Size(
                "count:Q",
                scale=alt.Scale(domain=[1, most], range=[50, 260]),
                legend=alt.Legend(title="Claims", values=sorted({1, most}), format="d"),
            ),
            shape=alt.Shape(
                "dating:N",
                scale=alt.Scale(
                    domain=list(DATINGS.values()), range=["diamond", "square", "circle"]
                ),
                legend=alt.Legend(
                    title="Corpus claims, dated by",
                    symbolSize=120,
                    direction="vertical",
                    labelLimit=320,
                ),
            ),
            color=alt.value(EVIDENCE_COLOUR),
            tooltip=[
                alt.Tooltip("row:N", title="Zone · agreement"),
                alt.Tooltip("date:T", title="Date", format="%Y-%m-%d"),
                alt.Tooltip("dating:N", title="Dated by"),
                alt.Tooltip("count:Q", title="Claims"),
                alt.Tooltip("title:N", title="Article"),
                alt.Tooltip("example:N", title="Evidence"),
            ],
        )
    )


def _date_rule(day: date, x_scale) -> list[alt.Chart]:
    """The chosen date as a red rule with its label."""
    rule_data = pd.DataFrame({"date": [pd.Timestamp(day)], "label": [day.isoformat()]})
    rule = (
        alt.Chart(rule_data)
        .mark_rule(color=DATE_RULE_COLOUR, strokeWidth=2)
        .encode(x=alt.X("date:T", scale=x_scale))
    )
    label = (
        alt.Chart(rule_data)
        .mark_text(align="left", dx=4, dy=-6, color=DATE_RULE_COLOUR, fontWeight="bold")
        .encode(x=alt.X("date:T", scale=x_scale), y=alt.value(0), text="label:N")
    )
    return [rule, label]


def timeline_chart(
    intervals: pd.DataFrame,
    points: pd.DataFrame,
    day: date,
    domain: tuple[date, date],
    monthly: pd.DataFrame | None = None,
    width: int = 600,
    title: str | None = None,
) -> alt.TopLevelMixin:
    """Agreement × zone rows: registry intervals as bars coloured by status, corpus claims as
    diamonds on the same rows, a red rule at ``day``; with ``monthly`` (columns period, count) a
    strip of monthly corpus volume shares the time axis underneath.

    ``intervals`` and ``points`` are :func:`zonewatch.core.timeline.registry_intervals` and
    :func:`zonewatch.store.queries.corpus_points` (filtered as wanted); open ends are drawn to
    the end of ``domain``."""
    low = pd.Timestamp(domain[0]) - pd.Timedelta(days=DOMAIN_MARGIN_DAYS)
    high = pd.Timestamp(domain[1]) + pd.Timedelta(days=DOMAIN_MARGIN_DAYS)
    x_scale = alt.Scale(domain=[low.isoformat(), high.isoformat()])
    # a day outside the domain would be drawn far off the chart, and the image sized to hold it
    shown = day if low <= pd.Timestamp(day) <= high else None
    rows = _rows(intervals, points)
    y = alt.Y("row:N", sort=rows, title=None, axis=_ROW_AXIS)
    height = max(60, _ROW_STEP * len(rows))
    chart = alt.layer(
        _interval_bars(intervals, y, x_scale, low, high),
        _evidence_points(points, y, x_scale),
        *(_date_rule(shown, x_scale) if shown else []),
    ).properties(width=width, height=height)
    if monthly is not None:
        chart = alt.vconcat(chart, _monthly_strip(monthly, shown, x_scale, width))
    if title:
        chart = chart.properties(title=title)
    # Legends above the rows, where they do not steal width from the time axis; a caller may
    # configure them elsewhere (the briefing puts them under the figure).
    # The padding keeps a legend wider than the plot from touching the image's edge.
    return (
        chart.resolve_scale(color="independent", shape="independent", size="independent")
        .properties(padding=_PADDING)
        .configure_legend(orient="top")
    )


def _monthly_strip(
    monthly: pd.DataFrame, day: date | None, x_scale: alt.Scale, width: int
) -> alt.LayerChart:
    data = monthly.assign(period=pd.to_datetime(monthly["period"]))
    bars = (
        alt.Chart(data)
        .mark_bar(color=EVIDENCE_COLOUR, opacity=0.7)
        .encode(
            x=alt.X(
                "yearmonth(period):T", scale=x_scale, title=None, axis=alt.Axis(format="%Y-%m")
            ),
            y=alt.Y(
                "sum(count):Q",
                title="Mentions / month",
                # Level, above the strip's top left corner, rather than turned at the far left
                # edge of the room kept for the row labels.
                axis=alt.Axis(
                    minExtent=_LABEL_ROOM,
                    maxExtent=_LABEL_ROOM,
                    tickMinStep=1,
                    titleAngle=0,
                    titleAlign="left",
                    titleBaseline="bottom",
                    titleX=0,
                    titleY=-8,
                ),
            ),
            tooltip=[
                alt.Tooltip("yearmonth(period):T", title="Month"),
                alt.Tooltip("sum(count):Q", title="Mentions"),
            ],
        )
    )
    rule = (
        alt.Chart(pd.DataFrame({"date": [pd.Timestamp(day)]}))
        .mark_rule(color=DATE_RULE_COLOUR, strokeWidth=2)
        .encode(x=alt.X("date:T", scale=x_scale))
    )
    return alt.layer(bars, *([rule] if day else [])).properties(width=width, height=90)
