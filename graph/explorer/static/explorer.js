/* sgkg explorer.
 *
 * Report text reaches the page only as JSON data and leaves it only through
 * textContent (and vis-network's canvas labels). Nothing here writes HTML
 * from strings, and vis-network never gets a `title`, so neither its tooltip
 * nor any other popup can parse report text as markup.
 *
 * Three views of one set of bodies and links: the board and its links (the
 * first view: the board or partnership in the middle, each body linked to it
 * on a ring around it, labelled with how it is linked), the whole network
 * (each authority's bodies in a frame), and reporting lines. The table below
 * the picture lists the same links.
 */
(function () {
  "use strict";

  const DATA = JSON.parse(document.getElementById("sgkg-data").textContent);
  const bodies = DATA.bodies;
  const links = DATA.links;
  const evidence = DATA.evidence;
  const legend = DATA.legend;
  const boards = DATA.boards || {};
  const authorities = DATA.authorities || [];
  const SEVERITY = ["absent", "weak", "developing", "not-evidenced", "effective", "stated"];
  const GAPS = ["absent", "weak", "developing"];
  /* Labels of the board's neighbourhood are never drawn smaller than this
   * (CSS pixels) when a view opens. */
  const MIN_LABEL_PX = 12;
  const BASE_FONT = DATA.options.nodes.font.size;
  const CENTRE_FONT = 16;
  const qualityInfo = {};
  legend.qualities.forEach(function (q) { qualityInfo[q.key] = q; });
  const authByKey = {};
  authorities.forEach(function (a) { authByKey[a.key] = a; });

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
  function lineIcon(color, width, dashes) {
    const svg = svgEl("svg", { class: "line", width: 30, height: 10, "aria-hidden": "true" });
    const line = svgEl("line", { x1: 1, y1: 5, x2: 29, y2: 5, stroke: color, "stroke-width": Math.max(2, width) });
    if (dashes) line.setAttribute("stroke-dasharray", dashes.join(" "));
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
  function badge(text, colour, light) {
    const b = el("span", "badge" + (light ? " light" : ""), text);
    b.style.background = colour;
    return b;
  }
  function qualityBadge(link) {
    const q = qualityInfo[link.quality] || { label: link.quality, color: "#90a4ae" };
    return badge(q.label, q.color, link.quality === "not-evidenced" || link.quality === "stated");
  }
  function sourceTag(link) {
    if (link.expected) return el("span", "tag expected", "expected");
    if (link.extracted) return el("span", "tag extracted", "extracted");
    return el("span", "tag curated", "curated");
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
  function cap(s) { s = String(s || ""); return s.charAt(0).toUpperCase() + s.slice(1); }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : (many || one + "s")); }
  function evidenceHeading(pid) {
    const ev = evidence[pid];
    const h = el("h4", null, cap(ev.label));
    if (ev.report) { h.appendChild(document.createTextNode(" ")); add(h, el("span", "report", "· " + ev.report)); }
    return h;
  }
  function paraList(link) {
    return link.evidenceLabels.map(function (x) {
      return /^\d+$/.test(x) ? "¶" + x : x.replace(/[-/]/g, " ");
    }).join(", ");
  }
  function linkTitle(l) { return bodies[l.from].label + " → " + bodies[l.to].label; }

  // ------------------------------------------------------------ state
  const hiddenTypes = new Set();
  const hiddenQualities = new Set();
  const hiddenSources = new Set();
  const state = {
    view: "board",
    authority: "",
    centre: legend.focus && boards[legend.focus] ? legend.focus : "",
  };
  if (!state.centre) state.view = "network";
  if (authorities.length > 1 && state.centre) state.authority = bodies[state.centre].auth || "";
  let boardEdges = new Set(state.centre ? boards[state.centre].edges : []);

  // positions of the whole network, kept when a body is dragged there
  const networkPos = {};
  const baseFont = {};
  DATA.nodes.forEach(function (n) {
    networkPos[n.id] = { x: n.x, y: n.y };
    baseFont[n.id] = n.font || null;
  });
  const edgeLabel = {};
  DATA.edges.forEach(function (e) { edgeLabel[e.id] = e.label; });

  function filterKey(b) { return b.placeholder ? "~placeholder" : b.typeKey; }
  function familyOf(b) { return b.placeholder ? "placeholder" : b.family; }
  function sourceOf(l) { return l.expected ? "expected" : (l.extracted ? "extracted" : "curated"); }
  function inAuthority(id) {
    return !state.authority || bodies[id].auths.indexOf(state.authority) >= 0;
  }
  function inView(id) {
    if (state.view === "board") return !!boards[state.centre].pos[id];
    if (state.view === "lines") return bodies[id].lx !== undefined && inAuthority(id);
    return inAuthority(id);
  }
  function nodeShown(id) {
    const b = bodies[id];
    return !!b && !hiddenTypes.has(filterKey(b)) && inView(id);
  }
  function linkPassesFilters(id) {
    const l = links[id];
    return !!l && !hiddenQualities.has(l.quality) && !hiddenSources.has(sourceOf(l)) &&
      !hiddenTypes.has(filterKey(bodies[l.from])) && !hiddenTypes.has(filterKey(bodies[l.to]));
  }
  function edgeShown(e) {
    const l = links[e.id];
    if (!linkPassesFilters(e.id)) return false;
    if (state.view === "board" && !boardEdges.has(e.id)) return false;
    if (state.view === "lines" && !l.reporting) return false;
    return nodeShown(l.from) && nodeShown(l.to);
  }
  // what the counts and the table cover: the chosen authority, or everything
  function linkInScope(id) {
    const l = links[id];
    return !state.authority || inAuthority(l.from) || inAuthority(l.to);
  }

  // ------------------------------------------------------------ the network
  const nodes = new vis.DataSet(DATA.nodes);
  const edges = new vis.DataSet(DATA.edges);
  const nodesView = new vis.DataView(nodes, { filter: function (n) { return nodeShown(n.id); } });
  const edgesView = new vis.DataView(edges, { filter: edgeShown });
  const container = document.getElementById("network");
  const network = new vis.Network(container, {}, DATA.options);

  const api = {
    network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView,
    bodies: bodies, links: links, evidence: evidence, boards: boards, state: state,
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

  // Positions and labels of every body for the current view.
  function layoutView() {
    const update = [];
    const board = state.view === "board" ? boards[state.centre] : null;
    const aboveSet = new Set(board ? board.above : []);
    Object.keys(bodies).forEach(function (id) {
      const b = bodies[id];
      // vis-network merges a node's font: say every field a view changes
      let p, label = b.canvas, font = Object.assign({ size: BASE_FONT, vadjust: 0 }, baseFont[id] || {});
      if (board) {
        const at = board.pos[id];
        if (!at) return;
        p = { x: at[0], y: at[1] };
        if (board.labels[id]) label = board.labels[id];
        if (id === state.centre) font.size = CENTRE_FONT;
        if (aboveSet.has(id)) {  // the label above the body, away from the centre
          const lines = label.split("\n").length;
          font.vadjust = -(2 * (b.size || 14) + lines * font.size + 6);
        }
      } else if (state.view === "lines") {
        if (b.lx === undefined) return;
        p = { x: b.lx, y: b.ly };
      } else {
        p = networkPos[id];
      }
      update.push({ id: id, x: p.x, y: p.y, label: label, font: font });
    });
    nodes.update(update);
    // the board view says each link in its neighbour's label; lines stay unlabelled
    const labelled = [];
    Object.keys(edgeLabel).forEach(function (id) {
      const want = board && boardEdges.has(id) ? "" : edgeLabel[id];
      if (edges.get(id).label !== want) labelled.push({ id: id, label: want });
    });
    if (labelled.length) edges.update(labelled);
  }
  function refresh() {
    nodesView.refresh();
    edgesView.refresh();
    updateStatus();
    filterTable();
    computeFrames();
  }
  // The board view is fitted to its frame (labels above their bodies are
  // outside vis-network's own idea of a body's box), never below a legible zoom.
  function fitView() {
    const ids = nodesView.getIds();
    if (!ids.length) return;
    const min = MIN_LABEL_PX / BASE_FONT;
    if (state.view === "board") {
      const f = boards[state.centre].frame;
      const w = container.clientWidth - 16, h = container.clientHeight - 16;
      const scale = Math.max(min, Math.min(1.3, w / (f[2] - f[0]), h / (f[3] - f[1])));
      network.moveTo({ position: { x: (f[0] + f[2]) / 2, y: (f[1] + f[3]) / 2 }, scale: scale, animation: false });
      return;
    }
    network.fit({ nodes: ids, animation: false });
    if (network.getScale() > 1.3) network.moveTo({ scale: 1.3, animation: false });
    if (state.view === "lines" && network.getScale() < min) {
      // legible first: the top of the lines (the bosses), the rest a scroll away
      let top = Infinity, x0 = Infinity, x1 = -Infinity;
      const pos = network.getPositions(ids);
      ids.forEach(function (id) {
        top = Math.min(top, pos[id].y); x0 = Math.min(x0, pos[id].x); x1 = Math.max(x1, pos[id].x);
      });
      const h = container.clientHeight / min;
      network.moveTo({ position: { x: (x0 + x1) / 2, y: top - 60 + h / 2 }, scale: min, animation: false });
    }
    anchorLabels();
  }
  // In the whole network, councils and boards keep legible names at any zoom.
  let anchorScale = null;
  function anchorLabels() {
    if (state.view !== "network") { anchorScale = null; return; }
    const scale = network.getScale();
    if (anchorScale !== null && Math.abs(scale - anchorScale) / anchorScale < 0.08) return;
    anchorScale = scale;
    const size = Math.min(60, Math.max(BASE_FONT, 13 / scale));
    const update = [];
    nodesView.getIds().forEach(function (id) {
      if (bodies[id].anchor) update.push({ id: id, font: Object.assign({ vadjust: 0 }, baseFont[id] || {}, { size: size }) });
    });
    if (update.length) nodes.update(update);
  }
  network.on("zoom", function () { anchorLabels(); });
  api.labelPx = function (id) {
    const n = nodes.get(id);
    const size = (n.font && n.font.size) || BASE_FONT;
    return size * network.getScale();
  };

  network.on("dragEnd", function (p) {
    if (!p.nodes.length) return;
    const pos = network.getPositions(p.nodes);
    p.nodes.forEach(function (id) {
      if (state.view === "network") networkPos[id] = pos[id];
      else if (state.view === "board") boards[state.centre].pos[id] = [pos[id].x, pos[id].y];
      else { bodies[id].lx = pos[id].x; bodies[id].ly = pos[id].y; }
    });
    computeFrames();
  });

  // ------------------------------------------------------------ frames: one per authority
  let frames = [];
  function computeFrames() {
    frames = [];
    if (state.view !== "network" || authorities.length < 2) return;
    const ids = nodesView.getIds();
    const pos = network.getPositions(ids);
    const box = {};
    ids.forEach(function (id) {
      const key = bodies[id].auth;
      if (!authByKey[key] || !pos[id]) return;
      const r = 30 + (bodies[id].size || 14);
      const b = box[key] || (box[key] = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity });
      b.x0 = Math.min(b.x0, pos[id].x - r - 50); b.x1 = Math.max(b.x1, pos[id].x + r + 50);
      b.y0 = Math.min(b.y0, pos[id].y - r); b.y1 = Math.max(b.y1, pos[id].y + r + 40);
    });
    frames = Object.keys(box).map(function (k) {
      const f = box[k], mid = (f.x0 + f.x1) / 2, half = Math.max(110, (f.x1 - f.x0) / 2);
      return { label: authByKey[k].label, x0: mid - half, x1: mid + half, y0: f.y0, y1: f.y1 };
    });
  }
  network.on("beforeDrawing", function (ctx) {
    if (!frames.length) return;
    const scale = network.getScale();
    const fontPx = 15 / scale;
    ctx.save();
    frames.forEach(function (f) {
      const top = f.y0 - fontPx * 2;
      ctx.fillStyle = "rgba(31, 78, 121, 0.045)";
      ctx.strokeStyle = "rgba(31, 78, 121, 0.35)";
      ctx.lineWidth = 1.5 / scale;
      ctx.beginPath();
      ctx.rect(f.x0, top, f.x1 - f.x0, f.y1 - top);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = "#1f4e79";
      ctx.font = "600 " + fontPx + "px system-ui, sans-serif";
      ctx.textBaseline = "top";
      let name = f.label;
      const room = f.x1 - f.x0 - fontPx * 1.2;
      while (name.length > 1 && ctx.measureText(name).width > room) name = name.slice(0, -2) + "…";
      ctx.fillText(name, f.x0 + fontPx * 0.6, top + fontPx * 0.5);
    });
    ctx.restore();
  });

  // ------------------------------------------------------------ counts
  // One count for the legend and the panel: bodies are bodies in the graph,
  // never placeholders; links are links recorded from the reports (by a
  // person or an extractor); expected links are counted apart.
  function totals(shown) {
    const t = { bodies: 0, placeholders: 0, links: 0, expected: 0, extracted: 0 };
    const ids = shown ? nodesView.getIds() : Object.keys(bodies).filter(inAuthority);
    ids.forEach(function (id) { if (bodies[id].placeholder) t.placeholders++; else t.bodies++; });
    const eids = shown ? edgesView.getIds() : Object.keys(links).filter(linkInScope);
    eids.forEach(function (id) {
      if (links[id].expected) t.expected++;
      else { t.links++; if (links[id].extracted) t.extracted++; }
    });
    return t;
  }
  api.totals = totals;
  function updateStatus() {
    const all = totals(false), now = totals(true);
    const parts = ["Showing " + now.bodies + " of " + plural(all.bodies, "body", "bodies"),
      now.links + " of " + plural(all.links, "recorded link")];
    if (all.expected) parts.push(now.expected + " of " + plural(all.expected, "expected link"));
    if (all.placeholders) parts.push(now.placeholders + " of " + plural(all.placeholders, "placeholder"));
    let text = parts.slice(0, -1).join(", ") + " and " + parts[parts.length - 1] + ".";
    if (state.view === "lines") {
      const aside = Object.keys(bodies).filter(function (id) {
        return inAuthority(id) && bodies[id].lx === undefined && !bodies[id].placeholder;
      }).length;
      if (aside) text += " " + plural(aside, "body", "bodies") + " on no reporting line " + (aside === 1 ? "is" : "are") + " set aside: see the whole network or the table.";
    }
    document.getElementById("status").textContent = text;
  }

  // ------------------------------------------------------------ filters and legend
  // Legend counts cover what the counts in the panel cover: the chosen
  // authority (or all), whatever the filters hide.
  let typeCount = {}, familyCount = {}, qualityCount = {}, sourceCount = {};
  const typeLabel = {}, familyOfType = {};
  Object.keys(bodies).forEach(function (id) {
    const b = bodies[id], key = filterKey(b);
    familyOfType[key] = familyOf(b);
    typeLabel[key] = b.placeholder ? "Expected, no body in the graph" : (b.typeLabel || b.typeKey || "(no type)");
  });
  function countLegend() {
    typeCount = {}; familyCount = {}; qualityCount = {}; sourceCount = {};
    Object.keys(bodies).forEach(function (id) {
      if (!inAuthority(id)) return;
      const b = bodies[id], key = filterKey(b), fam = familyOf(b);
      typeCount[key] = (typeCount[key] || 0) + 1;
      familyCount[fam] = (familyCount[fam] || 0) + 1;
    });
    Object.keys(links).forEach(function (id) {
      if (!linkInScope(id)) return;
      const q = links[id].quality, s = sourceOf(links[id]);
      qualityCount[q] = (qualityCount[q] || 0) + 1;
      sourceCount[s] = (sourceCount[s] || 0) + 1;
    });
  }
  countLegend();
  // every count in the legend, by what it counts
  function updateLegendCounts() {
    countLegend();
    document.querySelectorAll("#controls [data-count]").forEach(function (span) {
      const kind = span.dataset.count, key = span.dataset.key;
      const table = kind === "quality" ? qualityCount : kind === "source" ? sourceCount
        : kind === "family" ? familyCount : typeCount;
      span.textContent = table[key] || 0;
      span.parentNode.classList.toggle("empty", !table[key]);
    });
  }
  function countSpan(kind, key, table) {
    const span = el("span", "count", table[key] || 0);
    span.dataset.count = kind;
    span.dataset.key = key;
    return span;
  }

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
      const label = add(box, el("label", "filter"));
      const input = add(label, el("input"));
      input.type = "checkbox";
      input.checked = true;
      input.dataset.quality = q.key;
      input.addEventListener("change", function () { setQualityVisible(q.key, input.checked); });
      qualityBoxes[q.key] = input;
      label.appendChild(lineIcon(q.color, q.width, q.dashes));
      add(label, el("span", "name", q.label));
      add(label, countSpan("quality", q.key, qualityCount));
    });
  })();
  (function buildSourceFilters() {
    if (!Object.keys(links).some(function (id) { return links[id].extracted; })) return;
    document.getElementById("source-section").hidden = false;
    const box = document.getElementById("source-filters");
    [["curated", "Read by a person (curated)", null],
      ["extracted", "Found by sgkg's extractor: check the quote", legend.extractedDashes]].forEach(function (s) {
      const label = add(box, el("label", "filter"));
      const input = add(label, el("input"));
      input.type = "checkbox";
      input.checked = true;
      input.dataset.source = s[0];
      input.addEventListener("change", function () {
        if (input.checked) hiddenSources.delete(s[0]); else hiddenSources.add(s[0]);
        label.classList.toggle("off", !input.checked);
        refresh();
      });
      label.appendChild(lineIcon("#546e7a", 2, s[2]));
      add(label, el("span", "name", s[1]));
      add(label, countSpan("source", s[0], sourceCount));
    });
  })();

  const typeBoxes = {}, familyBoxes = {};
  function syncFamilyBox(fam) {
    const box = familyBoxes[fam];
    if (!box) return;
    const types = Object.keys(familyOfType).filter(function (t) { return familyOfType[t] === fam; });
    const hidden = types.filter(function (t) { return hiddenTypes.has(t); }).length;
    box.checked = hidden < types.length;
    box.indeterminate = hidden > 0 && hidden < types.length;
    box.parentNode.classList.toggle("off", hidden === types.length);
  }
  function setTypeVisible(t, on, quiet) {
    if (on) hiddenTypes.delete(t); else hiddenTypes.add(t);
    if (typeBoxes[t]) {
      typeBoxes[t].checked = on;
      typeBoxes[t].parentNode.classList.toggle("off", !on);
    }
    syncFamilyBox(familyOfType[t]);
    if (!quiet) refresh();
  }
  (function buildTypeFilters() {
    const box = document.getElementById("type-filters");
    const families = legend.families.slice();
    if (Object.keys(bodies).some(function (id) { return bodies[id].placeholder; })) {
      families.push({ key: "placeholder", label: "Placeholders: expected kinds of body with no body in the graph", color: "#ffffff" });
    }
    families.forEach(function (f) {
      const types = Object.keys(familyOfType).filter(function (t) { return familyOfType[t] === f.key; })
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
      if (f.key === "placeholder") sw.style.border = "1.5px dashed #757575";
      add(label, el("span", "name", f.label));
      add(label, countSpan("family", f.key, familyCount));
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
        add(tl, countSpan("type", t, typeCount));
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
    const note = add(box, el("p", "hint", "A dark ring marks a body Ofsted graded; its grade is under its name. " +
      "A hollow dashed body is a placeholder: a kind of body statute or practice expects that the report does not name. " +
      "A pale one is a kind of body the report mentions, with no link recorded."));
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
  function evidenceBlock(pid) {
    const art = el("article", "evidence");
    art.appendChild(evidenceHeading(pid));
    add(art, el("p", null, evidence[pid].text));
    return art;
  }
  function authorityOfLink(l) {
    const a = bodies[l.from].auth || bodies[l.to].auth;
    return authByKey[a];
  }
  // What an expected link means, true of what the graph holds.
  function expectedWords(l) {
    const a = authorityOfLink(l);
    let text = "Statute or guidance expects this link; no link of this kind is recorded from the report. " +
      "That is not the same as inspectors finding it missing.";
    if (a && a.recorded === "none") {
      text += " No links at all are recorded for " + a.label + " yet (none curated, none extracted), " +
        "so this says nothing about what the report states.";
    } else if (a && a.recorded === "extracted") {
      text += " The links for " + a.label + " were found by sgkg's extractor, which can miss one.";
    }
    return text;
  }
  function expectationLines(parent, l) {
    if (l.expectation) add(parent, el("p", null, "Expected: " + l.expectation + "."));
    if (l.statutorySource) add(parent, el("p", "meta", "Source: " + l.statutorySource));
    if (l.basis) add(parent, el("p", null, cap(l.basis) + "."));
  }
  function extractedLine(parent, l) {
    if (!l.extracted) return;
    const bits = ["Found by sgkg's extractor, not checked by a person"];
    if (l.rule) bits.push("rule " + l.rule);
    if (l.confidence) bits.push("confidence " + l.confidence);
    add(parent, el("p", "meta", bits.join("; ") + ". Read the quote before relying on it."));
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
    meta.appendChild(document.createTextNode(" "));
    meta.appendChild(sourceTag(l));
    if (l.expected) {
      add(details, el("p", null, expectedWords(l)));
      expectationLines(details, l);
    }
    extractedLine(details, l);
    if (l.quote) add(details, el("blockquote", null, "“" + l.quote + "”"));
    if (l.evidence.length) {
      add(details, el("h3", null, "Evidence"));
      l.evidence.forEach(function (pid) { details.appendChild(evidenceBlock(pid)); });
    } else if (!l.expected) {
      add(details, el("p", "meta", "The store holds no text for this link's evidence" + (paraList(l) ? " (" + paraList(l) + ")" : "") + "."));
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
    const meta = [b.placeholder ? "Placeholder" : b.typeLabel];
    if (b.alts.length) meta.push("also " + b.alts.join(", "));
    add(details, el("p", "meta", meta.filter(Boolean).join(" · ")));
    if (b.placeholder) {
      add(details, el("p", null, b.mentions && b.mentions.length
        ? "The report mentions this kind of body (" + b.mentions.map(function (x) { return /^\d+$/.test(x) ? "¶" + x : x; }).join(", ") +
          "), but the graph holds no body of it and no link with one. It is drawn to show the links statute or guidance expects with it."
        : "Statute or guidance expects this kind of body; the report does not name one. It is drawn only to show the links expected with it."));
    }
    if (boards[id] && !(state.view === "board" && state.centre === id)) {
      const go = add(details, el("button", "link", "Show this body and its links in the middle"));
      go.type = "button";
      go.addEventListener("click", function () { setCentre(id); });
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
      if (l.extracted) { li.appendChild(document.createTextNode(" ")); li.appendChild(sourceTag(l)); }
      const paras = paraList(l);
      if (paras) add(li, el("span", "paras", " " + paras));
      if (l.quote) add(li, el("blockquote", null, "“" + l.quote + "”"));
      if (l.expected && l.statutorySource) add(li, el("div", "paras", "Expected: " + l.statutorySource));
      l.evidence.forEach(function (pid) {
        const d = add(li, el("details"));
        add(d, el("summary", null, "Read " + evidence[pid].label));
        add(d, el("p", null, evidence[pid].text));
      });
    });
    if (b.iri) add(details, el("p", "iri", b.iri));
  }

  function countsSentence(t) {
    const reports = !state.authority && authorities.length > 1 ? "the reports" : "the report";
    let text = plural(t.bodies, "body", "bodies") + " and " + (t.links ? plural(t.links, "link") : "no links") +
      " recorded from " + reports + (t.links ? "" : " yet") +
      (t.extracted ? " (" + t.extracted + " of them found by the extractor)" : "");
    if (t.expected) {
      text += "; " + plural(t.expected, "more link") + " that statute or guidance expects " +
        (t.expected === 1 ? "is" : "are") + " not recorded";
    }
    if (t.placeholders) text += " (" + plural(t.placeholders, "placeholder") + " for kinds of body with no body in the graph)";
    return text + ".";
  }
  function showOverview() {
    api.selected = null;
    clear(details);
    const auth = authByKey[state.authority];
    add(details, el("h2", null, auth ? auth.label : DATA.title));
    if (DATA.subtitle) add(details, el("p", "meta", DATA.subtitle));
    const t = totals(false);
    add(details, el("p", "counts", countsSentence(t)));
    if (auth || authorities.length === 1) {
      const a = auth || authorities[0];
      if (a.recorded === "none" && !a.notes.length) {
        add(details, el("p", "note", "No links are recorded for " + a.label + " yet: its report has been read " +
          "for the bodies it mentions, but no links have been curated or extracted. " +
          "The report may well state links; the picture cannot show them."));
      } else if (a.recorded === "extracted") {
        add(details, el("p", "note", "The links for " + a.label + " were found by sgkg's extractor, not read by a person: " +
          "check each quote against its paragraph."));
      }
      a.notes.forEach(function (n) { add(details, el("p", "note", cap(n) + ".")); });
    } else {
      const none = authorities.filter(function (a) { return a.recorded === "none"; });
      if (none.length) {
        add(details, el("p", "note", plural(none.length, "authority", "authorities") + " of " + authorities.length +
          " have no links recorded yet (" + none.map(function (a) { return a.label; }).join(", ") +
          "): their pictures show only the links statute or guidance expects. Pick one above for its notes."));
      }
    }
    if (state.view === "board" && state.centre) {
      add(details, el("p", null, "The picture shows " + bodies[state.centre].label + " in the middle and the " +
        plural(boards[state.centre].edges.length, "link") + " to it. Under each body: how it is linked and what inspectors found. " +
        "Missing and weak links are at the top."));
    }
    const how = add(details, el("ul", "howto"));
    ["Hover over a body or a link for a summary; click it for the evidence.",
      "Red dashed: inspectors found the link missing. Orange: weak. Yellow: developing. Green: effective. Grey dotted: expected by statute or guidance, not recorded from the report.",
      "Whole network shows every body; Reporting lines lays out who reports to whom. The table below the picture lists the same links."].forEach(function (s) {
      add(how, el("li", null, s));
    });
    const worst = Object.keys(links).filter(function (eid) {
      return GAPS.indexOf(links[eid].quality) >= 0 && linkInScope(eid);
    }).sort(function (a, b) {
      return SEVERITY.indexOf(links[a].quality) - SEVERITY.indexOf(links[b].quality) ||
        linkTitle(links[a]).localeCompare(linkTitle(links[b]));
    });
    add(details, el("h3", null, "Missing, weak and developing links (" + worst.length + ")"));
    if (!worst.length) {
      add(details, el("p", "meta", t.links ? "None of the recorded links was found absent, weak or developing."
        : "None can be listed: no links are recorded."));
    }
    const ul = add(details, el("ul", "links worst"));
    worst.slice(0, 60).forEach(function (eid) {
      const l = links[eid];
      const li = add(ul, el("li"));
      const btn = add(li, el("button", "link", linkTitle(l) + " (" + l.kindLabel + ")"));
      btn.type = "button";
      btn.addEventListener("click", function () { selectLink(eid); });
      li.appendChild(qualityBadge(l));
      if (l.extracted) { li.appendChild(document.createTextNode(" ")); li.appendChild(sourceTag(l)); }
      const paras = paraList(l);
      if (paras) add(li, el("span", "paras", " " + paras));
      if (l.quote) add(li, el("blockquote", null, "“" + shorten(l.quote, 220) + "”"));
    });
    if (worst.length > 60) add(details, el("p", "meta", "… and " + (worst.length - 60) + " more in the table below."));
  }
  api.countsSentence = function () { return countsSentence(totals(false)); };

  // ------------------------------------------------------------ tooltip
  const tip = document.getElementById("tip");
  function tipFor(item) {
    clear(tip);
    if (item.node) {
      const b = bodies[item.node];
      add(tip, el("h3", null, b.label));
      add(tip, el("p", "meta", (b.placeholder ? "Placeholder: " + b.note : b.typeLabel) + (b.alts.length ? " · " + b.alts.join(", ") : "")));
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
      if (l.extracted) { p.appendChild(document.createTextNode(" ")); p.appendChild(sourceTag(l)); }
      if (l.expected) {
        add(tip, el("p", null, "Expected, not recorded from the report."));
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
    if (!nodeShown(id)) {
      if (boards[id]) setCentre(id);
      else {
        if (state.authority && !inAuthority(id)) setAuthority("", true);
        setView("network");
      }
    }
    network.selectNodes([id]);
    api.animating = true;
    network.focus(id, {
      scale: Math.max(network.getScale(), MIN_LABEL_PX / BASE_FONT),
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
    if (!edgeShown({ id: eid })) {
      if (state.view === "board" && boards[l.from] && !boards[l.to]) setCentre(l.from);
      else if (state.view === "board" && boards[l.to]) setCentre(l.to);
      if (!edgeShown({ id: eid })) {
        if (state.authority && !inAuthority(l.from) && !inAuthority(l.to)) setAuthority("", true);
        setView("network");
      }
    }
    network.setSelection({ nodes: [], edges: [eid] }, { unselectAll: true, highlightEdges: false });
    const pos = network.getPositions([l.from, l.to]);
    api.animating = true;
    network.moveTo({
      position: { x: (pos[l.from].x + pos[l.to].x) / 2, y: (pos[l.from].y + pos[l.to].y) / 2 },
      scale: Math.max(network.getScale(), MIN_LABEL_PX / BASE_FONT),
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
    return index.map(function (e) {
      return { id: e.id, r: rank(e, q), len: e.label.length, here: inAuthority(e.id) ? 0 : 1 };
    })
      .filter(function (x) { return x.r >= 0; })
      .sort(function (a, b) {
        return a.r - b.r || a.here - b.here || (bodies[a.id].placeholder - bodies[b.id].placeholder) || a.len - b.len;
      })
      .map(function (x) { return x.id; });
  }
  const searchForm = document.getElementById("search");
  const searchInput = document.getElementById("search-input");
  const results = document.getElementById("search-results");
  function showResults(ids) {
    clear(results);
    if (!ids.length) add(results, el("li", "none", "No body matches."));
    ids.slice(0, 12).forEach(function (id) {
      const li = add(results, el("li"));
      const btn = add(li, el("button", null, bodies[id].label));
      btn.type = "button";
      add(btn, el("span", "type", bodies[id].placeholder ? "Placeholder: " + bodies[id].note : bodies[id].typeLabel));
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
    const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
    if (ev.key === "/" && !typing) { ev.preventDefault(); searchInput.focus(); }
    if (ev.key === "Escape") { results.hidden = true; hideTip(); }
  });
  document.addEventListener("click", function (ev) { if (!searchForm.contains(ev.target)) results.hidden = true; });

  // ------------------------------------------------------------ views and authorities
  const viewButtons = {
    board: document.getElementById("view-board"),
    network: document.getElementById("view-network"),
    lines: document.getElementById("view-layered"),
  };
  const banner = document.getElementById("banner");
  function updateBanner() {
    const a = authByKey[state.authority] || (authorities.length === 1 ? authorities[0] : null);
    let text = "";
    if (state.view === "board" && a && a.recorded === "none") {
      text = "No links are recorded for " + a.label + " yet: the grey dotted lines are links statute or guidance expects, not findings.";
    } else if (state.view === "lines" && !nodesView.length) {
      text = "No reporting lines are recorded" + (a ? " for " + a.label : "") + ".";
    }
    banner.textContent = text;
    banner.hidden = !text;
  }
  function setView(view, keepCamera) {
    if (view === "board" && !state.centre) view = "network";
    state.view = view;
    Object.keys(viewButtons).forEach(function (k) { viewButtons[k].setAttribute("aria-pressed", String(k === view)); });
    network.setOptions({
      edges: { smooth: view === "lines" && Object.keys(bodies).length <= 400
        ? { enabled: true, type: "cubicBezier", forceDirection: "vertical", roundness: 0.4 } : false },
    });
    layoutView();
    refresh();
    updateBanner();
    if (!keepCamera) fitView();
  }
  function setCentre(id) {
    if (!boards[id]) return;
    state.centre = id;
    boardEdges = new Set(boards[id].edges);
    setView("board");
    if (!api.selected) showOverview();
  }
  const picker = document.getElementById("authority");
  function setAuthority(key, quiet) {
    state.authority = key;
    picker.value = key;
    const a = authByKey[key];
    if (a && a.centre && boards[a.centre]) {
      state.centre = a.centre;
      boardEdges = new Set(boards[a.centre].edges);
    }
    updateLegendCounts();
    if (quiet) return;
    setView(state.view === "board" && !(a && a.centre) ? "network" : state.view);
    showOverview();
  }
  (function buildPicker() {
    if (authorities.length < 2) return;
    document.getElementById("authority-pick").hidden = false;
    const all = add(picker, el("option", null, "All " + authorities.length + " authorities"));
    all.value = "";
    authorities.forEach(function (a) {
      const o = add(picker, el("option", null, a.label));
      o.value = a.key;
    });
    picker.value = state.authority;
    picker.addEventListener("change", function () { setAuthority(picker.value); });
  })();
  viewButtons.board.addEventListener("click", function () { setView("board"); });
  viewButtons.network.addEventListener("click", function () { setView("network"); });
  viewButtons.lines.addEventListener("click", function () { setView("lines"); });
  document.getElementById("fit").addEventListener("click", function () { fitView(); });

  // ------------------------------------------------------------ the table of links
  const COLUMNS = [
    { key: "from", label: "Body" },
    { key: "kind", label: "Link" },
    { key: "to", label: "Body" },
    { key: "quality", label: "Quality" },
    { key: "paras", label: "Paragraphs" },
    { key: "quote", label: "Quote, or why it is expected" },
    { key: "source", label: "Recorded by" },
  ];
  function sortValue(eid, key) {
    const l = links[eid];
    if (key === "from") return bodies[l.from].label.toLowerCase();
    if (key === "to") return bodies[l.to].label.toLowerCase();
    if (key === "kind") return l.kindLabel.toLowerCase();
    if (key === "quality") return SEVERITY.indexOf(l.quality);
    if (key === "paras") {
      const n = l.evidenceLabels.filter(function (x) { return /^\d+$/.test(x); });
      return n.length ? parseInt(n[0], 10) : (l.evidenceLabels.length ? 100000 : 1000000);
    }
    if (key === "quote") return (l.quote || l.basis || "").toLowerCase();
    const source = ["curated", "extracted", "expected"].indexOf(sourceOf(l));
    // extracted links: the most trusted first (a confidence of 0-1 keeps them between
    // the curated and the expected links)
    return l.extracted && l.confidence ? source + (1 - parseFloat(l.confidence)) / 2 : source;
  }
  const tbody = document.getElementById("table-body");
  const rows = {};
  let tableBuilt = false;
  let sortState = { key: "quality", dir: 1 };
  let activeRow = null;
  function cell(tr, text, cls) { return add(tr, el("td", cls, text)); }
  function buildTable() {
    if (tableBuilt) return;
    tableBuilt = true;
    const head = document.getElementById("table-headings");
    COLUMNS.forEach(function (c) {
      const th = add(head, el("th"));
      th.scope = "col";
      th.dataset.key = c.key;
      th.setAttribute("aria-sort", "none");
      const btn = add(th, el("button", "sort", c.label));
      btn.type = "button";
      add(btn, el("span", "arrow"));
      btn.addEventListener("click", function () {
        sortTable(c.key, sortState.key === c.key ? -sortState.dir : 1);
      });
    });
    const frag = document.createDocumentFragment();
    Object.keys(links).forEach(function (eid) {
      const l = links[eid];
      const tr = el("tr");
      tr.dataset.link = eid;
      tr.tabIndex = -1;
      cell(tr, bodies[l.from].label);
      cell(tr, l.kindLabel);
      cell(tr, bodies[l.to].label);
      add(tr, el("td")).appendChild(qualityBadge(l));
      cell(tr, paraList(l), "paras");
      const q = add(tr, el("td", "quote"));
      if (l.quote) q.textContent = "“" + l.quote + "”";
      else if (l.expected) {
        add(q, el("span", "basis", cap(l.basis || "") + (l.basis ? ". " : "")));
        if (l.statutorySource) add(q, el("span", "source", "Expected under " + l.statutorySource + "."));
      }
      const src = add(tr, el("td"));
      src.appendChild(sourceTag(l));
      if (l.extracted && l.confidence) {
        const c = add(src, el("span", "paras", " " + l.confidence));
        c.title = "Confidence " + l.confidence + ": how far to trust this extracted link, from 0 " +
          "to 1 (a ranking, not a sharp probability: check the quote). Sort by this column to see " +
          "the most trusted first.";
      }
      tr.addEventListener("click", function () { setActiveRow(tr); showInPicture(eid); });
      rows[eid] = tr;
      frag.appendChild(tr);
    });
    tbody.appendChild(frag);
    sortTable(sortState.key, sortState.dir);
    filterTable();
  }
  function sortTable(key, dir) {
    if (!tableBuilt) { sortState = { key: key, dir: dir }; return; }
    sortState = { key: key, dir: dir };
    const ids = Object.keys(rows).sort(function (a, b) {
      const va = sortValue(a, key), vb = sortValue(b, key);
      if (va < vb) return -dir;
      if (va > vb) return dir;
      return SEVERITY.indexOf(links[a].quality) - SEVERITY.indexOf(links[b].quality) ||
        linkTitle(links[a]).localeCompare(linkTitle(links[b]));
    });
    const frag = document.createDocumentFragment();
    ids.forEach(function (id) { frag.appendChild(rows[id]); });
    tbody.appendChild(frag);
    document.querySelectorAll("#table-headings th").forEach(function (th) {
      const on = th.dataset.key === key;
      th.setAttribute("aria-sort", on ? (dir > 0 ? "ascending" : "descending") : "none");
      th.querySelector(".arrow").textContent = on ? (dir > 0 ? " ▲" : " ▼") : "";
    });
    setActiveRow(visibleRows()[0], true);  // after a sort, the rows are entered at the top
  }
  function visibleRows() {
    return Array.prototype.filter.call(tbody.children, function (tr) { return !tr.hidden; });
  }
  function filterTable() {
    const summary = document.getElementById("table-summary");
    let shown = 0, total = 0;
    Object.keys(links).forEach(function (eid) {
      if (!linkInScope(eid)) { if (rows[eid]) rows[eid].hidden = true; return; }
      total++;
      const on = linkPassesFilters(eid);
      if (on) shown++;
      if (rows[eid]) rows[eid].hidden = !on;
    });
    const a = authByKey[state.authority];
    summary.textContent = (a ? a.label + ": " : "") + "showing " + shown + " of " + plural(total, "link") +
      " (recorded and expected), with the filters beside the picture.";
    if (tableBuilt && (!activeRow || activeRow.hidden)) setActiveRow(visibleRows()[0], true);
  }
  function setActiveRow(tr, quiet) {
    if (activeRow) { activeRow.tabIndex = -1; activeRow.classList.remove("active"); }
    activeRow = tr || null;
    if (!activeRow) return;
    activeRow.tabIndex = 0;
    activeRow.classList.add("active");
    if (!quiet) activeRow.focus();
  }
  tbody.addEventListener("keydown", function (ev) {
    const tr = ev.target.closest("tr");
    if (!tr) return;
    const list = visibleRows();
    const i = list.indexOf(tr);
    let next = null;
    if (ev.key === "ArrowDown") next = list[Math.min(i + 1, list.length - 1)];
    else if (ev.key === "ArrowUp") next = list[Math.max(i - 1, 0)];
    else if (ev.key === "Home") next = list[0];
    else if (ev.key === "End") next = list[list.length - 1];
    else if (ev.key === "PageDown") next = list[Math.min(i + 10, list.length - 1)];
    else if (ev.key === "PageUp") next = list[Math.max(i - 10, 0)];
    else if (ev.key === "Enter" || ev.key === " ") {
      ev.preventDefault();
      showInPicture(tr.dataset.link);
      return;
    } else return;
    ev.preventDefault();
    setActiveRow(next);
  });
  function showInPicture(eid) {
    selectLink(eid);
    document.getElementById("app").scrollIntoView({ block: "start" });
  }
  function toTable() {
    buildTable();
    document.getElementById("table-section").scrollIntoView({ block: "start" });
    document.getElementById("table-title").focus({ preventScroll: true });
  }
  document.getElementById("to-table").addEventListener("click", toTable);
  document.getElementById("to-picture").addEventListener("click", function () {
    document.getElementById("app").scrollIntoView({ block: "start" });
  });
  document.getElementById("print").addEventListener("click", function () { buildTable(); window.print(); });
  window.addEventListener("beforeprint", buildTable);
  if ("IntersectionObserver" in window) {
    const seen = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { buildTable(); seen.disconnect(); }
    }, { rootMargin: "200px" });
    seen.observe(document.getElementById("table-section"));
  }

  // ------------------------------------------------------------ start
  document.getElementById("subtitle").textContent = DATA.subtitle || "";
  Object.assign(api, {
    focusBody: focusBody, selectLink: selectLink, showBody: showBody, showLink: showLink,
    showOverview: showOverview, setView: setView, setCentre: setCentre, setAuthority: setAuthority,
    setQualityVisible: setQualityVisible, setTypeVisible: setTypeVisible, findBodies: findBodies,
    refresh: refresh, buildTable: buildTable, sortTable: sortTable, fitView: fitView,
    setLayered: function (on) { setView(on ? "lines" : "network"); },
    frames: function () { computeFrames(); return frames; },
    authorities: authorities,
    isLayered: function () { return state.view === "lines"; },
  });
  network.once("afterDrawing", function () { markReady("first-draw"); });
  Object.keys(viewButtons).forEach(function (k) { viewButtons[k].setAttribute("aria-pressed", String(k === state.view)); });
  layoutView();
  network.setData({ nodes: nodesView, edges: edgesView });
  refresh();
  updateBanner();
  fitView();
  showOverview();
})();
