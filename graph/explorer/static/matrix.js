/* sgkg national matrix page: every authority against every expected link.
   Reads the JSON in #sgkg-data; builds every element with textContent. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("sgkg-data").textContent);
  var sgkg = (window.sgkg = { data: data });
  var VALUES = ["absent", "weak", "developing", "not evidenced", "stated", "present", "effective"];
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function cls(value) { return "q-" + (value ? value.replace(/ /g, "-") : "na"); }

  var regionPick = $("region"), eraPick = $("era"), find = $("find");
  var regions = {};
  data.rows.forEach(function (r) { regions[r.region || "(no region)"] = true; });
  Object.keys(regions).sort().forEach(function (r) {
    var o = el("option", r); o.value = r; regionPick.appendChild(o);
  });
  var eras = Object.keys(data.eras).filter(function (e) {
    return data.rows.some(function (r) { return r.era === e; });
  });
  eras.forEach(function (e) { var o = el("option", data.eras[e]); o.value = e; eraPick.appendChild(o); });
  var legend = $("legend");
  VALUES.forEach(function (v) { legend.appendChild(el("span", v, cls(v))); });
  legend.appendChild(el("span", "does not apply", "q-na"));

  function visibleRows() {
    var region = regionPick.value, era = eraPick.value, text = find.value.trim().toLowerCase();
    return data.rows.filter(function (r) {
      return (!region || (r.region || "(no region)") === region) && r.era === era &&
        (!text || r.label.toLowerCase().indexOf(text) >= 0 || r.authority.indexOf(text) >= 0);
    });
  }

  function draw() {
    var era = eraPick.value;
    var cols = data.columns.filter(function (c) { return c.era === era; });
    var rows = visibleRows();
    var table = $("matrix");
    table.textContent = "";
    var thead = el("thead"), tr = el("tr");
    tr.appendChild(el("th", "authority (report)"));
    cols.forEach(function (c) {
      var th = el("th", c.label, "col"); th.title = c.label + " — " + c.source; tr.appendChild(th);
    });
    thead.appendChild(tr); table.appendChild(thead);
    var tbody = el("tbody");
    rows.forEach(function (r) {
      var row = el("tr");
      var head = el("th");
      var b = el("button", r.label, "who");
      b.type = "button";
      b.setAttribute("data-authority", r.authority);
      b.addEventListener("click", function () { showDetail(r); });
      head.appendChild(b);
      head.appendChild(el("span", " " + r.report.split("/").pop(), "note"));
      row.appendChild(head);
      cols.forEach(function (c) {
        var cell = r.cells[c.iri];
        var td = el("td", cell ? short(cell.value) : "", cls(cell && cell.value));
        td.setAttribute("data-value", cell ? cell.value : "");
        td.title = c.label + ": " + (cell ? cell.value + (cell.where ? " (" + cell.where + ")" : "") +
          (cell.basis ? " — " + cell.basis : "") : "does not apply");
        row.appendChild(td);
      });
      tbody.appendChild(row);
    });
    table.appendChild(tbody);
    $("count").textContent = rows.length + " authorit" + (rows.length === 1 ? "y" : "ies") +
      ", " + cols.length + " expected links (" + data.eras[era] + ")";
    drawSummary(cols, rows);
  }

  function short(v) {
    return { "absent": "A", "weak": "W", "developing": "D", "not evidenced": "·",
             "stated": "S", "present": "P", "effective": "E" }[v] || "";
  }

  function drawSummary(cols, rows) {
    var counts = cols.map(function (c) {
      var n = { label: c.label, rows: 0 };
      VALUES.forEach(function (v) { n[v] = 0; });
      rows.forEach(function (r) {
        var cell = r.cells[c.iri];
        if (cell) { n.rows += 1; n[cell.value] += 1; }
      });
      return n;
    }).filter(function (n) { return n.rows; });
    counts.sort(function (a, b) {
      return (b.absent + b.weak) - (a.absent + a.weak) || b.developing - a.developing ||
        b["not evidenced"] - a["not evidenced"] || (a.label < b.label ? -1 : 1);
    });
    var table = $("summary");
    table.textContent = "";
    var head = el("tr");
    ["expected link", "authorities", "absent", "weak", "developing", "not evidenced",
     "effective", "stated or present"].forEach(function (h) { head.appendChild(el("th", h)); });
    var thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
    var tbody = el("tbody");
    counts.forEach(function (n) {
      var tr = el("tr");
      tr.appendChild(el("td", n.label));
      [n.rows, n.absent, n.weak, n.developing, n["not evidenced"], n.effective,
       n.stated + n.present].forEach(function (x) { tr.appendChild(el("td", x, "n")); });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
  }

  function showDetail(r) {
    var box = $("detail");
    box.textContent = "";
    box.hidden = false;
    box.appendChild(el("h2", r.label));
    box.appendChild(el("p", (r.region || "no region") + " · " + data.eras[r.era] + " · report " +
      r.report + " (" + r.framework + ", " + r.day + ")", "note"));
    var table = el("table"), head = el("tr");
    ["expected link", "found", "where", "what the report says"].forEach(function (h) {
      head.appendChild(el("th", h));
    });
    var thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
    var tbody = el("tbody");
    data.columns.forEach(function (c) {
      var cell = r.cells[c.iri];
      if (!cell) return;
      var tr = el("tr");
      tr.appendChild(el("td", c.label));
      tr.appendChild(el("td", cell.value, cls(cell.value)));
      tr.appendChild(el("td", cell.where));
      var said = el("td");
      if (cell.quote) said.appendChild(el("span", "“" + cell.quote + "”", "quote"));
      if (cell.basis) said.appendChild(el("div", cell.basis, "note"));
      tr.appendChild(said);
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    box.appendChild(table);
    box.focus();
    sgkg.shown = r.authority;
  }

  [regionPick, eraPick].forEach(function (s) { s.addEventListener("change", draw); });
  find.addEventListener("input", draw);
  if (eras.length) { eraPick.value = eras[0]; }
  draw();
  sgkg.draw = draw;
  sgkg.ready = true;
})();
