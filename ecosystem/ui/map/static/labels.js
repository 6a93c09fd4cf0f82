/* The map's labels, placed so that they never overlap: shared by the app's component (network.js)
 * and the downloaded page (render.py inlines this file), so both show the same labels.
 *
 * A node carries its text in `caption` and its importance in `rank` (0 first). After every zoom or
 * pan, labels are given, in rank order, to the nodes whose label box on screen does not meet a label
 * already placed; the nodes `pinned()` names (the selected, the hovered) always get theirs, and so do
 * SDG boxes, whose number is their body. Font sizes are set in screen pixels (divided by the zoom),
 * so a label stays readable at any zoom and more of them fit as one zooms in.
 *
 *   var meta = ecosystemLabelMeta(list);            // before the DataSet: takes the labels off
 *   var labels = ecosystemLabelPlacer(container, network, nodes, meta, halo, pinned);
 *   labels.relabel(); labels.later();               // now; or once zooming or panning pauses
 */
(function () {
  "use strict";
  var FONT = '"Source Sans Pro", Arial, sans-serif';
  var LABELS_MAX = 400;      // labels placed at most: beyond, a screen holds no more readable text
  var TRIES_MAX = 3000;      // candidates measured at most per pass: bounds a pass on 5,000 nodes
  var PAD = 3;               // pixels kept free around each label
  var CELL = 80;             // side of the grid's cells used to find colliding labels fast
  var RELABEL_DELAY_MS = 90; // labels are placed again this long after the last zoom or pan event

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

  /* What the placer needs of each node, by id; the nodes' own labels are emptied (drawn by it). */
  window.ecosystemLabelMeta = function (list) {
    var meta = {};
    list.forEach(function (n) {
      meta[n.id] = {caption: n.caption, rank: n.rank, px: n.px, size: n.size, inside: n.shape === "box",
                    shown: false, scale: null};
      n.label = "";
    });
    return meta;
  };

  window.ecosystemLabelPlacer = function (container, network, nodes, meta, halo, pinned) {
    var measure = document.createElement("canvas").getContext("2d");
    var order = Object.keys(meta).sort(function (a, b) { return meta[a].rank - meta[b].rank; });
    var boxes = order.filter(function (id) { return meta[id].inside; });
    var timer = null;

    function relabel() {
      var scale = network.getScale();
      var positions = network.getPositions();
      var width = container.clientWidth, height = container.clientHeight;
      var grid = {}, want = {}, placed = 0, tries = 0;
      var must = boxes.slice();  // an SDG box's number is its body: always drawn
      pinned().forEach(function (id) { if (id && meta[id] && must.indexOf(id) < 0) { must.push(id); } });
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
          updates.push({id: nid, label: shown ? n.caption : "",
                        font: {size: n.px / scale, strokeWidth: halo / scale}});
        }
      }
      if (updates.length) { nodes.update(updates); }
      window.ecosystemLabels = {shown: placed, scale: scale};
    }

    function later() {
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(relabel, RELABEL_DELAY_MS);
    }

    return {relabel: relabel, later: later, delay: RELABEL_DELAY_MS};
  };
})();
