/* sgkg explorer.
 *
 * Report text reaches the page only as JSON data and leaves it only through
 * textContent (and vis-network's canvas labels). Nothing here writes HTML
 * from strings, and vis-network never gets a `title`, so neither its tooltip
 * nor any other popup can parse report text as markup.
 */
(function () {
  "use strict";

  const DATA = JSON.parse(document.getElementById("sgkg-data").textContent);
  const bodies = DATA.bodies;
  const links = DATA.links;
  const evidence = DATA.evidence;
  const legend = DATA.legend;
  const SEVERITY = ["absent", "weak", "developing", "not-evidenced", "effective", "stated"];
  const qualityInfo = {};
  legend.qualities.forEach(function (q) { qualityInfo[q.key] = q; });
  const familyInfo = {};
  legend.families.forEach(function (f) { familyInfo[f.key] = f; });

  // ------------------------------------------------------------ DOM helpers
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function svgEl(tag, attrs) {
    const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    return e;
  }
  function qualityLine(q) {
    const svg = svgEl("svg", { class: "line", width: 30, height: 10, "aria-hidden": "true" });
    const line = svgEl("line", { x1: 1, y1: 5, x2: 29, y2: 5, stroke: q.color, "stroke-width": Math.max(2, q.width) });
    if (q.dashes) line.setAttribute("stroke-dasharray", q.dashes.join(" "));
    svg.appendChild(line);
    return svg;
  }
  function shapeIcon(shape) {
    const svg = svgEl("svg", { class: "shape", width: 16, height: 16, "aria-hidden": "true" });
    const style = { fill: "#90a4ae", stroke: "#455a64", "stroke-width": 1 };
    let s;
    if (shape === "square") s = svgEl("rect", Object.assign({ x: 2.5, y: 2.5, width: 11, height: 11 }, style));
    else if (shape === "triangle") s = svgEl("polygon", Object.assign({ points: "8,2 14.5,14 1.5,14" }, style));
    else if (shape === "hexagon") s = svgEl("polygon", Object.assign({ points: "8,1.5 14,4.8 14,11.2 8,14.5 2,11.2 2,4.8" }, style));
    else s = svgEl("circle", Object.assign({ cx: 8, cy: 8, r: 6 }, style));
    svg.appendChild(s);
    return svg;
  }
  function badge(text, colour) {
    const b = el("span", "badge", text);
    b.style.background = colour;
    return b;
  }
  function qualityBadge(link) {
    const q = qualityInfo[link.quality] || { label: link.quality, color: "#90a4ae" };
    return badge(q.label, q.color);
  }
  function gradeBadge(j) { return badge(j.gradeLabel, legend.grades[j.grade] || "#616161"); }
  function shorten(text, n) {
    text = String(text || "");
    return text.length > n ? text.slice(0, n - 1).replace(/\s+\S*$/, "") + "…" : text;
  }
  // The part of a paragraph around the quote (from the sentence before it),
  // so a tooltip shows the words that matter, not just the paragraph's start.
  function excerpt(text, quote, n) {
    text = String(text || "");
    if (text.length <= n) return text;
    let start = 0;
    const at = quote ? text.toLowerCase().indexOf(String(quote).toLowerCase().slice(0, 60)) : -1;
    if (at > 0) {
      const own = text.lastIndexOf(". ", at - 1);
      const ownStart = own >= 0 ? own + 2 : 0;
      const before = own > 0 ? text.lastIndexOf(". ", own - 1) : -1;
      const prevStart = before >= 0 ? before + 2 : 0;
      if (at - prevStart < n * 0.6) start = prevStart;
      else if (at - ownStart < n * 0.6) start = ownStart;
      else start = text.lastIndexOf(" ", at - Math.floor(n / 3)) + 1;
    }
    const piece = text.slice(start, start + n);
    const cut = start + n < text.length ? piece.replace(/\s+\S*$/, "") + "…" : piece;
    return (start > 0 ? "…" : "") + cut;
  }
  function evidenceHeading(pid) {
    const ev = evidence[pid];
    const h = el("h4", null, cap(ev.label));
    if (ev.report) { h.appendChild(document.createTextNode(" ")); add(h, el("span", "report", "· " + ev.report)); }
    return h;
  }
  function cap(s) { s = String(s || ""); return s.charAt(0).toUpperCase() + s.slice(1); }
  function paraList(link) {
    if (link.evidenceLabels.length) {
      return link.evidenceLabels.map(function (x) { return /^\d+$/.test(x) ? "¶" + x : x.replace(/[-/]/g, " "); }).join(", ");
    }
    return "";
  }

  // ------------------------------------------------------------ state and data views
  const hiddenTypes = new Set();
  const hiddenQualities = new Set();
  let layered = false;
  let springPositions = null;

  const nodes = new vis.DataSet(DATA.nodes);
  const edges = new vis.DataSet(DATA.edges);
  // Filters work on a type key per body; placeholders (expected bodies the
  // report never names) form a family of their own.
  function filterKey(b) { return b.placeholder ? "~placeholder" : b.typeKey; }
  function familyOf(b) { return b.placeholder ? "placeholder" : b.family; }
  function nodeShown(id) {
    const b = bodies[id];
    return !!b && !hiddenTypes.has(filterKey(b));
  }
  function edgeShown(e) {
    const l = links[e.id];
    return !!l && !hiddenQualities.has(l.quality) && (!layered || l.reporting) &&
      nodeShown(e.from) && nodeShown(e.to);
  }
  const nodesView = new vis.DataView(nodes, { filter: function (n) { return nodeShown(n.id); } });
  const edgesView = new vis.DataView(edges, { filter: edgeShown });

  const container = document.getElementById("network");
  const network = new vis.Network(container, {}, DATA.options);

  const api = {
    network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView,
    bodies: bodies, links: links, evidence: evidence,
    ready: false, readyMs: null, readyHow: null, selected: null, animating: false,
  };
  window.sgkg = api;

  function markReady(how) {
    if (api.ready) return;
    api.ready = true;
    api.readyMs = performance.now();
    api.readyHow = how;
    document.documentElement.setAttribute("data-ready", how);
  }
  if (DATA.physics) {
    // Physics only settles the Python layout; once stable it stays off, so
    // nothing drifts while the user reads.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      markReady("stabilized");
    });
  } else {
    network.once("afterDrawing", function () { markReady("first-draw"); });
  }
  network.setData({ nodes: nodesView, edges: edgesView });

  // Keep where the nodes are now, so a node hidden and shown again by a
  // filter comes back to the same place. Only after physics or a drag has
  // moved them: on a large page the copy costs more than the filter.
  let moved = !!DATA.physics;
  network.on("dragEnd", function (p) { if (p.nodes.length) moved = true; });
  function keepPositions() {
    if (!moved) return;
    moved = false;
    const ids = nodesView.getIds();
    const pos = network.getPositions(ids);
    const update = [];
    ids.forEach(function (id) { if (pos[id]) update.push({ id: id, x: pos[id].x, y: pos[id].y }); });
    nodes.update(update);
  }
  function refresh() {
    keepPositions();
    nodesView.refresh();
    edgesView.refresh();
    updateStatus();
  }

  // ------------------------------------------------------------ counts and status
  const typeCount = {}, familyCount = {}, qualityCount = {};
  const typeLabel = {};
  const familyOfType = {};
  Object.keys(bodies).forEach(function (id) {
    const b = bodies[id], key = filterKey(b), fam = familyOf(b);
    typeCount[key] = (typeCount[key] || 0) + 1;
    familyCount[fam] = (familyCount[fam] || 0) + 1;
    familyOfType[key] = fam;
    typeLabel[key] = b.placeholder ? "Not named in the report" : (b.typeLabel || b.typeKey || "(no type)");
  });
  Object.keys(links).forEach(function (id) {
    const q = links[id].quality;
    qualityCount[q] = (qualityCount[q] || 0) + 1;
  });
  function updateStatus() {
    const n = nodesView.length, m = edgesView.length;
    const status = document.getElementById("status");
    status.textContent = "Showing " + n + " of " + nodes.length + " bodies and " + m + " of " +
      edges.length + " links" + (layered ? " (reporting lines only)." : ".");
  }

  // ------------------------------------------------------------ filters and legend
  const qualityBoxes = {};
  function setQualityVisible(q, on) {
    if (on) hiddenQualities.delete(q); else hiddenQualities.add(q);
    if (qualityBoxes[q]) {
      qualityBoxes[q].checked = on;
      qualityBoxes[q].parentNode.classList.toggle("off", !on);
    }
    refresh();
  }
  (function buildQualityFilters() {
    const box = document.getElementById("quality-filters");
    legend.qualities.forEach(function (q) {
      const label = add(box, el("label", "filter" + (q.present ? "" : " empty")));
      const input = add(label, el("input"));
      input.type = "checkbox";
      input.checked = true;
      input.dataset.quality = q.key;
      input.addEventListener("change", function () { setQualityVisible(q.key, input.checked); });
      qualityBoxes[q.key] = input;
      label.appendChild(qualityLine(q));
      add(label, el("span", "name", q.label));
      add(label, el("span", "count", qualityCount[q.key] || 0));
    });
  })();

  const typeBoxes = {}, familyBoxes = {};
  function syncFamilyBox(fam) {
    const box = familyBoxes[fam];
    if (!box) return;
    const types = Object.keys(typeCount).filter(function (t) { return bodyFamily(t) === fam; });
    const hidden = types.filter(function (t) { return hiddenTypes.has(t); }).length;
    box.checked = hidden < types.length;
    box.indeterminate = hidden > 0 && hidden < types.length;
    box.parentNode.classList.toggle("off", hidden === types.length);
  }
  function bodyFamily(t) { return familyOfType[t]; }
  function setTypeVisible(t, on, quiet) {
    if (on) hiddenTypes.delete(t); else hiddenTypes.add(t);
    if (typeBoxes[t]) {
      typeBoxes[t].checked = on;
      typeBoxes[t].parentNode.classList.toggle("off", !on);
    }
    syncFamilyBox(bodyFamily(t));
    if (!quiet) refresh();
  }
  (function buildTypeFilters() {
    const box = document.getElementById("type-filters");
    const families = legend.families.slice();
    if (Object.keys(bodies).some(function (id) { return bodies[id].placeholder; })) {
      families.push({ key: "placeholder", label: "Expected, not named in the report", color: "#ffffff" });
    }
    families.forEach(function (f) {
      const types = Object.keys(typeCount).filter(function (t) { return familyOfType[t] === f.key; })
        .sort(function (a, b) { return typeLabel[a].localeCompare(typeLabel[b]); });
      if (!types.length) return;
      const details = add(box, el("details", "family"));
      const summary = add(details, el("summary"));
      const label = add(summary, el("label", "filter"));
      const input = add(label, el("input"));
      input.type = "checkbox";
      input.checked = true;
      input.dataset.family = f.key;
      familyBoxes[f.key] = input;
      const sw = add(label, el("span", "swatch"));
      sw.style.background = f.color;
      if (f.key === "placeholder") sw.style.border = "1.5px dashed #9e9e9e";
      add(label, el("span", "name", f.label));
      add(label, el("span", "count", familyCount[f.key] || 0));
      input.addEventListener("change", function () {
        types.forEach(function (t) { setTypeVisible(t, input.checked, true); });
        refresh();
      });
      const list = add(details, el("div", "types"));
      types.forEach(function (t) {
        const tl = add(list, el("label", "filter"));
        const ti = add(tl, el("input"));
        ti.type = "checkbox";
        ti.checked = true;
        ti.dataset.type = t;
        typeBoxes[t] = ti;
        ti.addEventListener("change", function () { setTypeVisible(t, ti.checked); });
        add(tl, el("span", "name", typeLabel[t]));
        add(tl, el("span", "count", typeCount[t]));
      });
    });
  })();
  (function buildShapeLegend() {
    const box = document.getElementById("shape-legend");
    legend.shapes.forEach(function (s) {
      const row = add(box, el("div", "filter"));
      row.appendChild(shapeIcon(s.shape));
      add(row, el("span", "name", s.label));
    });
    const note = add(box, el("p", "hint", "A dark ring marks a body Ofsted graded; its grade is under its name."));
    note.style.marginTop = "6px";
  })();

  // ------------------------------------------------------------ details panel
  const details = document.getElementById("details");
  function sortedLinksOf(id) {
    return Object.keys(links).filter(function (eid) {
      return links[eid].from === id || links[eid].to === id;
    }).sort(function (a, b) {
      const la = links[a], lb = links[b];
      return SEVERITY.indexOf(la.quality) - SEVERITY.indexOf(lb.quality) ||
        la.kindLabel.localeCompare(lb.kindLabel);
    });
  }
  function linkTitle(l) { return bodies[l.from].label + " → " + bodies[l.to].label; }
  function evidenceBlock(pid) {
    const art = el("article", "evidence");
    art.appendChild(evidenceHeading(pid));
    add(art, el("p", null, evidence[pid].text));
    return art;
  }
  function expectationLines(parent, l) {
    if (l.expectation) add(parent, el("p", null, "Expected: " + l.expectation + "."));
    if (l.statutorySource) add(parent, el("p", "meta", "Source: " + l.statutorySource));
    if (l.basis) add(parent, el("p", null, l.basis));
    if (l.mentions && l.mentions.length) {
      add(parent, el("p", "meta", "The report mentions this kind of body in " +
        l.mentions.map(function (x) { return /^\d+$/.test(x) ? "¶" + x : x; }).join(", ") + "."));
    }
  }

  function showLink(eid) {
    const l = links[eid];
    if (!l) return;
    api.selected = { edge: eid };
    clear(details);
    add(details, el("h2", null, linkTitle(l)));
    const meta = add(details, el("p", "meta"));
    add(meta, el("span", null, l.kindLabel + " "));
    meta.appendChild(qualityBadge(l));
    if (l.expected) {
      add(details, el("p", null, "Statute or guidance expects this link; the report says nothing about it. " +
        "That is not the same as inspectors finding it missing."));
      expectationLines(details, l);
    }
    if (l.quote) add(details, el("blockquote", null, "“" + l.quote + "”"));
    if (l.evidence.length) {
      add(details, el("h3", null, "Evidence"));
      l.evidence.forEach(function (pid) { details.appendChild(evidenceBlock(pid)); });
    } else if (!l.expected) {
      add(details, el("p", "meta", "No evidence text in the store" + (paraList(l) ? " (" + paraList(l) + ")" : "") + "."));
    }
    const ends = add(details, el("p", "meta", "Between "));
    [l.from, l.to].forEach(function (nid, i) {
      if (i) ends.appendChild(document.createTextNode(" and "));
      const b = add(ends, el("button", "link", bodies[nid].label));
      b.type = "button";
      b.addEventListener("click", function () { focusBody(nid); });
    });
    if (l.iri || l.gap) add(details, el("p", "iri", l.iri || l.gap));
  }

  function showBody(id) {
    const b = bodies[id];
    if (!b) return;
    api.selected = { node: id };
    clear(details);
    add(details, el("h2", null, b.label));
    const meta = [b.typeLabel];
    if (b.alts.length) meta.push("also " + b.alts.join(", "));
    add(details, el("p", "meta", meta.filter(Boolean).join(" · ")));
    if (b.placeholder) {
      add(details, el("p", null, "The report names no body of this type. It is drawn here only " +
        "to show the links statute or guidance expects with one."));
    }
    if (b.judgements.length) {
      add(details, el("h3", null, "Ofsted judgements"));
      const table = add(details, el("table", "judgements"));
      b.judgements.forEach(function (j) {
        const tr = add(table, el("tr"));
        add(tr, el("td", null, j.areaLabel + (j.date ? " (" + j.date.slice(0, 4) + ")" : "")));
        add(tr, el("td")).appendChild(gradeBadge(j));
      });
    }
    const mine = sortedLinksOf(id);
    add(details, el("h3", null, "Links (" + mine.length + ")"));
    const ul = add(details, el("ul", "links"));
    mine.forEach(function (eid) {
      const l = links[eid];
      const li = add(ul, el("li"));
      const other = l.from === id ? l.to : l.from;
      const arrow = l.from === id ? l.kindLabel + " → " : "← " + l.kindLabel + " · ";
      const btn = add(li, el("button", "link", arrow + bodies[other].label));
      btn.type = "button";
      btn.addEventListener("click", function () { selectLink(eid); });
      li.appendChild(qualityBadge(l));
      const paras = paraList(l);
      if (paras) add(li, el("span", "paras", " " + paras));
      if (l.quote) add(li, el("blockquote", null, "“" + l.quote + "”"));
      if (l.expected && l.statutorySource) add(li, el("div", "paras", l.statutorySource));
      l.evidence.forEach(function (pid) {
        const d = add(li, el("details"));
        add(d, el("summary", null, "Read " + evidence[pid].label));
        add(d, el("p", null, evidence[pid].text));
      });
    });
    if (b.iri) add(details, el("p", "iri", b.iri));
  }

  function showOverview() {
    api.selected = null;
    clear(details);
    add(details, el("h2", null, DATA.title));
    if (DATA.subtitle) add(details, el("p", "meta", DATA.subtitle));
    const nb = Object.keys(bodies).filter(function (id) { return !bodies[id].placeholder; }).length;
    const stated = Object.keys(links).filter(function (id) { return !links[id].expected; }).length;
    add(details, el("p", "meta", nb + " bodies, " + stated + " links the reports state, " +
      (Object.keys(links).length - stated) + " expected links they do not evidence."));
    const how = add(details, el("ul", "howto"));
    ["Hover over a body or a link for a summary; click it for the evidence.",
      "Find a body by name or acronym in the box above (try LSCB).",
      "Red dashed: inspectors found the link missing. Orange: weak. Green: effective. " +
        "Grey dotted: expected by statute or guidance, not evidenced in the report.",
      "Reporting lines lays the bodies out by who reports to whom."].forEach(function (t) {
      add(how, el("li", null, t));
    });
    const worst = Object.keys(links).filter(function (eid) {
      return ["absent", "weak"].indexOf(links[eid].quality) >= 0;
    }).sort(function (a, b) {
      return SEVERITY.indexOf(links[a].quality) - SEVERITY.indexOf(links[b].quality);
    });
    if (worst.length) {
      add(details, el("h3", null, "Missing and weak links (" + worst.length + ")"));
      const ul = add(details, el("ul", "links"));
      worst.slice(0, 40).forEach(function (eid) {
        const l = links[eid];
        const li = add(ul, el("li"));
        const btn = add(li, el("button", "link", linkTitle(l) + " (" + l.kindLabel + ")"));
        btn.type = "button";
        btn.addEventListener("click", function () { selectLink(eid); });
        li.appendChild(qualityBadge(l));
        const paras = paraList(l);
        if (paras) add(li, el("span", "paras", " " + paras));
      });
      if (worst.length > 40) add(details, el("p", "meta", "… and " + (worst.length - 40) + " more."));
    }
  }

  // ------------------------------------------------------------ tooltip
  const tip = document.getElementById("tip");
  function tipFor(item) {
    clear(tip);
    if (item.node) {
      const b = bodies[item.node];
      add(tip, el("h3", null, b.label));
      add(tip, el("p", "meta", b.typeLabel + (b.alts.length ? " · " + b.alts.join(", ") : "")));
      b.judgements.slice(0, 3).forEach(function (j) {
        const p = add(tip, el("p", null, j.areaLabel + ": "));
        p.appendChild(gradeBadge(j));
      });
      const counts = {};
      sortedLinksOf(item.node).forEach(function (eid) { counts[links[eid].quality] = (counts[links[eid].quality] || 0) + 1; });
      const parts = SEVERITY.filter(function (q) { return counts[q]; }).map(function (q) {
        return counts[q] + " " + (qualityInfo[q] ? qualityInfo[q].label : q);
      });
      if (parts.length) add(tip, el("p", null, "Links: " + parts.join(", ") + "."));
      add(tip, el("p", "meta", "Click for the evidence."));
    } else {
      const l = links[item.edge];
      add(tip, el("h3", null, linkTitle(l)));
      const p = add(tip, el("p", null, l.kindLabel + " "));
      p.appendChild(qualityBadge(l));
      if (l.expected) {
        add(tip, el("p", null, "Expected, not evidenced in the report."));
        if (l.statutorySource) add(tip, el("p", "meta", l.statutorySource));
      }
      if (l.quote) add(tip, el("blockquote", null, "“" + shorten(l.quote, 200) + "”"));
      l.evidence.slice(0, 3).forEach(function (pid) {
        const ev = add(tip, el("p", "ev"));
        add(ev, el("strong", null, cap(evidence[pid].label) + ": "));
        ev.appendChild(document.createTextNode(excerpt(evidence[pid].text, l.quote, 300)));
      });
      if (!l.evidence.length && paraList(l)) add(tip, el("p", "meta", paraList(l)));
    }
  }
  function showTip(item, pointer) {
    tipFor(item);
    tip.hidden = false;
    const box = container.getBoundingClientRect();
    const w = tip.offsetWidth, h = tip.offsetHeight;
    // above and to the right of the pointer, where it hides neither the
    // label under a body nor the far end of a link; else wherever it fits
    let x = pointer.x + 14, y = pointer.y - h - 14;
    if (x + w > box.width - 4) x = Math.max(4, pointer.x - w - 14);
    if (y < 4) y = pointer.y + h + 18 < box.height ? pointer.y + 18 : Math.max(4, box.height - h - 4);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function hideTip() { tip.hidden = true; }
  network.on("hoverNode", function (p) { showTip({ node: p.node }, p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTip({ edge: p.edge }, p.pointer.DOM); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);
  api.showTip = showTip;

  // ------------------------------------------------------------ selection and focus
  network.on("click", function (p) {
    hideTip();
    if (p.nodes.length) showBody(p.nodes[0]);
    else if (p.edges.length) showLink(p.edges[0]);
    else showOverview();
  });

  network.on("animationFinished", function () { api.animating = false; });
  function focusBody(id) {
    const b = bodies[id];
    if (!b) return;
    if (hiddenTypes.has(filterKey(b))) setTypeVisible(filterKey(b), true);
    network.selectNodes([id]);
    api.animating = true;
    network.focus(id, {
      scale: Math.max(network.getScale(), 1.0),
      animation: { duration: 450, easingFunction: "easeInOutQuad" },
    });
    showBody(id);
  }
  function selectLink(eid) {
    const l = links[eid];
    if (!l) return;
    if (hiddenQualities.has(l.quality)) setQualityVisible(l.quality, true);
    [l.from, l.to].forEach(function (nid) {
      const key = filterKey(bodies[nid]);
      if (hiddenTypes.has(key)) setTypeVisible(key, true);
    });
    if (layered && !l.reporting) setLayered(false);
    network.setSelection({ nodes: [], edges: [eid] }, { unselectAll: true, highlightEdges: false });
    const pos = network.getPositions([l.from, l.to]);
    api.animating = true;
    network.moveTo({
      position: { x: (pos[l.from].x + pos[l.to].x) / 2, y: (pos[l.from].y + pos[l.to].y) / 2 },
      scale: Math.max(network.getScale(), 0.9),
      animation: { duration: 450, easingFunction: "easeInOutQuad" },
    });
    showLink(eid);
  }

  // ------------------------------------------------------------ search
  function norm(s) { return String(s || "").toLowerCase().replace(/\s+/g, " ").trim(); }
  const index = Object.keys(bodies).map(function (id) {
    const b = bodies[id];
    return { id: id, label: norm(b.label), alts: b.alts.map(norm), terms: b.terms.map(norm) };
  });
  function rank(entry, q) {
    if (entry.label === q) return 0;
    if (entry.alts.indexOf(q) >= 0) return 1;
    if (entry.terms.indexOf(q) >= 0) return 2;
    if (entry.label.startsWith(q)) return 3;
    if (entry.label.split(/[\s\-–,()']+/).some(function (w) { return w.startsWith(q); })) return 4;
    if (entry.label.indexOf(q) >= 0 || entry.alts.some(function (a) { return a.indexOf(q) >= 0; })) return 5;
    if (entry.terms.some(function (t) { return t.indexOf(q) >= 0; })) return 6;
    return -1;
  }
  function findBodies(text) {
    const q = norm(text);
    if (!q) return [];
    return index.map(function (e) { return { id: e.id, r: rank(e, q), len: e.label.length }; })
      .filter(function (x) { return x.r >= 0; })
      .sort(function (a, b) { return a.r - b.r || (bodies[a.id].placeholder - bodies[b.id].placeholder) || a.len - b.len; })
      .map(function (x) { return x.id; });
  }
  const searchForm = document.getElementById("search");
  const searchInput = document.getElementById("search-input");
  const results = document.getElementById("search-results");
  function showResults(ids) {
    clear(results);
    if (!ids.length) {
      add(results, el("li", "none", "No body matches."));
    }
    ids.slice(0, 12).forEach(function (id) {
      const li = add(results, el("li"));
      const btn = add(li, el("button", null, bodies[id].label));
      btn.type = "button";
      add(btn, el("span", "type", bodies[id].typeLabel));
      btn.addEventListener("click", function () { results.hidden = true; focusBody(id); });
    });
    results.hidden = false;
  }
  searchInput.addEventListener("input", function () {
    if (!searchInput.value.trim()) { results.hidden = true; return; }
    showResults(findBodies(searchInput.value));
  });
  searchForm.addEventListener("submit", function (ev) {
    ev.preventDefault();
    const ids = findBodies(searchInput.value);
    if (ids.length) { results.hidden = true; focusBody(ids[0]); } else showResults(ids);
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && document.activeElement !== searchInput) { ev.preventDefault(); searchInput.focus(); }
    if (ev.key === "Escape") { results.hidden = true; hideTip(); }
  });
  document.addEventListener("click", function (ev) { if (!searchForm.contains(ev.target)) results.hidden = true; });

  // ------------------------------------------------------------ views
  const btnNetwork = document.getElementById("view-network");
  const btnLayered = document.getElementById("view-layered");
  function setLayered(on) {
    if (on === layered) return;
    network.setOptions({ physics: { enabled: false } });
    markReady("layout-changed");
    if (on) springPositions = network.getPositions();
    layered = on;
    const update = Object.keys(bodies).map(function (id) {
      let p;
      if (on) p = { x: bodies[id].lx, y: bodies[id].ly };
      else p = (springPositions && springPositions[id]) || { x: nodes.get(id).x, y: nodes.get(id).y };
      return { id: id, x: p.x, y: p.y };
    });
    nodes.update(update);
    nodesView.refresh();
    edgesView.refresh();
    if (DATA.physics) {  // curved lines read better in rows; too dear on a large page
      network.setOptions({ edges: { smooth: on ? { enabled: true, type: "cubicBezier", forceDirection: "vertical", roundness: 0.4 } : false } });
    }
    btnNetwork.setAttribute("aria-pressed", String(!on));
    btnLayered.setAttribute("aria-pressed", String(on));
    network.fit({ animation: false });
    updateStatus();
  }
  btnNetwork.addEventListener("click", function () { setLayered(false); });
  btnLayered.addEventListener("click", function () { setLayered(true); });
  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });

  // ------------------------------------------------------------ start
  document.getElementById("subtitle").textContent = DATA.subtitle || "";
  Object.assign(api, {
    focusBody: focusBody, selectLink: selectLink, showBody: showBody, showLink: showLink,
    showOverview: showOverview, setLayered: setLayered, setQualityVisible: setQualityVisible,
    setTypeVisible: setTypeVisible, findBodies: findBodies, refresh: refresh,
    isLayered: function () { return layered; },
  });
  updateStatus();
  if (legend.focus && bodies[legend.focus]) {
    network.selectNodes([legend.focus]);
    showBody(legend.focus);
  } else {
    showOverview();
  }
})();
