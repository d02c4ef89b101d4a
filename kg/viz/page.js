/* The kg graph page: draws the embedded data with vis-network, physics off.
 * Every string from an article reaches the page through textContent or a
 * DOM property, never through innerHTML, so a name or sentence that carries
 * markup is shown as text. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var STATUSES = ["occurred", "planned", "possible"];
  var DASHES = { occurred: false, planned: [10, 6], possible: [2, 6] };
  var classStyle = {};
  data.classes.forEach(function (c) { classStyle[c.name] = c; });
  var predicateColor = {};
  data.predicates.forEach(function (p) { predicateColor[p.name] = p.color; });

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node[key] = attrs[key]; });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /* ---- data sets: every node, every drawable (not negated) edge ---- */
  var degree = new Array(data.nodes.length).fill(0);
  var edgesOf = data.nodes.map(function () { return []; });
  data.edges.forEach(function (e, i) {
    degree[e.from] += 1; degree[e.to] += 1;
    edgesOf[e.from].push(i);
    if (e.to !== e.from) edgesOf[e.to].push(i);
  });
  var nodes = new vis.DataSet(data.nodes.map(function (n, i) {
    var style = classStyle[n.cls];
    return { id: i, label: n.label, x: n.x, y: n.y, shape: style.shape, value: degree[i] + 1,
             color: { background: style.color, border: "#333",
                      highlight: { background: style.color, border: "#000" },
                      hover: { background: style.color, border: "#000" } } };
  }));
  var parallel = {};  /* links between the same two nodes bend apart instead of overlapping */
  function bend(e) {
    var pair = Math.min(e.from, e.to) + "-" + Math.max(e.from, e.to);
    var n = parallel[pair] = (parallel[pair] || 0) + 1;
    if (n === 1) return false;
    var side = (n % 2 === 0) === (e.from < e.to) ? "curvedCW" : "curvedCCW";
    return { enabled: true, type: side, roundness: 0.25 * Math.ceil((n - 1) / 2) };
  }
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    return e.st === "negated" ? null : { id: i, from: e.from, to: e.to, label: e.p, dashes: DASHES[e.st] || false, smooth: bend(e),
             arrows: e.sym ? "" : "to", color: { color: predicateColor[e.p], highlight: "#000", hover: "#000" } };
  }).filter(Boolean));

  /* ---- filters ---- */
  var shownClasses = new Set(data.classes.map(function (c) { return c.name; }));
  var shownPredicates = new Set(data.predicates.map(function (p) { return p.name; }));
  var shownStatuses = new Set(STATUSES);
  var dateFrom = document.getElementById("date-from");
  var dateTo = document.getElementById("date-to");
  var undated = document.getElementById("date-undated");

  function span(date) {  /* "2024", "2024-05", "2024-05-17" -> [first day, last day] */
    var parts = date.split("-");
    if (parts.length === 1) return [date + "-01-01", date + "-12-31"];
    if (parts.length === 2) return [date + "-01", date + "-31"];
    return [date, date];
  }
  function inDates(e) {
    if (!e.dates.length) return undated.checked;
    if (!dateFrom.value && !dateTo.value) return true;
    return e.dates.some(function (d) {
      var s = span(d);
      return (!dateFrom.value || s[1] >= dateFrom.value) && (!dateTo.value || s[0] <= dateTo.value);
    });
  }
  var nodeView = new vis.DataView(nodes, { filter: function (n) {
    return shownClasses.has(data.nodes[n.id].cls);
  } });
  var edgeView = new vis.DataView(edges, { filter: function (item) {
    var e = data.edges[item.id];
    return shownPredicates.has(e.p) && shownStatuses.has(e.st) && inDates(e) &&
      shownClasses.has(data.nodes[e.from].cls) && shownClasses.has(data.nodes[e.to].cls);
  } });
  function counts() {
    document.getElementById("counts").textContent =
      nodeView.length + " of " + data.nodes.length + " entities, " +
      edgeView.length + " of " + edges.length + " links shown";
  }
  function refresh() { nodeView.refresh(); edgeView.refresh(); counts(); }

  function checkbox(container, set, name, swatch, text) {
    var box = el("input", { type: "checkbox", checked: true, value: name });
    box.addEventListener("change", function () {
      if (box.checked) set.add(name); else set.delete(name);
      refresh();
    });
    container.appendChild(el("label", {}, [box, swatch, text]));
  }
  data.classes.forEach(function (c) {
    var swatch = el("span", { className: "swatch " + c.shape });
    swatch.style.background = c.color;
    var n = data.nodes.filter(function (node) { return node.cls === c.name; }).length;
    checkbox(document.getElementById("filter-class"), shownClasses, c.name, swatch, c.name + " (" + n + ")");
  });
  data.predicates.forEach(function (p) {
    var swatch = el("span", { className: "line" });
    swatch.style.borderTopColor = p.color;
    checkbox(document.getElementById("filter-predicate"), shownPredicates, p.name, swatch, p.name);
  });
  STATUSES.forEach(function (s) {
    checkbox(document.getElementById("filter-status"), shownStatuses, s, el("span", { className: "line " + s }), s);
  });
  [dateFrom, dateTo, undated].forEach(function (input) { input.addEventListener("change", refresh); });

  /* ---- the network ---- */
  var big = data.edges.length > 2000;
  var network = new vis.Network(document.getElementById("graph"), { nodes: nodeView, edges: edgeView }, {
    physics: false,
    layout: { improvedLayout: false },
    nodes: { font: { size: 14, strokeWidth: 3, strokeColor: "#fff" }, scaling: { min: 8, max: 28 } },
    edges: { smooth: false, width: 1.5, font: { size: 11, align: "middle", strokeWidth: 3, strokeColor: "#fff" },
             arrows: { to: { scaleFactor: 0.6 } } },
    interaction: { hover: true, hideEdgesOnDrag: big, hideEdgesOnZoom: big }
  });
  network.once("afterDrawing", function () { window.kgReady = true; });

  /* ---- evidence: tooltip on hover, panel on click ---- */
  var title = document.getElementById("panel-title");
  var body = document.getElementById("panel-body");
  var tooltip = document.getElementById("tooltip");

  function statusTag(status) { return el("span", { className: "status " + status }, [status]); }
  function nodeButton(i) {
    var b = el("button", { className: "link", type: "button" }, [data.nodes[i].label]);
    b.addEventListener("click", function () { focusNode(i); });
    return b;
  }
  function safeUrl(url) { return /^https?:\/\//i.test(url || "") ? url : null; }
  function quoteBlock(q) {
    var meta = [];
    if (q.d) meta.push("dated " + q.d);
    var article = q.a >= 0 ? data.articles[q.a] : null;
    if (article) {
      meta.push(article.h + (article.pub ? " (" + article.pub + ")" : ""));
      if (article.src) meta.push(article.src);
    }
    if (q.by) meta.push("according to " + q.by);
    if (q.c !== null && q.c !== undefined) meta.push("confidence " + q.c);
    var link = article && safeUrl(article.url)
      ? el("a", { href: safeUrl(article.url), target: "_blank", rel: "noopener noreferrer" }, [" open article"]) : null;
    return el("div", { className: "quote" }, [el("blockquote", {}, [q.s]), el("div", { className: "meta" }, [meta.join(" · "), link])]);
  }
  function factBlock(i, from) {
    var e = data.edges[i];
    var head = el("div", { className: "head" }, [
      from === e.to ? nodeButton(e.from) : (from === e.from ? data.nodes[e.from].label : nodeButton(e.from)),
      " " + e.p + (e.sym ? " (both ways) " : " "),
      from === e.from && e.to !== e.from ? nodeButton(e.to) : data.nodes[e.to].label, " ", statusTag(e.st)]);
    var dates = e.dates.length ? el("div", { className: "meta" }, ["dates: " + e.dates.join(", ")]) : null;
    var quotes = e.q.length ? e.q.map(quoteBlock) : [el("p", { className: "meta" }, ["asserted without a source sentence"])];
    return el("div", { className: "fact" }, [head, dates].concat(quotes));
  }
  function fill(heading, children) {
    title.textContent = heading;
    body.replaceChildren.apply(body, children.filter(function (c) { return c !== null; }));
    body.scrollTop = 0;
  }
  function showNode(i) {
    var n = data.nodes[i];
    var facts = edgesOf[i].slice().sort(function (a, b) {
      return (data.edges[a].st === "negated") - (data.edges[b].st === "negated") || a - b;
    });
    fill(n.label, [
      el("p", { className: "meta" }, [n.cls + (n.wd ? " · Wikidata " + n.wd : "")]),
      n.aliases.length ? el("p", {}, ["Also called: " + n.aliases.join(", ")]) : null,
      el("h3", {}, [facts.length + (facts.length === 1 ? " fact" : " facts")])
    ].concat(facts.map(function (f) { return factBlock(f, i); })));
  }
  function showEdge(i) {
    var e = data.edges[i];
    fill(data.nodes[e.from].label + " " + e.p + " " + data.nodes[e.to].label, [factBlock(i, -1)]);
  }
  function focusNode(i) {
    if (!nodeView.get(i)) { shownClasses.add(data.nodes[i].cls); syncBoxes(); refresh(); }
    network.selectNodes([i]);
    network.focus(i, { scale: Math.max(network.getScale(), 1), animation: false });
    showNode(i);
  }
  function syncBoxes() {
    document.querySelectorAll("#filter-class input").forEach(function (b) { b.checked = shownClasses.has(b.value); });
  }
  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });
  function place(params) {
    var rect = network.body.container.getBoundingClientRect();
    tooltip.style.left = rect.left + params.pointer.DOM.x + 14 + "px";
    tooltip.style.top = rect.top + params.pointer.DOM.y + 14 + "px";
    tooltip.hidden = false;
  }
  network.on("hoverNode", function (params) {
    var n = data.nodes[params.node];
    tooltip.replaceChildren(el("strong", {}, [n.label]), " " + n.cls,
      n.aliases.length ? el("div", {}, ["also " + n.aliases.join(", ")]) : "",
      el("div", { className: "meta" }, [edgesOf[params.node].length + " facts; click for evidence"]));
    place(params);
  });
  network.on("hoverEdge", function (params) {
    var e = data.edges[params.edge];
    tooltip.replaceChildren(el("strong", {}, [data.nodes[e.from].label + " " + e.p + " " + data.nodes[e.to].label]),
      " ", statusTag(e.st), e.dates.length ? el("div", {}, [e.dates.join(", ")]) : "",
      e.q.length ? el("div", { className: "meta" }, ["“" + e.q[0].s + "”" + (e.q.length > 1 ? " (+" + (e.q.length - 1) + " more)" : "")]) : "");
    place(params);
  });
  ["blurNode", "blurEdge", "dragStart", "zoom"].forEach(function (name) {
    network.on(name, function () { tooltip.hidden = true; });
  });

  /* ---- search by label or alias ---- */
  var search = document.getElementById("search");
  var result = document.getElementById("search-result");
  var names = document.getElementById("names");
  var seen = new Set();
  data.nodes.forEach(function (n) {
    [n.label].concat(n.aliases).forEach(function (name) {
      if (!seen.has(name)) { seen.add(name); names.appendChild(el("option", { value: name })); }
    });
  });
  function find(query) {
    var q = query.trim().toLowerCase();
    if (!q) return -1;
    function names(n) { return [n.label].concat(n.aliases).map(function (s) { return s.toLowerCase(); }); }
    var exact = data.nodes.findIndex(function (n) { return names(n).indexOf(q) >= 0; });
    if (exact >= 0) return exact;
    return data.nodes.findIndex(function (n) { return names(n).some(function (s) { return s.indexOf(q) >= 0; }); });
  }
  function runSearch() {
    var i = find(search.value);
    result.textContent = search.value.trim() && i < 0 ? "no entity is called that" : "";
    if (i >= 0) focusNode(i);
    return i;
  }
  search.addEventListener("change", runSearch);
  search.addEventListener("keydown", function (event) { if (event.key === "Enter") runSearch(); });

  counts();
  window.kg = { network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
                data: data, showNode: showNode, showEdge: showEdge, find: find, focusNode: focusNode };
})();
