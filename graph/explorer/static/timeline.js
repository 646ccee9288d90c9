/* sgkg timeline page: one authority's inspections and what changed between them.
   Reads the JSON in #sgkg-data; builds every element with textContent. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("sgkg-data").textContent);
  window.sgkg = { data: data };
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function gradeClass(g) {
    var k = (g || "").toLowerCase().replace(/ /g, "-");
    return ["outstanding", "good", "requires-improvement", "inadequate"].indexOf(k) >= 0 ? "g-" + k : "g-other";
  }
  function changeClass(c) {
    if (c === "better" || c === "newly judged" || c === "gained") return "ch-better";
    if (c === "worse") return "ch-worse";
    if (c === "earlier concern not revisited" || c === "asked again") return "ch-concern";
    return "ch-other";
  }

  function card(i) {
    var box = el("section", null, "card");
    box.setAttribute("data-report", i.report);
    box.appendChild(el("h3", i.label + " · " + i.report.split("/").pop() + " · " + (i.framework || "report")));
    var grades = el("div", null, "grades");
    i.judgements.forEach(function (j) {
      var g = el("span", j.area + ": " + j.grade, "grade " + gradeClass(j.grade));
      g.title = j.where ? "from " + j.where : "";
      grades.appendChild(g);
    });
    box.appendChild(grades);
    var counts = {};
    i.links.forEach(function (l) { counts[l.quality] = (counts[l.quality] || 0) + 1; });
    var summary = Object.keys(counts).map(function (q) { return counts[q] + " " + q; }).join(", ");
    var details = el("details");
    details.appendChild(el("summary", i.links.length + " stated partnership link(s)" + (summary ? ": " + summary : "")));
    var list = el("ul");
    i.links.forEach(function (l) {
      var li = el("li");
      li.appendChild(el("span", l.quality, "grade q-" + l.quality.replace(/ /g, "-")));
      li.appendChild(document.createTextNode(" " + l.source + " — " + l.kind + " → " + l.target + (l.where ? " (" + l.where + ")" : "")));
      list.appendChild(li);
    });
    details.appendChild(list);
    box.appendChild(details);
    return box;
  }

  function side(label, s, report) {
    if (!s || (!s.value && !s.where)) return "";
    return label + " " + report.split("/").pop() + ": " + (s.value || "") + (s.where ? " (" + s.where + ")" : "");
  }

  function pair(p) {
    var box = el("section", null, "pair");
    box.setAttribute("data-pair", p[0] + " " + p[1]);
    box.appendChild(el("h4", "From " + p[0] + " to " + p[1]));
    var rows = data.rows.filter(function (r) { return r.earlier === p[0] && r.later === p[1]; });
    var showBodies = $("show-bodies").checked, showQuiet = $("show-quiet").checked;
    var list = el("ul");
    rows.forEach(function (r) {
      if (r.aspect === "body" && !showBodies) return;
      if (r.change === "not recorded later" && !showQuiet) return;
      var li = el("li");
      li.setAttribute("data-aspect", r.aspect);
      li.setAttribute("data-change", r.change);
      li.appendChild(el("span", r.change, changeClass(r.change)));
      li.appendChild(document.createTextNode(" [" + r.aspect + "] " + r.what));
      var sides = [side("before", r.before, r.earlier), side("after", r.after, r.later)].filter(Boolean);
      if (sides.length) li.appendChild(el("div", sides.join(" · "), "note"));
      if (r.aspect === "recurring" || r.change === "earlier concern not revisited") {
        var q = r.before.quote || "";
        if (q) li.appendChild(el("div", "“" + q.slice(0, 240) + "”", "quote"));
      }
      list.appendChild(li);
    });
    if (!list.childNodes.length) list.appendChild(el("li", "nothing changed that this page shows"));
    box.appendChild(list);
    return box;
  }

  function draw() {
    var notes = $("notes");
    notes.textContent = "";
    data.notes.forEach(function (n) { notes.appendChild(el("p", n)); });
    var root = $("timeline");
    root.textContent = "";
    data.inspections.forEach(function (i, n) {
      data.pairs.filter(function (p) { return p[1] === i.report; }).forEach(function (p) {
        root.appendChild(pair(p));
      });
      root.appendChild(card(i));
    });
  }
  $("show-bodies").addEventListener("change", draw);
  $("show-quiet").addEventListener("change", draw);
  draw();
  window.sgkg.ready = true;
})();
