package class

// pageText is the class view's page (html/template).
const pageText = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>{{.Title}}</title>
<style>
body{font:15px/1.4 system-ui,sans-serif;margin:0 auto;padding:12px;max-width:1100px;color:#222;background:#fff}
h1{font-size:1.3em;margin:.2em 0}h2{font-size:1.1em;margin:1.2em 0 .4em}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;border:1px solid #ddd;border-radius:4px}
table{border-collapse:collapse;font-size:.9em;width:100%}
th,td{padding:4px 6px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
td.n{text-align:right;white-space:nowrap}
code{font-size:.9em;overflow-wrap:anywhere}
#hardest{min-width:600px}#hardest td:nth-child(2){min-width:14em}
small{color:#666}
.legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 10px;vertical-align:middle;border-radius:2px}
.passed{fill:#2e7d32;background:#2e7d32}.stuck{fill:#e65100;background:#e65100}.unreached{fill:#e0e0e0;background:#e0e0e0}
.bar{background:#e0e0e0;height:8px;border-radius:4px;min-width:60px}.bar div{background:#2e7d32;height:8px;border-radius:4px}
#heatmap text{font:11px system-ui,sans-serif;fill:#222}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p>{{.Learners}} learners, {{.Koans}} koans. Where do the learners get stuck?</p>

<h2>The hardest koans</h2>
<p>The smallest share of the learners who reached a koan passed it; then the most runs to green.</p>
<div class="scroll"><table id="hardest">
<tr><th>#</th><th>Koan</th><th>Passed / reached</th><th>Median runs</th><th>Median time to green</th><th>How it failed (learners)</th><th>Hints</th></tr>
{{range .Hardest}}<tr><td class="n">{{.Rank}}</td><td><code>{{.Koan}}</code><br><small>{{.Concept}}</small></td><td class="n">{{.Passed}} / {{.Reached}}</td><td class="n">{{num .MedianRuns}}</td><td class="n">{{duration .MedianSeconds}}</td><td>{{kinds .Kinds}}</td><td class="n">{{.Hints}}</td></tr>
{{end}}</table></div>

<h2>Koan × learner</h2>
<p class="legend"><span class="passed"></span>passed<span class="stuck"></span>reached, not passed<span class="unreached"></span>not reached</p>
<div class="scroll"><svg id="heatmap" role="img" aria-label="koan by learner heatmap"></svg></div>
<noscript><p>The heatmap is drawn by the page's script; the tables hold the same figures.</p></noscript>

<h2>Progress by learner</h2>
<div class="scroll"><table id="learners">
<tr><th>Learner</th><th>Passed</th><th></th>{{range .View.Concepts}}<th><code>{{.}}</code></th>{{end}}</tr>
{{range .View.Learners}}<tr><td>{{.Name}}</td><td class="n">{{.Passed}} / {{.Total}}</td><td><div class="bar"><div style="width:{{pct .Passed .Total}}%"></div></div></td>{{range .Concepts}}<td class="n">{{.Passed}}/{{.Koans}}</td>{{end}}</tr>
{{end}}</table></div>

<script type="application/json" id="data">{{.Data}}</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("data").textContent);
  var svg = document.getElementById("heatmap");
  var ns = "http://www.w3.org/2000/svg";
  var cw = 7, ch = 14, label = 96, top = 4;
  function el(name, attrs, parent) {
    var e = document.createElementNS(ns, name);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    parent.appendChild(e);
    return e;
  }
  svg.setAttribute("width", label + data.koans.length * cw + 4);
  svg.setAttribute("height", top + data.learners.length * ch + 4);
  data.learners.forEach(function (l, row) {
    var y = top + row * ch;
    el("text", {x: 0, y: y + ch - 3}, svg).textContent = l.name;
    l.cells.forEach(function (state, col) {
      var r = el("rect", {"class": "cell " + state, x: label + col * cw, y: y, width: cw - 1, height: ch - 2}, svg);
      var runs = l.runs[col] ? ", " + l.runs[col] + " runs" : "";
      el("title", {}, r).textContent = l.name + ": " + data.koans[col] + ": " + state + runs;
    });
  });
  svg.setAttribute("data-cells", String(svg.querySelectorAll("rect.cell").length));
})();
</script>
</body>
</html>
`
