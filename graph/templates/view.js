/* uncite HTML view: builds the vis-network from the inline JSON, the legend/filters, search and tooltips.
   Every document string is put into the page with textContent (or drawn on the canvas), never as HTML. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("uncite-data").textContent);
  var state = { ready: false, hidden: { kind: {}, body: {}, relation: {} } };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function nodeTooltip(m) {
    var box = el("div");
    box.appendChild(el("div", "tt-head", m.key));
    if (m.title) box.appendChild(el("div", "tt-title", m.title));
    var when = m.date ? m.date : (m.session ? "session " + m.session : (m.year ? m.year : "date unknown"));
    if (m.date_inferred) when += " (inferred)";
    if (m.placed === "by-citer") when += " — placed before its first citer";
    box.appendChild(el("div", "tt-row", "Date: " + when));
    box.appendChild(el("div", "tt-row", "Body: " + (m.body || "—") + " · Kind: " + (m.kind || "—")));
    box.appendChild(el("div", "tt-row", "Cited by " + m.cited_by + " · cites " + m.cites +
      (m.in_corpus ? " · in corpus" : " · known only by citation")));
    (m.spans || []).forEach(function (s) {
      box.appendChild(el("div", "tt-quote", "“" + s.text + "” — " + s.from + (s.relation ? " (" + s.relation + ")" : "")));
    });
    if (m.url) box.appendChild(el("div", "tt-hint", "Click to open " + m.url));
    return box;
  }

  function edgeTooltip(m) {
    var box = el("div");
    box.appendChild(el("div", "tt-head", m.from + " " + m.relation + " " + m.to));
    (m.texts || []).forEach(function (t) { box.appendChild(el("div", "tt-quote", "“" + t + "”")); });
    var where = [];
    if (m.paragraph) where.push("paragraph " + m.paragraph);
    if (m.footnote) where.push("footnote " + m.footnote);
    if (m.language) where.push("language " + m.language);
    if (where.length) box.appendChild(el("div", "tt-row", where.join(" · ")));
    return box;
  }

  DATA.nodes.forEach(function (n) { n.title = nodeTooltip(n.meta); });
  DATA.edges.forEach(function (e) { e.title = edgeTooltip(e.meta); });
  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.options);
  var status = document.getElementById("status");

  function markReady() {
    if (state.ready) return;
    state.ready = true;
    status.textContent = "";
    document.body.setAttribute("data-ready", "true");
  }
  if (!DATA.nodes.length) {
    markReady();
    status.textContent = "No works to show.";
  } else if (DATA.physics) {
    status.textContent = "Laying out…";
    network.on("stabilizationProgress", function (p) {
      status.textContent = "Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });  // settle once, then stay still
      markReady();
    });
  } else {
    network.once("afterDrawing", function () { network.fit(); markReady(); });
  }

  // Year axis: vertical rules and labels, drawn under the graph in canvas coordinates.
  network.on("beforeDrawing", function (ctx) {
    var top = network.DOMtoCanvas({ x: 0, y: 0 });
    var bottom = network.DOMtoCanvas({ x: 0, y: container.clientHeight });
    var scale = network.getScale();
    ctx.save();
    ctx.strokeStyle = "#eeeeee";
    ctx.fillStyle = "#999999";
    ctx.lineWidth = 1 / scale;
    ctx.font = (12 / scale) + "px sans-serif";
    DATA.ticks.forEach(function (t) {
      ctx.beginPath();
      ctx.moveTo(t.x, top.y);
      ctx.lineTo(t.x, bottom.y);
      ctx.stroke();
      ctx.fillText(t.label, t.x + 3 / scale, top.y + 14 / scale);
    });
    ctx.restore();
  });

  network.on("click", function (params) {
    if (params.nodes.length !== 1) return;
    var n = nodes.get(params.nodes[0]);
    if (n && n.meta.url) window.open(n.meta.url, "_blank", "noopener,noreferrer");
  });

  // Filters: the legend entries are check boxes; a node shows when its kind and body are shown,
  // an edge when its relation and both ends are shown.
  function applyFilters() {
    var h = state.hidden, nodeUpdates = [], edgeUpdates = [], visible = {};
    nodes.forEach(function (n) {
      var hide = !!(h.kind[n.kind] || h.body[n.body]);
      visible[n.id] = !hide;
      if (!!n.hidden !== hide) nodeUpdates.push({ id: n.id, hidden: hide });
    });
    edges.forEach(function (e) {
      var hide = !!(h.relation[e.relation] || !visible[e.from] || !visible[e.to]);
      if (!!e.hidden !== hide) edgeUpdates.push({ id: e.id, hidden: hide });
    });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
  }

  function legendSection(id, field, entries, swatch) {
    var box = document.getElementById(id);
    entries.forEach(function (entry) {
      var label = el("label");
      var box2 = el("input");
      box2.type = "checkbox";
      box2.checked = true;
      box2.setAttribute("data-filter", field);
      box2.setAttribute("data-value", entry.value);
      box2.addEventListener("change", function () {
        state.hidden[field][entry.value] = !box2.checked;
        applyFilters();
      });
      var sw = el("span", "sw" + (swatch ? " " + swatch : ""));
      if (swatch === "ring") sw.style.borderColor = entry.color; else sw.style.background = entry.color;
      label.appendChild(box2);
      label.appendChild(sw);
      var text = !entry.value ? (entry.name || "none") : (entry.name && entry.name !== entry.value ? entry.value + " — " + entry.name : entry.value);
      label.appendChild(el("span", null, text));
      label.appendChild(el("span", "count", entry.count));
      box.appendChild(label);
    });
  }
  legendSection("f-kind", "kind", DATA.legend.kinds, "");
  legendSection("f-body", "body", DATA.legend.bodies, "ring");
  legendSection("f-relation", "relation", DATA.legend.relations, "line");

  // Search: substring of key, label or title; matches are selected, and a few are zoomed to.
  var search = document.getElementById("search");
  var count = document.getElementById("search-count");
  function runSearch(zoom) {
    var q = search.value.trim().toLowerCase();
    if (!q) { network.unselectAll(); count.textContent = ""; return []; }
    var ids = nodes.getIds({ filter: function (n) { return !n.hidden && n.meta.search.indexOf(q) !== -1; } });
    network.selectNodes(ids, true);
    count.textContent = ids.length + (ids.length === 1 ? " match" : " matches");
    if (zoom && ids.length && ids.length <= 50) network.fit({ nodes: ids, animation: false, maxZoomLevel: 1.5 });
    return ids;
  }
  search.addEventListener("input", function () { runSearch(false); });
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") runSearch(true); });
  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: false }); });

  if (DATA.focus) network.selectNodes([DATA.focus]);
  window.network = network;
  window.uncite = { network: network, nodes: nodes, edges: edges, state: state, search: runSearch };
})();
