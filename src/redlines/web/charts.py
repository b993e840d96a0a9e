"""Vega-Lite specs built server-side with Altair (rendered in the page by the vendored vega-embed)."""

from __future__ import annotations

import altair as alt

STATUS_COLORS = {
    "permitted": "#2f8f46",
    "restricted": "#c0392b",
    "not_supplied": "#7f8c8d",
    "contested": "#e08e0b",
    "unknown": "#c9ced6",
}
MAX_POINTS = 5000
DECISION_TYPES = ("use_permission", "transfer")


def timeline_spec(entries: list[dict], by: str = "both") -> dict:
    """A dot chart of decisions (permissions, transfers) over time: one row per donor, weapon or both;
    colour = the status it leads to."""
    decisions = [e for e in entries if e.get("date") and e.get("type") in DECISION_TYPES]
    rows = []
    for e in decisions[-MAX_POINTS:]:  # the newest ones when there are too many
        donor, weapon = e.get("actor") or "?", e.get("weapon") or "any weapon"
        row = {"donor": donor, "weapon": weapon, "both": f"{donor} · {weapon}"}[by]
        rows.append({
            "date": e["date"], "row": row, "donor": donor, "weapon": weapon,
            "zones": ", ".join(e.get("zones") or []) or "—", "effect": e.get("effect") or "unknown",
            "what": e.get("summary") or f"{e.get('type')} {e.get('action') or ''}".strip(),
            "sources": e.get("corroboration") or len(e.get("sources") or []), "fact_id": e.get("fact_id") or "",
        })
    scale = alt.Scale(domain=list(STATUS_COLORS), range=list(STATUS_COLORS.values()))
    chart = alt.Chart(alt.Data(values=rows)).mark_point(filled=True, size=150, opacity=0.9, cursor="pointer").encode(
        x=alt.X("date:T", title="fact date", axis=alt.Axis(format="%d %b %Y", labelAngle=0, tickCount=6)),
        y=alt.Y("row:N", title=None, sort="ascending", axis=alt.Axis(labelLimit=260)),
        color=alt.Color("effect:N", scale=scale, legend=alt.Legend(title="leads to", orient="bottom")),
        tooltip=[alt.Tooltip("date:T", format="%Y-%m-%d"), "donor:N", "weapon:N", "zones:N", "effect:N",
                 "what:N", alt.Tooltip("sources:Q", title="sources")],
    )
    n_rows = len({r["row"] for r in rows}) or 1
    chart = chart.properties(width="container", height=max(120, 30 * n_rows)).configure_view(stroke=None)
    return chart.configure_axis(labelFontSize=12, titleFontSize=12, gridColor="#eef0f3").to_dict()
