// Timeline page: fetch the Altair-built Vega-Lite spec and render it with the vendored vega-embed
// (expression interpreter instead of eval, so the strict Content-Security-Policy holds).
(function () {
  "use strict";
  const box = document.getElementById("timeline-chart");
  const status = document.getElementById("chart-status");
  document.querySelectorAll("#timeline-controls select").forEach((s) =>
    s.addEventListener("change", () => s.form.submit()));
  fetch(box.dataset.src, { headers: { Accept: "application/json" } })
    .then((r) => { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then((spec) => {
      const n = ((spec.data || {}).values || []).length;
      if (!n) { status.textContent = "No dated decisions to chart."; return null; }
      return window.vegaEmbed(box, spec, {
        renderer: "svg", actions: false, ast: true, expr: window.vega.expressionInterpreter,
        defaultStyle: false, tooltip: false,
      }).then((result) => {
        result.view.addEventListener("click", (_event, item) => {
          const id = item && item.datum && item.datum.fact_id;
          if (id) window.location.href = "/facts/" + encodeURIComponent(id);
        });
        box.dataset.rendered = "true";
        status.textContent = n + " decisions · click a dot for its evidence";
      });
    })
    .catch((e) => { status.textContent = "Could not draw the chart (" + e.message + ")."; });
})();
