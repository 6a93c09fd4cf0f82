/* The network map as a bidirectional Streamlit component (the component protocol, no library).
 *
 * Python sends the drawn map (nodes, edges, options, legend) and the selected node; this page draws
 * it with vis-network (served from the same local folder) and sends back what was clicked:
 * {event: "node", node: id, seq} or {event: "clear", seq}; `seq` tells a new click from a rerun.
 *
 * Labels: a node carries its text in `caption` and its importance in `rank` (0 first). After every
 * zoom or pan, labels are given, in rank order, to the nodes whose label box on screen does not meet
 * a label already placed, so labels never overlap; the selected and the hovered node always get
 * theirs, and so do SDG boxes, whose number is their body. Font sizes are set in screen pixels (divided by the zoom), so a label stays readable at
 * any zoom and more of them fit as one zooms in.
 */
(function () {
  "use strict";
  var FONT = '"Source Sans Pro", Arial, sans-serif';
  var LABELS_MAX = 400;      // labels placed at most: beyond, a screen holds no more readable text
  var TRIES_MAX = 3000;      // candidates measured at most per pass: bounds a pass on 5,000 nodes
  var PAD = 3;               // pixels kept free around each label
  var CELL = 80;             // side of the grid's cells used to find colliding labels fast
  var FADED_OPACITY = 0.15;  // what a selected node is not linked to keeps this much opacity
  var RELABEL_DELAY_MS = 90; // labels are placed again this long after the last zoom or pan event

  var network = null, nodes = null, version = null, meta = {}, order = [], boxes = [];
  var selected = null, hovered = null, timer = null, seq = 0, lit = null, halo = 3;
  var container = document.getElementById("mynetwork");
  var measure = document.createElement("canvas").getContext("2d");

  function send(type, extra) {
    var message = {isStreamlitMessage: true, type: type};
    for (var k in extra) { message[k] = extra[k]; }
    window.parent.postMessage(message, "*");
  }

  function emit(value) {
    seq += 1;
    value.seq = String(Date.now()) + "." + seq;
    send("streamlit:setComponentValue", {value: value, dataType: "json"});
  }

  function resize() {
    send("streamlit:setFrameHeight", {height: document.getElementById("wrap").scrollHeight + 4});
  }

  // ------------------------------------------------------------------ labels

  function relabel() {
    if (!network) { return; }
    var scale = network.getScale();
    var positions = network.getPositions();
    var width = container.clientWidth, height = container.clientHeight;
    var grid = {}, want = {}, placed = 0, tries = 0;
    var must = boxes.slice();  // an SDG box's number is its body: always drawn
    if (selected && meta[selected]) { must.push(selected); }
    if (hovered && meta[hovered] && hovered !== selected) { must.push(hovered); }
    var candidates = must.concat(order);
    for (var i = 0; i < candidates.length; i++) {
      var id = candidates[i], forced = i < must.length;
      if (want[id] !== undefined) { continue; }
      if (!forced && (placed >= LABELS_MAX || tries >= TRIES_MAX)) { break; }
      var m = meta[id], p = positions[id];
      if (!m || !p || !m.caption) { continue; }
      var d = network.canvasToDOM(p);
      if (d.x < 0 || d.x > width || d.y < 0 || d.y > height) { want[id] = false; continue; }
      tries += 1;
      measure.font = m.px + "px " + FONT;
      var w = measure.measureText(m.caption).width;
      var top = m.inside ? d.y - m.px / 2 : d.y + m.size * scale + 2;
      var box = [d.x - w / 2 - PAD, top - PAD, d.x + w / 2 + PAD, top + m.px * 1.25 + PAD];
      var outside = box[0] < 0 || box[2] > width || box[1] < 0 || box[3] > height;
      if (!forced && (outside || collides(grid, box))) { want[id] = false; continue; }
      keep(grid, box);
      want[id] = true;
      placed += 1;
    }
    var updates = [];
    for (var nid in meta) {
      var n = meta[nid], shown = want[nid] === true;
      if (n.shown !== shown || (shown && n.scale !== scale)) {
        n.shown = shown;
        n.scale = scale;
        updates.push({id: nid, label: shown ? n.caption : "", font: {size: n.px / scale, strokeWidth: halo / scale}});
      }
    }
    if (updates.length) { nodes.update(updates); }
    window.ecosystemLabels = {shown: placed, scale: scale};
  }

  function cells(box) {
    var out = [];
    for (var x = Math.floor(box[0] / CELL); x <= Math.floor(box[2] / CELL); x++) {
      for (var y = Math.floor(box[1] / CELL); y <= Math.floor(box[3] / CELL); y++) { out.push(x + ":" + y); }
    }
    return out;
  }

  function collides(grid, box) {
    var keys = cells(box);
    for (var i = 0; i < keys.length; i++) {
      var boxes = grid[keys[i]] || [];
      for (var j = 0; j < boxes.length; j++) {
        var b = boxes[j];
        if (box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]) { return true; }
      }
    }
    return false;
  }

  function keep(grid, box) {
    var keys = cells(box);
    for (var i = 0; i < keys.length; i++) { (grid[keys[i]] = grid[keys[i]] || []).push(box); }
  }

  function later() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(relabel, RELABEL_DELAY_MS);
  }

  // ------------------------------------------------------------------ neighbours

  function highlight(id) {
    var next = null;
    if (id && meta[id]) {
      next = {};
      next[id] = true;
      network.getConnectedNodes(id).forEach(function (n) { next[n] = true; });
    }
    var updates = [];
    for (var nid in meta) {
      var was = lit === null || lit[nid] === true, now = next === null || next[nid] === true;
      if (was !== now) { updates.push({id: nid, opacity: now ? 1 : FADED_OPACITY}); }
    }
    lit = next;
    if (updates.length) { nodes.update(updates); }
  }

  function select(id, centre) {
    if (!network) { return; }
    if (id && meta[id]) {
      network.selectNodes([id]);
      if (centre) { network.focus(id, {scale: Math.max(network.getScale(), 1.0), animation: false}); }
    } else {
      id = null;
      network.unselectAll();
    }
    selected = id;
    highlight(id);
    later();
  }

  // ------------------------------------------------------------------ drawing

  function build(args) {
    var started = performance.now();
    document.documentElement.lang = args.lang || "fr";
    document.getElementById("legend").innerHTML = args.legend;  // written and escaped by Python
    container.style.height = args.height + "px";
    container.setAttribute("aria-label", args.title || "");
    meta = {};
    halo = args.halo;  // the white outline around labels, in screen pixels like their size
    var list = args.nodes.map(function (n) {
      meta[n.id] = {caption: n.caption, rank: n.rank, px: n.px, size: n.size, inside: n.shape === "box",
                    shown: false, scale: null};
      n.label = "";
      return n;
    });
    order = Object.keys(meta).sort(function (a, b) { return meta[a].rank - meta[b].rank; });
    boxes = order.filter(function (id) { return meta[id].inside; });
    nodes = new vis.DataSet(list);
    var edges = new vis.DataSet(args.edges);
    if (network) { network.destroy(); }
    network = new vis.Network(container, {nodes: nodes, edges: edges}, args.options);
    window.network = network;
    selected = null;
    lit = null;
    network.on("click", function (p) {
      if (p.nodes.length) { emit({event: "node", node: String(p.nodes[0])}); }
      else if (!p.edges.length && selected) { emit({event: "clear"}); }
    });
    network.on("selectNode", function (p) { selected = String(p.nodes[0]); highlight(selected); later(); });
    network.on("deselectNode", function () { selected = null; highlight(null); later(); });
    network.on("hoverNode", function (p) { hovered = String(p.node); later(); });
    network.on("blurNode", function () { hovered = null; later(); });
    network.on("zoom", later);
    network.on("dragEnd", later);
    network.once("afterDrawing", function () {
      relabel();
      window.ecosystemMap = {nodes: nodes.length, edges: edges.length, drawnAt: Date.now(),
                             drawMs: performance.now() - started};
      document.body.setAttribute("data-drawn", "1");
    });
    network.fit({animation: false});
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "streamlit:render") { return; }
    var args = data.args, built = false;
    if (args.version !== version) {
      version = args.version;
      build(args);
      built = true;
    }
    resize();
    if (built) {
      // The frame gets its height only now: fit the drawing to it once the frame has grown.
      setTimeout(function () {
        network.fit({animation: false});
        if ((args.selected || null) !== selected || args.centre) { select(args.selected || null, args.centre); }
        later();
        document.body.setAttribute("data-fitted", args.version);  // the view is settled: zoom is the user's
      }, RELABEL_DELAY_MS);
    } else if ((args.selected || null) !== selected || args.centre) {
      select(args.selected || null, args.centre);
    }
  });
  window.addEventListener("resize", later);
  send("streamlit:componentReady", {apiVersion: 1});
})();
