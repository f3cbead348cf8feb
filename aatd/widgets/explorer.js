/* Kernel-free explorer runtime (aatd.widgets.page writes the page). It holds no model: it
   reads the precomputed JSON grid (keys: aatd.widgets.contract.SCHEMA), builds a state key
   from the controls, looks the state up and draws its elements as SVG. No network, no eval. */

/* How one control value is written in a state key: the same function as
   aatd.widgets.contract.key_value (tests/test_widgets_contract.py compares them in chromium).
   Booleans "1"/"0"; null "-"; text itself; a number: an integer below 2^53 as its digits,
   otherwise rounded to 12 significant digits (toExponential: ties away from zero) and
   written as a plain decimal without exponent or trailing zeros; -0 is "0". */
var aatdKey = window.aatdKey || function (v) {
  "use strict";
  if (v === true) { return "1"; }
  if (v === false) { return "0"; }
  if (v === null || v === undefined) { return "-"; }
  if (typeof v !== "number") { return String(v); }
  if (v === 0) { return "0"; }
  if (Number.isInteger(v) && Math.abs(v) < 9007199254740992) { return v.toFixed(0); }
  var parts = v.toExponential(11).split("e");
  var neg = parts[0].charAt(0) === "-";
  var digits = parts[0].replace("-", "").replace(".", "").replace(/0+$/, "");
  var point = parseInt(parts[1], 10) + 1; /* digits before the decimal point */
  var out;
  if (point <= 0) { out = "0." + "0".repeat(-point) + digits; }
  else if (point >= digits.length) { out = digits + "0".repeat(point - digits.length); }
  else { out = digits.slice(0, point) + "." + digits.slice(point); }
  return (neg ? "-" : "") + out;
};
window.aatdKey = aatdKey;

