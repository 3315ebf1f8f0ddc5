"""Each zone's held area over time (km², a step line) with the control changes as marks.

The Altair chart is the timeline page's; the Matplotlib figure is the one in the README
(``python -m zonewatch.exports.area_chart docs/img/zone_areas.png``). Both read the same rows from
:func:`area_frames`, so the page and the figure cannot disagree.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import altair as alt
import pandas as pd

from geo import control
from zonewatch.core.registry import load_registry
from zonewatch.core.territory import area_series

LOSS_COLOUR = "#6b6b6b"
GAIN_COLOUR = "#2a9d8f"
LINE_COLOUR = "#1f6f9f"
DATE_RULE_COLOUR = "#d62828"


def area_frames(frame, start: date, end: date, zones: list[str] | None = None):
    """(series, events): the step line's rows (zone, day, area_km2) and one row per control
    change in [start, end] that changed hands (zone, day, area_km2 after it, place, change,
    source, gain)."""
    if zones:
        frame = frame[frame["id"].isin(zones)]
    series = pd.DataFrame(area_series(frame, start, end), columns=["zone", "day", "area_km2"])
    held = control.vocabulary().held_sides
    ended: dict[str, date] = {}
    for c in control.changes():
        if c.scope == "zone" and c.changes_hands and c.to_side not in held:
            ended.setdefault(c.zone, c.day)
    rows = []
    for c in control.between(start, end):
        if not c.changes_hands or c.zone not in set(series["zone"]):
            continue
        if c.zone in ended and c.day > ended[c.zone]:
            continue  # after the zone's end: it changes the old zone's ground, not the zone
        at = series[(series.zone == c.zone) & (series.day <= c.day)]
        rows.append(
            {
                "zone": c.zone,
                "day": c.day,
                "area_km2": float(at["area_km2"].iloc[-1]) if len(at) else None,
                "place": c.place_en,
                "change": f"{c.kind}: {c.from_side} → {c.to_side}".replace("_", " "),
                "source": c.sources[0],
                "gain": c.to_side in held,
            }
        )
    events = pd.DataFrame(
        rows, columns=["zone", "day", "area_km2", "place", "change", "source", "gain"]
    )
    names = {z: v.name_en for z, v in load_registry().zones.items()}
    for table in (series, events):
        table["zone_name"] = table["zone"].map(names)
        table["day"] = pd.to_datetime(table["day"])
    return series, events


def area_chart(series: pd.DataFrame, events: pd.DataFrame, day: date) -> alt.VConcatChart:
    """One small chart per zone (own y scale: Idlib is sixty times Eastern Ghouta)."""
    charts = []
    for zone, rows in series.groupby("zone", sort=False):
        name = rows["zone_name"].iloc[0]
        base = alt.Chart(rows).encode(
            x=alt.X("day:T", title=None),
            y=alt.Y("area_km2:Q", title="km² held"),
        )
        line = base.mark_line(interpolate="step-after", color=LINE_COLOUR).encode(
            tooltip=[alt.Tooltip("day:T"), alt.Tooltip("area_km2:Q", format=",.0f")]
        )
        marks = (
            alt.Chart(events[events.zone == zone])
            .mark_point(filled=True, size=45)
            .encode(
                x="day:T",
                y="area_km2:Q",
                color=alt.condition("datum.gain", alt.value(GAIN_COLOUR), alt.value(LOSS_COLOUR)),
                tooltip=["day:T", "place:N", "change:N", "source:N"],
            )
        )
        rule = (
            alt.Chart(pd.DataFrame({"day": [pd.Timestamp(day)]}))
            .mark_rule(color=DATE_RULE_COLOUR, strokeWidth=2)
            .encode(x="day:T")
        )
        charts.append((line + marks + rule).properties(title=name, height=120, width="container"))
    return alt.vconcat(*charts).resolve_scale(x="shared")


def area_figure(series: pd.DataFrame, events: pd.DataFrame, out: Path) -> None:
    """The README figure: the four zones' held area, 2017–2020, one panel each, PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    zones = list(dict.fromkeys(series["zone"]))
    fig, axes = plt.subplots(len(zones), 1, figsize=(8, 2.1 * len(zones)), sharex=True)
    for ax, zone in zip(axes, zones, strict=True):
        rows = series[series.zone == zone]
        ax.step(rows["day"], rows["area_km2"], where="post", color=LINE_COLOUR, lw=1.8)
        ev = events[events.zone == zone]
        for gain, colour in ((False, LOSS_COLOUR), (True, GAIN_COLOUR)):
            part = ev[ev.gain == gain]
            ax.scatter(part["day"], part["area_km2"], s=12, color=colour, zorder=3)
        ax.set_title(rows["zone_name"].iloc[0], fontsize=10, loc="left")
        ax.set_ylabel("km² held", fontsize=8)
        ax.set_ylim(0, rows["area_km2"].max() * 1.08)
        ax.grid(alpha=0.3)
        ax.tick_params(labelsize=8)
    axes[-1].set_xlabel("grey dots: places lost; green: retaken by the opposition", fontsize=8)
    fig.suptitle("Area held in each de-escalation zone (registry of control changes)", fontsize=11)
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    """Write the README figure (default ``docs/img/zone_areas.png``) for 2017–2020."""
    from geo import layers

    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path("docs/img/zone_areas.png")
    frame = layers.zones()
    frame = frame[frame["parent"].isna()]
    series, events = area_frames(frame, date(2017, 1, 1), date(2020, 12, 31))
    area_figure(series, events, out)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
