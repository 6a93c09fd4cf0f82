/* The network map as a bidirectional Streamlit component (the component protocol, no library).
 *
 * Python sends the drawn map (nodes, edges, options, legend) and the selected node; this page draws
 * it with vis-network (served from the same local folder) and sends back what was clicked:
 * {event: "node", node: id, seq} or {event: "clear", seq}; `seq` tells a new click from a rerun.
 *
 * Labels are placed by labels.js (loaded before this file, and inlined in the downloaded page too):
 * never overlapping, the selected and the hovered node always labelled.
 */
(function () {
  "use strict";
  var FADED_OPACITY = 0.15;  // what a selected node is not linked to keeps this much opacity

  var network = null, nodes = null, version = null, meta = {}, labels = null;
  var selected = null, hovered = null, seq = 0, lit = null;
  var container = document.getElementById("mynetwork");

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

  function relabel() { if (labels) { labels.relabel(); } }

  function later() { if (labels) { labels.later(); } }

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
    meta = ecosystemLabelMeta(args.nodes);
    nodes = new vis.DataSet(args.nodes);
    var edges = new vis.DataSet(args.edges);
    if (network) { network.destroy(); }
    network = new vis.Network(container, {nodes: nodes, edges: edges}, args.options);
    window.network = network;
    // args.halo: the white outline around labels, in screen pixels like their size
    labels = ecosystemLabelPlacer(container, network, nodes, meta, args.halo,
                                  function () { return [selected, hovered]; });
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
      }, labels.delay);
    } else if ((args.selected || null) !== selected || args.centre) {
      select(args.selected || null, args.centre);
    }
  });
  window.addEventListener("resize", later);
  send("streamlit:componentReady", {apiVersion: 1});
})();