var aatdExplorerInit = window.aatdExplorerInit || function (uid) {
  "use strict";
  var root = document.getElementById(uid);
  if (!root || root.getAttribute("data-aatd-ready")) { return; }
  /* The grid is inline in a notebook; the book moves it to a deferred file beside the page
     (book/_ext/lean_pages.py), which stores it in window.aatdData and calls this. */
  var dataEl = root.querySelector("script.aatd-data");
  var D = dataEl ? JSON.parse(dataEl.textContent) : (window.aatdData || {})[uid];
  if (!D) { return; }
  var NS = "http://www.w3.org/2000/svg";
  var svg = root.querySelector("svg");
  var svgTitle = svg.querySelector("title");
  var readout = root.querySelector(".aatd-readout");
  var tablesEl = root.querySelector(".aatd-tables");
  var pool = D.pool;
  /* fonts scale with the drawing's width so text stays readable when the SVG shrinks */
  var F = Math.max(1, D.w / 720);
  var redraws = 0;

  function arr(v) { return typeof v === "number" ? pool[v] : v; }
  function mk(tag, attrs, parent) {
    var e = document.createElementNS(NS, tag);
    for (var k in attrs) {
      if (attrs[k] !== undefined && attrs[k] !== null) { e.setAttribute(k, attrs[k]); }
    }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function txt(parent, x, y, s, attrs) {
    var a = attrs || {};
    a.x = x; a.y = y;
    var t = mk("text", a, parent);
    t.textContent = s;
    return t;
  }
  function scale(ax, a, b) {
    var lo = ax.log ? Math.log10(ax.min) : ax.min;
    var hi = ax.log ? Math.log10(ax.max) : ax.max;
    if (ax.inv) { var s = a; a = b; b = s; }
    return function (v) {
      var u = ax.log ? (v > 0 ? Math.log10(v) : NaN) : v;
      return a + (u - lo) / (hi - lo) * (b - a);
    };
  }

  /* panels: axes drawn once */
  var panels = {};
  var axesG = mk("g", { "class": "aatd-axes" }, svg);
  var staticG = mk("g", { "class": "aatd-static" }, svg);
  var dynG = mk("g", { "class": "aatd-dynamic" }, svg);
  var defs = mk("defs", {}, svg);
  Object.keys(D.panels).sort().forEach(function (name, i) {
    var p = D.panels[name], b = p.box;
    var P = { p: p, x0: b[0], x1: b[0] + b[2], y0: b[1], y1: b[1] + b[3] };
    P.sx = scale(p.x, P.x0, P.x1);
    P.sy = scale(p.y, P.y1, P.y0);
    P.clip = uid + "-clip-" + i;
    var cp = mk("clipPath", { id: P.clip }, defs);
    mk("rect", { x: P.x0, y: P.y0 - 1, width: b[2] + 1, height: b[3] + 2 }, cp);
    var g = mk("g", {}, axesG);
    p.x.ticks.forEach(function (t, j) {
      var x = P.sx(t);
      if (p.x.grid) { mk("line", { x1: x, x2: x, y1: P.y0, y2: P.y1, stroke: "#DDDDDD", "stroke-width": 0.6 }, g); }
      mk("line", { x1: x, x2: x, y1: P.y1, y2: P.y1 + 4, stroke: "#333" }, g);
      txt(g, x, P.y1 + 17 * F, p.x.tl[j], { "text-anchor": "middle", "font-size": 12 * F, fill: "#333" });
    });
    p.y.ticks.forEach(function (t, j) {
      var y = P.sy(t);
      if (p.y.grid) { mk("line", { x1: P.x0, x2: P.x1, y1: y, y2: y, stroke: "#DDDDDD", "stroke-width": 0.6 }, g); }
      mk("line", { x1: P.x0 - 4, x2: P.x0, y1: y, y2: y, stroke: "#333" }, g);
      txt(g, P.x0 - 7, y + 4 * F, p.y.tl[j], { "text-anchor": "end", "font-size": (p.y.fs || 12) * F, fill: "#333" });
    });
    mk("line", { x1: P.x0, x2: P.x1, y1: P.y1, y2: P.y1, stroke: "#333" }, g);
    mk("line", { x1: P.x0, x2: P.x0, y1: P.y0, y2: P.y1, stroke: "#333" }, g);
    if (p.x.label) { txt(g, (P.x0 + P.x1) / 2, P.y1 + 38 * F, p.x.label, { "text-anchor": "middle", "font-size": 13 * F, fill: "#111" }); }
    if (p.y.label) {
      var yl = txt(g, 0, 0, p.y.label, { "text-anchor": "middle", "font-size": 13 * F, fill: "#111" });
      yl.setAttribute("transform", "translate(" + (P.x0 - 46 * F) + "," + ((P.y0 + P.y1) / 2) + ") rotate(-90)");
    }
    if (p.title) { txt(g, P.x0, P.y0 - 8 * F, p.title, { "font-size": 14 * F, "font-weight": 600, fill: "#111" }); }
    panels[name] = P;
  });

  function path(P, xs, ys) {
    var d = "", pen = false;
    for (var i = 0; i < xs.length; i++) {
      var x = P.sx(xs[i]), y = P.sy(ys[i]);
      if (!isFinite(x) || !isFinite(y)) { pen = false; continue; }
      d += (pen ? "L" : "M") + x.toFixed(1) + " " + y.toFixed(1);
      pen = true;
    }
    return d;
  }

  function draw(el, parent, legend) {
    var P = panels[el.p];
    var clipG = mk("g", { "clip-path": "url(#" + P.clip + ")" }, parent);
    var k = el.k, lgKind = k;
    if (k === "line") {
      mk("path", { d: path(P, arr(el.x), arr(el.y)), fill: "none", stroke: el.c,
        "stroke-width": el.w, "stroke-dasharray": el.d, "stroke-opacity": el.o,
        "stroke-linejoin": "round" }, clipG);
    } else if (k === "area") {
      var ax_ = arr(el.x), lo = arr(el.y0), hi = arr(el.y1), d = "";
      for (var i = 0; i < ax_.length; i++) { d += (i ? "L" : "M") + P.sx(ax_[i]).toFixed(1) + " " + P.sy(hi[i]).toFixed(1); }
      for (var j = ax_.length - 1; j >= 0; j--) { d += "L" + P.sx(ax_[j]).toFixed(1) + " " + P.sy(lo[j]).toFixed(1); }
      mk("path", { d: d + "Z", fill: el.c, "fill-opacity": el.o, stroke: "none" }, clipG);
      lgKind = "band";
    } else if (k === "mark") {
      var cx = P.sx(el.x), cy = P.sy(el.y);
      mk("circle", { cx: cx, cy: cy, r: el.r, fill: el.c, stroke: el.s, "stroke-width": 1.5 }, parent);
      if (el.t) {
        var right = cx > (P.x0 + P.x1) / 2;
        txt(parent, cx + (right ? -10 : 10), cy - 8, el.t, { "text-anchor": right ? "end" : "start",
          "font-size": 12 * F, "font-weight": 600, fill: "#111", "paint-order": "stroke",
          stroke: "#fff", "stroke-width": 3 });
      }
    } else if (k === "vl") {
      var x = P.sx(el.x);
      mk("line", { x1: x, x2: x, y1: P.y0, y2: P.y1, stroke: el.c, "stroke-width": el.w,
        "stroke-dasharray": el.d }, clipG);
      if (el.t) {
        txt(parent, x + 4, P.y1 - el.at * (P.y1 - P.y0) + 12 * F, el.t, { "font-size": 12 * F, fill: "#111",
          "paint-order": "stroke", stroke: "#fff", "stroke-width": 3 });
      }
    } else if (k === "hl") {
      var y = P.sy(el.y);
      mk("line", { x1: P.x0, x2: P.x1, y1: y, y2: y, stroke: el.c, "stroke-width": el.w,
        "stroke-dasharray": el.d }, clipG);
      if (el.t) {
        var ax = P.x0 + el.at * (P.x1 - P.x0);
        txt(parent, ax, y - 5, el.t, { "font-size": 12 * F, fill: "#111", "text-anchor": el.at > 0.5 ? "end" : "start",
          "paint-order": "stroke", stroke: "#fff", "stroke-width": 3 });
      }
    } else if (k === "band" || k === "rect") {
      var bx0 = P.sx(el.x0), bx1 = P.sx(el.x1);
      var by0 = el.y0 === undefined ? P.y1 : P.sy(el.y0);
      var by1 = el.y1 === undefined ? P.y0 : P.sy(el.y1);
      var rx = Math.min(bx0, bx1), ry = Math.min(by0, by1);
      var rw = Math.abs(bx1 - bx0), rh = Math.abs(by1 - by0);
      mk("rect", { x: rx, y: ry, width: rw, height: rh, fill: el.c, "fill-opacity": el.o,
        stroke: el.s }, clipG);
      if (el.t) {
        if (k === "rect") {
          txt(parent, rx + rw / 2, ry + rh / 2 + 5, el.t, { "text-anchor": "middle",
            "font-size": (el.fs || 13) * F, fill: el.tc || "#111" });
        } else {
          txt(parent, rx + 3, ry + 14 * F, el.t, { "font-size": 12 * F, fill: "#111" });
        }
      }
      lgKind = "band";
    } else if (k === "text") {
      txt(parent, P.sx(el.x), P.sy(el.y), el.t, { "text-anchor": el.a, "font-size": el.fs * F,
        "font-weight": el.fw, fill: el.c, "paint-order": "stroke", stroke: "#fff", "stroke-width": 3 });
    }
    if (el.lg) { legend[el.p] = legend[el.p] || []; legend[el.p].push({ t: el.lg, c: el.c, k: lgKind, d: el.d, o: el.o }); }
  }

  function drawLegends(legend, parent) {
    Object.keys(legend).forEach(function (name) {
      var P = panels[name], items = legend[name];
      if (!P.p.legend || P.p.legend === "none") { return; }
      var w = 0;
      items.forEach(function (it) { w = Math.max(w, it.t.length * 6.6 * F + 34); });
      var h = items.length * 17 * F + 6;
      var left = P.p.legend.indexOf("left") >= 0;
      var lower = P.p.legend.indexOf("lower") >= 0;
      var gx = left ? P.x0 + 8 : P.x1 - w - 4;
      var gy = lower ? P.y1 - h - 6 : P.y0 + 4;
      if (P.p.legend.indexOf("center") >= 0) { gy = (P.y0 + P.y1 - h) / 2; }
      var g = mk("g", { "class": "aatd-legend" }, parent);
      mk("rect", { x: gx, y: gy, width: w, height: h, fill: "#fff", "fill-opacity": 0.85, stroke: "#ccc" }, g);
      items.forEach(function (it, i) {
        var y = gy + 13 * F + i * 17 * F;
        if (it.k === "band") {
          mk("rect", { x: gx + 6, y: y - 7, width: 20, height: 10, fill: it.c, "fill-opacity": Math.max(it.o || 0.3, 0.3) }, g);
        } else if (it.k === "mark") {
          mk("circle", { cx: gx + 16, cy: y - 3, r: 5, fill: it.c, stroke: "#000" }, g);
        } else {
          mk("line", { x1: gx + 6, x2: gx + 26, y1: y - 3, y2: y - 3, stroke: it.c, "stroke-width": 2.5, "stroke-dasharray": it.d }, g);
        }
        txt(g, gx + 31, y + 1 * F, it.t, { "font-size": 12 * F, fill: "#111" });
      });
    });
  }

  /* static elements: drawn once */
  var staticLegend = {};
  D.static.forEach(function (el) { draw(el, staticG, staticLegend); });

  /* controls */
  var ctl = {};
  D.controls.forEach(function (c) {
    ctl[c.name] = { c: c, els: Array.prototype.slice.call(root.querySelectorAll('[data-name="' + c.name + '"]')) };
  });
  function getVal(name) {
    var o = ctl[name], c = o.c;
    if (c.kind === "checkbox") { return o.els[0].checked ? "1" : "0"; }
    if (c.kind === "radio") {
      for (var i = 0; i < o.els.length; i++) { if (o.els[i].checked) { return o.els[i].value; } }
      return String(c.value);
    }
    if (c.kind === "range") { return aatdKey(Number(o.els[0].value)); }
    return o.els[0].value;
  }
  function showRange(name) {
    var el = ctl[name].els[0], out = el.parentNode.querySelector("output");
    if (out) { out.textContent = String(Number(el.value)) + (out.getAttribute("data-unit") || ""); }
  }
  function setVal(name, v) {
    var o = ctl[name];
    if (o.c.kind === "radio") { o.els.forEach(function (e) { e.checked = (e.value === String(v)); }); }
    else if (o.c.kind === "checkbox") { o.els[0].checked = (String(v) === "1"); }
    else { o.els[0].value = String(v); if (o.c.kind === "range") { showRange(name); } }
  }
  function enabled(c) {
    if (!c.en) { return true; }
    for (var k in c.en) {
      if (c.en[k].map(aatdKey).indexOf(getVal(k)) < 0) { return false; }
    }
    return true;
  }
  function stateKey() {
    return D.keys.map(function (n) { return enabled(ctl[n].c) ? getVal(n) : "-"; }).join("|");
  }
  function renderTables(tabs) {
    while (tablesEl.firstChild) { tablesEl.removeChild(tablesEl.firstChild); }
    tabs.forEach(function (t) {
      var table = document.createElement("table");
      var cap = document.createElement("caption"); cap.textContent = t.cap; table.appendChild(cap);
      var thead = document.createElement("thead"), tr = document.createElement("tr");
      t.h.forEach(function (h) { var th = document.createElement("th"); th.scope = "col"; th.textContent = h; tr.appendChild(th); });
      thead.appendChild(tr); table.appendChild(thead);
      var cols = t.c.map(arr), tbody = document.createElement("tbody");
      for (var i = 0; i < cols[0].length; i++) {
        var row = document.createElement("tr");
        cols.forEach(function (col) { var td = document.createElement("td"); td.textContent = String(col[i]); row.appendChild(td); });
        tbody.appendChild(row);
      }
      table.appendChild(tbody);
      tablesEl.appendChild(table);
    });
  }
  function update() {
    var t0 = performance.now();
    D.controls.forEach(function (c) {
      var en = enabled(c);
      ctl[c.name].els.forEach(function (e) { e.disabled = !en; });
    });
    var key = stateKey(), st = D.states[key];
    if (!st) { readout.textContent = "No precomputed result for this setting (" + key + ")."; return; }
    while (dynG.firstChild) { dynG.removeChild(dynG.firstChild); }
    var legend = {};
    Object.keys(staticLegend).forEach(function (p) { legend[p] = staticLegend[p].slice(); });
    st.e.forEach(function (el) { draw(el, dynG, legend); });
    drawLegends(legend, dynG);
    var r = st.r;
    if (typeof r !== "string") { r = r[D.views.map(getVal).join("|")]; }
    if (readout.textContent !== r) { readout.textContent = r; }
    svgTitle.textContent = st.l || D.desc;
    renderTables(st.t);
    redraws += 1;
    root.setAttribute("data-aatd-key", key);
    root.setAttribute("data-aatd-redraws", String(redraws));
    root.setAttribute("data-aatd-ms", (performance.now() - t0).toFixed(2));
  }
  function onChange(name) {
    return function () {
      if (ctl[name].c.kind === "range") { showRange(name); }
      D.links.forEach(function (lk) {
        if (lk.from === name) {
          var v = lk.table[getVal(name)];
          if (v !== undefined) { setVal(lk.to, v); }
        }
      });
      update();
    };
  }
  D.controls.forEach(function (c) {
    var h = onChange(c.name);
    ctl[c.name].els.forEach(function (e) {
      e.addEventListener(c.kind === "range" ? "input" : "change", h);
    });
  });
  root.setAttribute("data-aatd-ready", "1");
  update();
};
window.aatdExplorerInit = aatdExplorerInit;
