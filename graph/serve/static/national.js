// The national view: filter the list of authorities as you type (no data is fetched here;
// each authority's explorer page is built by the server when it is opened).
"use strict";
(function () {
  const input = document.getElementById("filter");
  const shown = document.getElementById("shown");
  const rows = Array.from(document.querySelectorAll("#authorities tbody tr"));
  function apply() {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let n = 0;
    for (const row of rows) {
      const name = row.dataset.name || "";
      const ok = words.every((w) => name.includes(w));
      row.hidden = !ok;
      if (ok) n += 1;
    }
    shown.textContent = words.length ? n + " of " + rows.length + " shown" : "";
  }
  input.addEventListener("input", apply);
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "/" && document.activeElement !== input) {
      ev.preventDefault();
      input.focus();
    }
  });
  apply();
})();
