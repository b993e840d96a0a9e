// Matrix page: fetch /api/matrix for the chosen date and render it with textContent only (data is untrusted).
(function () {
  "use strict";
  const form = document.getElementById("matrix-controls");
  const zoneSel = document.getElementById("zone");
  const dateIn = document.getElementById("as-of");
  const slider = document.getElementById("as-of-slider");
  const table = document.getElementById("matrix");
  const statusLine = document.getElementById("matrix-status");
  const panel = document.getElementById("evidence-panel");
  const knownOnly = document.getElementById("known-only");
  const DAY = 86400000;
  let data = null;
  let pending = 0;

  const toDay = (s) => Date.parse(s + "T00:00:00Z");
  const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
  const minDay = toDay(form.dataset.min);
  const maxDay = Math.max(toDay(form.dataset.max), toDay(dateIn.value));
  slider.max = String(Math.max(0, Math.round((maxDay - minDay) / DAY)));

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function weaponLabel(w) {
    const i = w.indexOf(":");
    if (i < 0) return [w, ""];
    const kind = w.slice(0, i), name = w.slice(i + 1).replace(/_/g, " ");
    return kind === "origin" ? [name + "-supplied", "origin"] : [name, kind];
  }

  function syncSlider() {
    const d = toDay(dateIn.value);
    if (!isNaN(d)) slider.value = String(Math.round((d - minDay) / DAY));
  }

  function render() {
    const zone = zoneSel.value;
    const cells = new Map();
    const donors = [], weapons = [];
    const seenD = new Set(), seenW = new Set();
    for (const c of data.cells) {
      cells.set(c.donor + "\u0000" + c.weapon + "\u0000" + c.zone, c);
      if (!seenD.has(c.donor)) { seenD.add(c.donor); donors.push(c.donor); }
      if (!seenW.has(c.weapon)) { seenW.add(c.weapon); weapons.push(c.weapon); }
    }
    const known = (d, w) => { const c = cells.get(d + "\u0000" + w + "\u0000" + zone); return c && c.status !== "unknown"; };
    const allD = donors.length, allW = weapons.length;
    if (knownOnly.checked) {
      donors.splice(0, donors.length, ...donors.filter((d) => weapons.some((w) => known(d, w))));
      weapons.splice(0, weapons.length, ...weapons.filter((w) => donors.some((d) => known(d, w))));
    }
    donors.sort((a, b) => a.localeCompare(b));
    weapons.sort((a, b) => (a.includes(":") - b.includes(":")) || a.localeCompare(b));
    table.replaceChildren();
    const thead = el("thead"), hr = el("tr");
    hr.appendChild(el("th", "corner", "Donor \\ weapon"));
    for (const w of weapons) {
      const [name, kind] = weaponLabel(w);
      const th = el("th", "weapon-head");
      th.scope = "col";
      th.appendChild(el("span", "wname", name));
      if (kind) th.appendChild(el("span", "wkind", kind));
      hr.appendChild(th);
    }
    thead.appendChild(hr);
    table.appendChild(thead);
    const tbody = el("tbody");
    for (const d of donors) {
      const tr = el("tr");
      const th = el("th", "donor", d);
      th.scope = "row";
      tr.appendChild(th);
      for (const w of weapons) {
        const c = cells.get(d + "\u0000" + w + "\u0000" + zone);
        if (!c) { tr.appendChild(el("td", "cell empty", "")); continue; }
        const td = el("td", "cell st-" + c.status);
        td.dataset.donor = d; td.dataset.weapon = w; td.dataset.zone = zone; td.dataset.status = c.status;
        const b = el("button", "cell-btn");
        b.type = "button";
        b.appendChild(el("span", "st", c.status.replace("_", " ")));
        if (c.since) b.appendChild(el("span", "since", c.since));
        b.title = d + " · " + w + " · " + zone + ": " + c.status + (c.since ? " since " + c.since : "");
        b.addEventListener("click", () => openPanel(d, w, zone, td));
        td.appendChild(b);
        tr.appendChild(td);
      }
      tbody.appendChild(tr);
    }
    table.appendChild(tbody);
    const plural = (n, word) => n + " " + word + (n === 1 ? "" : "s");
    const hiddenD = allD - donors.length, hiddenW = allW - weapons.length;
    statusLine.textContent = (donors.length
      ? plural(donors.length, "donor") + " × " + plural(weapons.length, "weapon") + " · zone " + zone +
        " · as of " + data.as_of
      : (allD ? "Nothing known in zone " + zone + " as of " + data.as_of + "." : "No policy facts in the store yet.")) +
      (hiddenD + hiddenW ? " · hidden, nothing known here: " + plural(hiddenD, "donor") + ", " +
        plural(hiddenW, "weapon") : "");
    table.dataset.asOf = data.as_of;
    table.dataset.zone = zone;
  }

  async function load() {
    const asOf = dateIn.value;
    if (!asOf) return;
    const ticket = ++pending;
    table.setAttribute("aria-busy", "true");
    try {
      const r = await fetch("/api/matrix?as_of=" + encodeURIComponent(asOf), { headers: { Accept: "application/json" } });
      if (!r.ok) throw new Error("HTTP " + r.status);
      const json = await r.json();
      if (ticket !== pending) return;
      data = json;
      render();
      const u = new URL(window.location.href);
      u.searchParams.set("as_of", asOf);
      u.searchParams.set("zone", zoneSel.value);
      window.history.replaceState(null, "", u);
    } catch (e) {
      statusLine.textContent = "Could not load the matrix (" + e.message + ").";
    } finally {
      if (ticket === pending) table.removeAttribute("aria-busy");
    }
  }

  async function openPanel(donor, weapon, zone, td) {
    document.querySelectorAll("td.cell.selected").forEach((x) => x.classList.remove("selected"));
    td.classList.add("selected");
    panel.hidden = false;
    const title = document.getElementById("panel-title");
    const st = document.getElementById("panel-status");
    const list = document.getElementById("panel-facts");
    title.textContent = donor + " · " + weaponLabel(weapon)[0] + " · " + zone;
    st.textContent = "Loading…";
    list.replaceChildren();
    const q = new URLSearchParams({ donor: donor, weapon: weapon, zone: zone, date: dateIn.value });
    try {
      const r = await fetch("/api/ask?" + q.toString(), { headers: { Accept: "application/json" } });
      if (!r.ok) throw new Error("HTTP " + r.status);
      const a = await r.json();
      st.replaceChildren();
      st.appendChild(el("span", "badge st-" + a.status, a.status.replace("_", " ")));
      st.appendChild(document.createTextNode(a.since ? " since " + a.since : ""));
      if (a.note) st.appendChild(el("span", "muted small block", a.note));
      const cell = (data.cells || []).find((c) => c.donor === donor && c.weapon === weapon && c.zone === zone);
      const ids = (cell && cell.fact_ids) || [];
      (a.facts || []).forEach((f, i) => {
        const li = el("li", "fact");
        li.appendChild(el("blockquote", "quote", f.sentence));
        const meta = el("div", "muted small");
        meta.textContent = (f.outlet || "unknown outlet") + (f.fact_date ? " · fact " + f.fact_date : "") +
          (f.published ? " · published " + f.published : "") + " ";
        const id = f.fact_id || ids[i];
        const link = el("a", "evidence-link", "evidence →");
        link.href = id ? "/facts/" + encodeURIComponent(id) : "/documents/" + encodeURIComponent(f.document_id);
        meta.appendChild(link);
        li.appendChild(meta);
        list.appendChild(li);
      });
      if (!(a.facts || []).length) list.appendChild(el("li", "muted", "No fact decides this cell."));
    } catch (e) {
      st.textContent = "Could not load the evidence (" + e.message + ").";
    }
  }

  document.getElementById("panel-close").addEventListener("click", () => { panel.hidden = true; });
  form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
  zoneSel.addEventListener("change", () => { if (data) { render(); load(); } });
  knownOnly.addEventListener("change", () => { if (data) render(); });
  dateIn.addEventListener("change", () => { syncSlider(); load(); });
  slider.addEventListener("input", () => { dateIn.value = iso(minDay + Number(slider.value) * DAY); });
  slider.addEventListener("change", () => load());
  syncSlider();
  load();
})();
