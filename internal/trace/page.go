package trace

import "html/template"

// pageTmpl is the page HTML writes: everything inline, nothing fetched.
var pageTmpl = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1em 2em; color: #222; }
pre.legend, pre.cycle { background: #f6f6f6; padding: .5em 1em; white-space: pre-wrap; }
pre.cycle { color: #a00; }
#view { overflow: auto; border: 1px solid #ccc; }
svg text { font: 12px monospace; }
svg .lane { font-weight: bold; }
svg line.run { stroke: #3a7; stroke-width: 3; }
svg line.wait { stroke: #c90; stroke-width: 3; stroke-dasharray: 4 4; }
svg line.arrow { stroke: #555; stroke-width: 1.5; }
svg .ev circle, svg .ev rect { stroke: #222; stroke-width: 1; }
svg .start circle { fill: #5bc0de; }
svg .wake circle { fill: #5cb85c; }
svg .end circle { fill: #fff; }
svg .block rect { fill: #f0ad4e; }
svg .still rect, svg .race circle { fill: #d9534f; }
ol.rows { font: 13px monospace; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<pre class="legend">{{range .Legend}}{{.}}
{{end}}</pre>
<p><button id="in">{{index .Zoom 0}}</button> <button id="out">{{index .Zoom 1}}</button> <button id="fit">{{index .Zoom 2}}</button></p>
{{if .Cut}}<p>{{.Cut}}</p>{{end}}
<div id="view">
{{.SVG}}
</div>
<ol class="rows">
{{range .Rows}}<li><span>{{.Time}}</span> {{if .Href}}<a href="{{.Href}}">{{.Words}}</a>{{else}}{{.Words}}{{end}}</li>
{{end}}</ol>
{{if .Cycle}}<pre class="cycle">{{range .Cycle}}{{.}}
{{end}}</pre>{{end}}
<script>
(function () {
  var svg = document.getElementById("run");
  var w = svg.width.baseVal.value, h = svg.height.baseVal.value, k = 1;
  function zoom(f) {
    k = Math.max(0.1, Math.min(20, f));
    svg.setAttribute("width", Math.round(w * k));
    svg.setAttribute("height", Math.round(h * k));
  }
  document.getElementById("in").onclick = function () { zoom(k * 1.5); };
  document.getElementById("out").onclick = function () { zoom(k / 1.5); };
  document.getElementById("fit").onclick = function () {
    zoom(document.getElementById("view").clientWidth / w);
  };
  document.getElementById("view").addEventListener("wheel", function (e) {
    if (!e.ctrlKey) { return; }
    e.preventDefault();
    zoom(e.deltaY < 0 ? k * 1.1 : k / 1.1);
  }, { passive: false });
  if (location.hash === "#selftest") { // the page's browser test zooms once
    document.getElementById("in").click();
    document.body.dataset.zoomed = svg.getAttribute("width");
  }
  document.body.dataset.ready = "1";
})();
</script>
</body>
</html>
`))
