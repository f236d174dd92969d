"""The report page's template, style and script, inline so the file works offline.

The Content-Security-Policy allows no network at all and only the page's own
script (by hash): even if a document's markup slipped through escaping, it
could neither run nor load anything. The script builds tooltips with
``textContent`` only, never ``innerHTML``.
"""
from __future__ import annotations

import base64
import hashlib

CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{position:sticky;top:0;z-index:3;background:#fff;border-bottom:1px solid #ccc;padding:.4em 1em}
header h1{font-size:1.15em;margin:0}header p{margin:.2em 0}
main{padding:0 1em 40vh}
.key{margin-right:1.2em;white-space:nowrap;cursor:pointer}
.swatch{display:inline-block;width:1.1em;height:.9em;vertical-align:-1px;margin-right:.3em;
 background:var(--bg);border-bottom:3px solid var(--c)}
.t-claims{--c:#d95f02;--bg:rgba(217,95,2,.18)}
.t-dates{--c:#1f78b4;--bg:rgba(31,120,180,.15)}
.t-organizations{--c:#1b9e77;--bg:rgba(27,158,119,.15)}
.t-resolutions{--c:#7570b3;--bg:rgba(117,112,179,.15)}
.doc{background:#fff;border:1px solid #ddd;border-radius:4px;margin:1em 0;padding:.5em 1em}
.doc h2{font-size:1.05em;margin:.2em 0}.meta{color:#666;margin:0 0 .5em}.error{color:#b00}
.text{white-space:pre-wrap;line-height:2.3;font:15px/2.3 Georgia,serif;max-width:62em;overflow-wrap:anywhere}
/* Outer highlights get more bottom padding than the ones inside them (--h), so
   overlapping spans show as stacked underlines instead of hiding each other. */
mark.hl{color:inherit;background:var(--bg);border-bottom:2px solid var(--c);
 padding:0 0 calc(var(--h) * 4px);cursor:help}
mark.hl:focus{outline:2px solid var(--c);outline-offset:1px}
mark.hl.current{outline:3px solid #e00}
body.hide-claims mark.t-claims,body.hide-dates mark.t-dates,body.hide-organizations mark.t-organizations,
body.hide-resolutions mark.t-resolutions{background:none;border-bottom-color:transparent}
.turn{font-weight:bold;background:#eee;border-left:4px solid #444;padding:1px .35em}
#tip{position:fixed;z-index:5;max-width:30em;background:#fffff4;border:1px solid #999;border-radius:4px;
 box-shadow:0 2px 8px rgba(0,0,0,.25);padding:.3em .5em;font:12px/1.35 system-ui,sans-serif;pointer-events:none}
#tip .entry{border-left:4px solid var(--c);padding-left:.4em;margin:.2em 0}
#tip td:first-child{color:#666;padding-right:.6em;vertical-align:top}
.filters label{margin-right:1em;white-space:nowrap}
.claims-box{max-height:45vh;overflow:auto;border:1px solid #ddd;background:#fff}
table#claims{border-collapse:collapse;font-size:12.5px;width:100%}
#claims th{position:sticky;top:0;background:#eee;cursor:pointer;text-align:left;padding:.2em .4em;user-select:none}
#claims th[aria-sort=ascending]::after{content:" ▲"}#claims th[aria-sort=descending]::after{content:" ▼"}
#claims td{border-top:1px solid #eee;padding:.15em .4em;vertical-align:top}
#claims td:last-child{color:#555;min-width:24em}
#claims td:last-child div{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden}
#claims tbody tr{cursor:pointer}#claims tbody tr:hover,#claims tbody tr:focus{background:#fff3e6}
/* A section reached by its link starts below the sticky header, not under it. */
main>section{scroll-margin-top:6em}
.stats-box{max-height:60vh;overflow:auto}
/* An inconsistent statistic: red edge and badge, so it stands out while scrolling. */
.stat{background:#fff;border:1px solid #ddd;border-left:6px solid #8c8;border-radius:4px;margin:.5em 0;
 padding:.2em .8em}
.stat.bad{border-left-color:#d00;background:#fff5f5}
.stat h3{font-size:1em;margin:.3em 0 .1em}
.badge{font-size:.8em;padding:0 .4em;border-radius:3px;background:#e3f1e3;color:#264;vertical-align:1px}
.badge.bad{background:#d00;color:#fff;font-weight:bold}
table.stat-claims{border-collapse:collapse;font-size:12.5px;width:100%;margin-bottom:.3em}
.stat-claims th{text-align:left;background:#f2f2f2;padding:.15em .4em;font-weight:normal;color:#555}
.stat-claims td{border-top:1px solid #eee;padding:.15em .4em;vertical-align:top}
.stat-claims td:nth-child(-n+3){white-space:nowrap}
.stat-claims tbody tr{cursor:pointer}.stat-claims tbody tr:hover{background:#fff3e6}
mark.stat-hl{color:inherit;background:rgba(217,95,2,.25);border-bottom:2px solid #d95f02}
"""

SCRIPT = r"""
(() => {
  "use strict";
  const attrs = JSON.parse(document.getElementById("attributes").textContent);
  const tip = document.getElementById("tip");

  // Text of a highlight: the concatenation of its pieces (split where spans cross).
  const spanText = key => [...document.querySelectorAll(`mark[data-key="${key}"]`)]
    .map(m => m.textContent).join("");

  // Every highlight under the pointer, innermost first: overlapping spans are all listed.
  function marksAt(el) {
    const out = [];
    for (; el && el !== document.body; el = el.parentElement) if (el.matches("mark.hl")) out.push(el);
    return out;
  }

  function fillTip(marks) {
    tip.textContent = "";
    for (const m of marks) {
      const [table, fields] = attrs[m.dataset.key] || ["?", []];
      const box = tip.appendChild(document.createElement("div"));
      box.className = "entry t-" + table;
      box.appendChild(document.createElement("b")).textContent = `${table}: ${spanText(m.dataset.key)}`;
      const rows = box.appendChild(document.createElement("table"));
      for (const [name, value] of fields) {
        const tr = rows.insertRow();
        tr.insertCell().textContent = name;
        tr.insertCell().textContent = value;
      }
    }
  }

  // Beside the pointer or the focused span ({left, top, bottom}): below it if it fits, else above.
  function showTip(target, at) {
    const marks = marksAt(target);
    if (!marks.length) { tip.hidden = true; return; }
    fillTip(marks);
    tip.hidden = false;
    const w = tip.offsetWidth, h = tip.offsetHeight;
    tip.style.left = Math.max(4, Math.min(at.left + 12, innerWidth - w - 8)) + "px";
    tip.style.top = (at.bottom + 8 + h < innerHeight ? at.bottom + 8 : Math.max(4, at.top - h - 8)) + "px";
  }
  const pointer = e => ({left: e.clientX, top: e.clientY - 4, bottom: e.clientY + 12});

  // A jump from the claims table scrolls the page under a still pointer, and the
  // browser then reports it "over" whatever scrolled there: until the pointer
  // really moves, the tooltip stays with the span jumped to.
  let still = null;
  document.addEventListener("mouseover", e => {
    if (still && e.clientX === still.x && e.clientY === still.y) return;
    still = null;
    if (marksAt(e.target).length) showTip(e.target, pointer(e));
    else if (!document.activeElement.matches("mark.hl")) tip.hidden = true;
  });
  document.addEventListener("focusin", e => showTip(e.target, e.target.getBoundingClientRect()));
  document.addEventListener("focusout", () => { tip.hidden = true; });

  for (const box of document.querySelectorAll("input[data-toggle]")) {
    box.addEventListener("change", () => document.body.classList.toggle("hide-" + box.dataset.toggle, !box.checked));
  }

  // The claims table: filters, sorting, and the jump to a claim's span.
  const tbody = document.querySelector("#claims tbody");
  const rows = [...tbody.rows];
  const selects = [...document.querySelectorAll("select[data-filter]")];
  const search = document.getElementById("f-search");

  function applyFilters() {
    const q = search.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const ok = selects.every(s => s.value === "*" || row.dataset[s.dataset.filter] === s.value)
        && (!q || row.textContent.toLowerCase().includes(q));
      row.hidden = !ok;
      shown += ok;
    }
    document.getElementById("shown").textContent = `${shown} of ${rows.length} claims`;
  }
  selects.forEach(s => s.addEventListener("change", applyFilters));
  search.addEventListener("input", applyFilters);

  function sortBy(th) {
    const col = th.cellIndex, numeric = th.dataset.type === "num";
    const dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    const key = r => numeric ? parseFloat(r.cells[col].dataset.sort ?? "NaN") : r.cells[col].textContent;
    const cmp = (a, b) => numeric
      ? (isNaN(a) ? 1 : isNaN(b) ? -1 : (a - b) * dir) : a.localeCompare(b) * dir;
    rows.sort((a, b) => cmp(key(a), key(b)));
    rows.forEach(r => tbody.appendChild(r));
    th.parentElement.querySelectorAll("th").forEach(h => h.removeAttribute("aria-sort"));
    th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
  }
  for (const th of document.querySelectorAll("#claims th")) {
    th.addEventListener("click", () => sortBy(th));
    th.addEventListener("keydown", e => { if (e.key === "Enter") sortBy(th); });
  }

  function goTo(row) {
    const mark = document.getElementById(row.dataset.target);
    if (!mark) return;
    document.querySelectorAll("mark.current").forEach(m => m.classList.remove("current"));
    mark.classList.add("current");
    mark.scrollIntoView({block: "center"});
    mark.focus({preventScroll: true});
  }
  tbody.addEventListener("click", e => {
    const row = e.target.closest("tr");
    if (!row) return;
    still = {x: e.clientX, y: e.clientY};
    goTo(row);
  });
  tbody.addEventListener("keydown", e => { if (e.key === "Enter" && e.target.matches("tr")) goTo(e.target); });

  // A claim under a statistic jumps the same way. Its link reaches the span without
  // the script too; Enter on the link arrives here as a click.
  const stats = document.getElementById("statistics-section");
  stats?.addEventListener("click", e => {
    const row = e.target.closest("tr[data-target]");
    if (!row) return;
    e.preventDefault();
    still = {x: e.clientX, y: e.clientY};
    goTo(row);
  });
  applyFilters();
})();
"""

_SCRIPT_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")

# str.format fields only; the CSS and script come in as values, so their braces are safe.
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; \
script-src 'sha256-""" + _SCRIPT_HASH + """'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{css}</style></head>
<body>
<header><h1>{title}</h1><p>{summary}</p><div class="legend">{legend}</div></header>
<main>
<nav>{toc}</nav>
<section id="claims-section"><h2>Claims</h2>{claims}</section>
{statistics}
{documents}
</main>
<div id="tip" role="tooltip" hidden></div>
{data}
<script>{script}</script>
</body></html>
"""
