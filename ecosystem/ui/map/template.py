"""The map's HTML page: a legend above a vis-network canvas, with `%%NAME%%` slots `render` fills.

CSS and script sizes here are the page's own layout; the look of nodes and edges is in `style.py`.
The script records when the first frame is drawn in `window.ecosystemMap` (read by the browser
tests and the benchmarks) and keeps the vis Network in `window.network`; the labels are placed by the
app's own static/labels.js (inlined at `%%LABELS_JS%%`), so they never overlap and are the app's.
"""

SLOTS = ("%%LABELS_JS%%", "%%HALO%%", "%%LANG%%", "%%TITLE%%", "%%HEIGHT%%", "%%WIDTH%%", "%%LEGEND%%",
         "%%NODES%%", "%%EDGES%%", "%%OPTIONS%%", "%%VIS_CSS%%", "%%VIS_JS%%")
"""Filled in one pass over the page (every occurrence: the title is also the map's accessible name),
so nothing written in a filled value, a name or vis-network's code, is ever taken for a slot."""

PAGE = """<!DOCTYPE html>
<html lang="%%LANG%%">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%%TITLE%%</title>
<style>%%VIS_CSS%%</style>
<style>
  html, body { margin: 0; padding: 0; font-family: "Source Sans Pro", Arial, sans-serif; background: #fff; }
  #wrap { width: %%WIDTH%%; height: %%HEIGHT%%; display: flex; flex-direction: column; gap: 6px; }
  #mynetwork { flex: 1; min-height: 200px; border: 1px solid #d9d9d9; border-radius: 6px; }
  #legend { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 14px; font-size: 13px;
            margin: 0; padding: 4px 2px; list-style: none; }
  #legend li { display: flex; align-items: center; gap: 5px; }
  #legend li.title { font-weight: 600; }
  #legend li.note { color: #555; font-style: italic; }
  #legend li.sdg { font-size: 12px; color: #333; }
  .mark { display: inline-block; width: 12px; height: 12px; border: 1px solid #222; flex: none; }
  .mark.dot { border-radius: 50%; }
  .mark.diamond { transform: rotate(45deg); width: 10px; height: 10px; }
  .mark.box { border-radius: 2px; }
  .mark.line { width: 18px; height: 0; border: none; border-top: 3px dashed; }
  div.vis-tooltip { white-space: pre-line; max-width: 420px; font-family: inherit; font-size: 13px;
                    line-height: 1.35; padding: 8px; background: #fffef5; border: 1px solid #999; }
</style>
</head>
<body>
<div id="wrap">%%LEGEND%%<div id="mynetwork" role="img" aria-label="%%TITLE%%"></div></div>
<script>%%VIS_JS%%</script>
<script>
%%LABELS_JS%%
(function () {
  var started = performance.now();
  var list = %%NODES%%;
  var meta = ecosystemLabelMeta(list);
  var nodes = new vis.DataSet(list);
  var edges = new vis.DataSet(%%EDGES%%);
  var options = %%OPTIONS%%;
  var container = document.getElementById("mynetwork");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, options);
  var selected = null, hovered = null;
  var labels = ecosystemLabelPlacer(container, network, nodes, meta, %%HALO%%,
                                    function () { return [selected, hovered]; });
  window.network = network;
  network.on("selectNode", function (p) { selected = String(p.nodes[0]); labels.later(); });
  network.on("deselectNode", function () { selected = null; labels.later(); });
  network.on("hoverNode", function (p) { hovered = String(p.node); labels.later(); });
  network.on("blurNode", function () { hovered = null; labels.later(); });
  network.on("zoom", labels.later);
  network.on("dragEnd", labels.later);
  window.addEventListener("resize", labels.later);
  network.once("afterDrawing", function () {
    labels.relabel();
    window.ecosystemMap = {nodes: nodes.length, edges: edges.length, drawnAt: Date.now(),
                           drawMs: performance.now() - started};
    document.body.setAttribute("data-drawn", "1");
  });
  network.fit({animation: false});
})();
</script>
</body>
</html>
"""
