/// The fixed parts of `map.html`: markup, style and script. Nothing here
/// comes from a flow file; the page's data arrives as JSON (see `MapHTML`)
/// and is written into the DOM with `textContent` only.
enum MapHTMLPage {
    static func body(summary: String, diagram: String, key: String, keyOpen: Bool) -> String {
        """
        <a class="skip" href="#search-heading">Skip to the search</a>
        <header>
        <h1>Department data map</h1>
        <p class="summary">\(MapHTML.html(summary))</p>
        </header>
        <main>
        <div class="layout">
        <div class="side">
        <section aria-labelledby="search-heading" class="panel no-print">
        <h2 id="search-heading">Search</h2>
        <form id="search-form" role="search" action="#">
        <label for="q">Subject group, data category, system, party or programme (name or id)</label>
        <p id="q-hint" class="hint">Type part of a name or id, e.g. guest. Press Enter to open the first result, or Tab or the down arrow to go through the results.</p>
        <input id="q" name="q" type="search" autocomplete="off" spellcheck="false" aria-describedby="q-hint" aria-controls="results">
        </form>
        <p id="result-status" class="status" role="status" aria-live="polite"></p>
        <ul id="results" class="results" aria-label="Search results"></ul>
        </section>
        <section id="detail" aria-labelledby="detail-heading" class="panel" hidden>
        <h2 id="detail-heading" tabindex="-1"></h2>
        <p id="detail-status" class="status" aria-live="polite"></p>
        <div id="detail-body"></div>
        </section>
        </div>
        <section aria-labelledby="diagram-heading" class="panel diagram-panel">
        <h2 id="diagram-heading">Diagram: parties and the flows between them</h2>
        <p class="hint">Each arrow is one programme's flows between two parties: the programme's number is on the arrow, and its colour and line style are in the key. Selecting a search result highlights where that data goes.</p>
        <p class="no-print"><button type="button" id="fit" aria-pressed="true">Fit the diagram to the width</button></p>
        <div class="diagram fit" id="diagram" tabindex="0" role="region" aria-label="Diagram (scrolls)">
        \(diagram)</div>
        <details class="key"\(keyOpen ? " open" : "")>
        <summary>Key: programmes by number, colour and line style</summary>
        \(key)</details>
        </section>
        </div>
        <section aria-labelledby="findings-heading" class="panel findings-panel">
        <h2 id="findings-heading">Findings</h2>
        <div class="filters no-print">
        <label for="f-severity">Severity</label>
        <select id="f-severity"><option value="">All severities</option><option value="0">Errors</option><option value="1">Warnings</option><option value="2">Info</option></select>
        <label for="f-rule">Rule</label>
        <select id="f-rule"><option value="">All rules</option></select>
        </div>
        <p id="findings-status" class="status" role="status" aria-live="polite"></p>
        <table id="findings" class="findings">
        <caption class="visually-hidden">Findings of every programme and the department rules</caption>
        <thead><tr><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Finding</th><th scope="col">Where</th></tr></thead>
        <tbody></tbody>
        </table>
        </section>
        </main>
        <noscript><p class="panel">The search and findings need JavaScript; the diagram and its key above do not.</p></noscript>

        """
    }

    static let css = """
        :root { --ink: #0b0c0c; --muted: #484949; --line: #b1b4b6; --bg: #f3f2f1; --link: #1d70b8; --focus: #ffdd00;
          --error: #d4351c; --warning: #8a4b00; --info: #1d70b8; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #fff; }
        header { background: var(--ink); color: #fff; padding: 12px 20px; }
        header h1 { margin: 0; font-size: 1.6rem; }
        header .summary { margin: 4px 0 0; color: #f3f2f1; }
        main { padding: 12px 20px 40px; }
        h2 { font-size: 1.25rem; margin: 0 0 8px; }
        h3 { font-size: 1.05rem; margin: 0 0 4px; }
        h4 { font-size: .95rem; margin: 10px 0 4px; }
        .layout { display: grid; grid-template-columns: minmax(300px, 440px) minmax(0, 1fr); gap: 16px; align-items: start; }
        /* The diagram stays in view beside a long answer. */
        .diagram-panel { position: sticky; top: 8px; }
        @media (max-width: 900px) { .layout { grid-template-columns: 1fr; } .diagram-panel { position: static; } }
        .panel { border: 1px solid var(--line); border-radius: 4px; padding: 12px 14px; margin-bottom: 16px; background: #fff; }
        .hint { color: var(--muted); font-size: .9rem; margin: 2px 0 6px; }
        label { font-weight: 600; display: block; }
        input[type=search] { width: 100%; font: inherit; padding: 6px 8px; border: 2px solid var(--ink); border-radius: 0; }
        select { font: inherit; padding: 4px; border: 2px solid var(--ink); margin: 0 12px 8px 0; }
        .filters label { display: inline-block; margin-right: 6px; }
        .status { min-height: 1.4em; margin: 6px 0; color: var(--muted); }
        .results { list-style: none; margin: 0; padding: 0; max-height: 40vh; overflow: auto; }
        .results li { margin: 0 0 4px; }
        button { font: inherit; }
        .results button, .linkish { width: 100%; text-align: left; background: var(--bg); color: var(--ink); border: 1px solid var(--line);
          padding: 6px 8px; cursor: pointer; border-radius: 3px; }
        .linkish { width: auto; display: inline-block; background: #fff; color: var(--link); text-decoration: underline; padding: 2px 6px; margin: 2px 4px 2px 0; }
        .results button:hover, .linkish:hover { background: #e8f1f8; }
        .results button[aria-current=true] { border: 2px solid var(--ink); background: #e8f1f8; }
        .kind { display: block; font-size: .8rem; font-weight: 700; text-transform: uppercase; letter-spacing: .02em; color: var(--muted); }
        .id { color: var(--muted); font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85em; overflow-wrap: anywhere; }
        .detail-line { display: block; font-size: .85rem; color: var(--muted); }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 0; box-shadow: 0 0 0 6px var(--ink); }
        input:focus-visible, select:focus-visible { outline: 3px solid var(--focus); box-shadow: inset 0 0 0 2px var(--ink); }
        .skip { position: absolute; left: -9999px; top: 0; background: var(--focus); color: var(--ink); padding: 8px; z-index: 10; }
        .skip:focus { left: 8px; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .places { list-style: none; padding: 0; margin: 0; }
        .place { border-top: 1px solid var(--line); padding: 10px 0; }
        .place.external { border-left: 4px dashed var(--muted); padding-left: 8px; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 4px 0; font-size: .92rem; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; }
        th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); padding: 4px 6px; }
        th { background: var(--bg); }
        .sev { font-weight: 700; white-space: nowrap; }
        .sev::before { display: inline-block; width: 1.2em; }
        .sev-0 { color: var(--error); } .sev-0::before { content: "\\2716"; }
        .sev-1 { color: var(--warning); } .sev-1::before { content: "\\26A0"; }
        .sev-2 { color: var(--info); } .sev-2::before { content: "\\2139"; }
        .excepted { color: var(--muted); font-style: italic; }
        .diagram { overflow: auto; max-height: 70vh; border: 1px solid var(--line); background: #fff; }
        .diagram svg { display: block; max-width: none; height: auto; }
        .diagram.fit svg { width: 100%; height: auto; }
        #fit { font: inherit; padding: 4px 10px; border: 2px solid var(--ink); background: #fff; cursor: pointer; }
        #fit[aria-pressed=true] { background: var(--ink); color: #fff; }
        #map-svg.focus-mode g.node, #map-svg.focus-mode g.edge { opacity: .2; }
        #map-svg.focus-mode g.node.hl, #map-svg.focus-mode g.edge.hl, #map-svg g.node.keep { opacity: 1; }
        #map-svg g.node.hl > path, #map-svg g.node.hl > polygon { stroke: var(--ink); stroke-width: 4px; }
        #map-svg g.node.hl text { font-weight: 700; }
        #map-svg g.edge.hl > path { stroke-width: 3.5px; }
        .key ol { columns: 2 18em; list-style: none; padding: 0; margin: 8px 0 0; font-size: .9rem; }
        .key li { break-inside: avoid; margin: 0 0 3px; }
        .key svg { vertical-align: middle; margin-right: 6px; }
        .key summary { cursor: pointer; font-weight: 600; margin-top: 8px; }
        .ended { color: var(--muted); font-size: .85em; }
        .findings-panel .more { color: var(--muted); }
        @media print {
          .no-print, .skip, noscript, .linkish { display: none !important; }
          header { background: none; color: var(--ink); border-bottom: 2px solid var(--ink); }
          header .summary { color: var(--ink); }
          .layout { display: block; }
          .diagram-panel { position: static; }
          .panel { border: none; padding: 0; }
          .diagram { overflow: visible; max-height: none; border: none; }
          .diagram svg { max-width: 100%; }
          .place, tr { break-inside: avoid; }
          .key ol { columns: 3; }
          #map-svg.focus-mode g.node, #map-svg.focus-mode g.edge { opacity: .35; }
        }

        """

    static let script = #"""
        (function () {
          "use strict";
          var D = JSON.parse(document.getElementById("dpflow-data").textContent);
          var S = D.strings;
          var KIND = ["Subject group", "Data category", "System", "Party", "Programme"];
          var SEV = ["Error", "Warning", "Info"];
          var LIMIT = 60, FINDINGS_LIMIT = 500;
          var $ = function (id) { return document.getElementById(id); };
          function el(tag, attrs, text) {
            var e = document.createElement(tag);
            if (attrs) for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
            if (text !== undefined && text !== null) e.textContent = String(text);
            return e;
          }
          function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

          // Everything one can search for: entities (subjects, data, systems, parties) and programmes.
          var items = D.entities.map(function (r, i) {
            return { type: "e", i: i, kind: r[0], id: S[r[1]], name: S[r[2]], detail: S[r[3]] };
          }).concat(D.programmes.map(function (r, i) {
            return { type: "p", i: i, kind: 4, id: S[r[1]], name: (i + 1) + ". " + S[r[0]], detail: "" };
          }));
          items.forEach(function (it) { it.key = (it.name + "\u0000" + it.id).toLowerCase(); it.idl = it.id.toLowerCase(); it.namel = it.name.toLowerCase(); });

          // The diagram: nodes by their DOT name (eN), edges by ends and programme number.
          var svg = $("map-svg"), nodes = {}, edges = [];
          if (svg) {
            Array.prototype.forEach.call(svg.querySelectorAll("g.node"), function (g) {
              var t = g.querySelector("title"); if (!t) return;
              var name = t.textContent; nodes[name] = g;
              if (name === "key") g.classList.add("keep");
            });
            Array.prototype.forEach.call(svg.querySelectorAll("g.edge"), function (g) {
              var t = g.querySelector("title"); if (!t) return;
              // One programme's arrow has class "edge pN"; a bundled arrow (large departments) "edge pN pM ...".
              var ends = t.textContent.split("->"), ps = [];
              (g.getAttribute("class") || "").split(/\s+/).forEach(function (c) { if (/^p\d+$/.test(c)) ps.push(parseInt(c.slice(1), 10) - 1); });
              edges.push({ g: g, from: ends[0], to: ends[1], programmes: ps });
            });
          }
          var programmesByName = {};
          D.programmes.forEach(function (r, i) { (programmesByName[S[r[0]]] = programmesByName[S[r[0]]] || []).push(i); });

          function clearHighlight() {
            if (!svg) return;
            svg.classList.remove("focus-mode");
            Array.prototype.forEach.call(svg.querySelectorAll(".hl"), function (g) { g.classList.remove("hl"); });
          }
          // Highlights nodes, and the edges of the given programmes into each node ({node: [programme...]}).
          function highlight(nodeProgrammes, extraNodes) {
            clearHighlight();
            if (!svg) return 0;
            var count = 0, first = null;
            function mark(name) { var g = nodes[name]; if (g) { g.classList.add("hl"); first = first || g; count++; } }
            Object.keys(nodeProgrammes).forEach(mark);
            (extraNodes || []).forEach(mark);
            edges.forEach(function (e) {
              var ps = nodeProgrammes[e.to];
              if (ps && e.programmes.some(function (p) { return ps.indexOf(p) >= 0; })) e.g.classList.add("hl");
            });
            svg.classList.add("focus-mode");
            // Scroll the diagram (not the page) to the first highlighted box, unless it is fitted to the width.
            var box = $("diagram");
            if (first && !box.classList.contains("fit")) {
              var r = first.getBoundingClientRect(), c = box.getBoundingClientRect();
              box.scrollLeft += r.left - c.left - c.width / 3;
              box.scrollTop += r.top - c.top - c.height / 3;
            }
            return count;
          }

          // Search.
          var input = $("q"), results = $("results"), status = $("result-status"), shown = [];
          function search(text) {
            var q = text.trim().toLowerCase();
            results.textContent = "";
            shown = [];
            if (!q) { status.textContent = ""; return []; }
            var hits = [];
            for (var i = 0; i < items.length; i++) {
              var it = items[i];
              if (it.key.indexOf(q) < 0) continue;
              var rank = (it.idl === q || it.namel === q) ? 0 : (it.idl.indexOf(q) === 0 || it.namel.indexOf(q) === 0) ? 1 : 2;
              hits.push({ it: it, rank: rank });
            }
            hits.sort(function (a, b) {
              return a.rank - b.rank || a.it.kind - b.it.kind || (a.it.namel < b.it.namel ? -1 : a.it.namel > b.it.namel ? 1 : 0) || (a.it.idl < b.it.idl ? -1 : a.it.idl > b.it.idl ? 1 : 0);
            });
            var frag = document.createDocumentFragment();
            hits.slice(0, LIMIT).forEach(function (h) {
              var it = h.it, li = el("li"), b = el("button", { type: "button", "class": "result", "data-kind": String(it.kind), "data-id": it.id });
              b.appendChild(el("span", { "class": "kind" }, KIND[it.kind]));
              b.appendChild(document.createTextNode(it.name + " "));
              if (it.type === "e") b.appendChild(el("span", { "class": "id" }, "(" + it.id + ")"));
              if (it.detail) b.appendChild(el("span", { "class": "detail-line" }, (it.kind === 1 ? "about " : "of ") + it.detail));
              b.addEventListener("click", function () { select(it, true); });
              li.appendChild(b); frag.appendChild(li); shown.push(it);
            });
            results.appendChild(frag);
            status.textContent = hits.length === 0 ? "No results for \u201c" + text.trim() + "\u201d." :
              plural(hits.length, "result", "results") + " for \u201c" + text.trim() + "\u201d" + (hits.length > LIMIT ? "; the first " + LIMIT + " are shown, type more to narrow them." : ".");
            return hits;
          }
          input.addEventListener("input", function () { search(input.value); });
          $("search-form").addEventListener("submit", function (ev) {
            ev.preventDefault();
            if (shown.length) select(shown[0], true);
          });
          input.addEventListener("keydown", function (ev) {
            if (ev.key === "ArrowDown") { var b = results.querySelector("button"); if (b) { ev.preventDefault(); b.focus(); } }
            else if (ev.key === "Escape") { input.value = ""; search(""); }
          });
          results.addEventListener("keydown", function (ev) {
            var buttons = Array.prototype.slice.call(results.querySelectorAll("button")), i = buttons.indexOf(document.activeElement);
            if (i < 0) return;
            if (ev.key === "ArrowDown" && i + 1 < buttons.length) { ev.preventDefault(); buttons[i + 1].focus(); }
            else if (ev.key === "ArrowUp") { ev.preventDefault(); (i > 0 ? buttons[i - 1] : input).focus(); }
          });

          // Selection: an entity's `where` answer, or a programme.
          var detail = $("detail"), heading = $("detail-heading"), body = $("detail-body"), detailStatus = $("detail-status");
          function entityItem(i) { return items[i]; }
          function findingsList(indices, title) {
            var wrap = el("div");
            wrap.appendChild(el("h4", null, title));
            if (!indices.length) { wrap.appendChild(el("p", { "class": "hint" }, "No findings.")); return wrap; }
            var ul = el("ul", { "class": "finding-list" });
            indices.forEach(function (fi) {
              var f = D.findings[fi], li = el("li");
              li.appendChild(el("span", { "class": "sev sev-" + f[0] }, SEV[f[0]] + " "));
              li.appendChild(el("strong", null, S[f[1]] + " "));
              li.appendChild(document.createTextNode(S[f[3]] + " "));
              li.appendChild(el("span", { "class": "id" }, S[f[4]] + ":" + f[5]));
              if (f[7]) li.appendChild(el("span", { "class": "excepted" }, " (excepted)"));
              ul.appendChild(li);
            });
            wrap.appendChild(ul);
            return wrap;
          }
          function selectButton(i, label) {
            var b = el("button", { type: "button", "class": "linkish" }, label);
            b.addEventListener("click", function () { select(entityItem(i), true); });
            return b;
          }
          function fact(dl, term, value) { dl.appendChild(el("dt", null, term)); var dd = el("dd"); if (typeof value === "string") dd.textContent = value; else dd.appendChild(value); dl.appendChild(dd); }

          function showEntity(it) {
            var r = D.entities[it.i], answer = r[7];
            heading.textContent = KIND[it.kind] + ": " + it.name + " (" + it.id + ")";
            var intro = el("p");
            var what = it.kind === 0 ? "data about this group" : it.kind === 1 ? "this data" : it.kind === 2 ? "personal data in this system" : "personal data in this party's systems";
            var progs = {};
            answer.forEach(function (pl) { pl[1].forEach(function (p) { progs[p] = 1; }); });
            intro.textContent = answer.length === 0 ? "No system holds " + what + " in any programme." :
              plural(answer.length, "place holds", "places hold") + " " + what + ", in " + plural(Object.keys(progs).length, "programme", "programmes") +
              ". These are the places to search for a subject access request or a legal hold (as dpflow where lists them).";
            body.appendChild(intro);
            if (r[6].length && it.kind !== 2) body.appendChild(findingsList(r[6], "Findings about it"));
            var ol = el("ol", { "class": "places", id: "places" }), nodeProgrammes = {}, open = answer.length <= 20;
            answer.forEach(function (pl) {
              var h = D.headings[pl[0]], sys = h[0] >= 0 ? D.entities[h[0]] : null;
              var li = el("li", { "class": "place" + (h[4] ? " external" : ""), "data-system": sys ? S[sys[1]] : "" });
              var h3 = el("h3");
              h3.appendChild(document.createTextNode(S[h[1]] + " "));
              h3.appendChild(el("span", { "class": "id" }, "systems." + (sys ? S[sys[1]] : "?")));
              li.appendChild(h3);
              var dl = el("dl", { "class": "facts" });
              fact(dl, "Party", S[h[2]]);
              fact(dl, "Location", S[h[3]]);
              fact(dl, "Programmes", pl[1].map(function (p) { return S[p]; }).join(", "));
              if (h[4]) fact(dl, "Note", "Outside the programmes' record: an independent controller keeps it under its own schedule.");
              if (!h[5]) fact(dl, "Keeps data", "No: the data passes through.");
              li.appendChild(dl);
              var fill = function (box) {
                var table = el("table"), cap = el("caption", { "class": "visually-hidden" }, "What " + S[h[1]] + " holds, and for how long");
                table.appendChild(cap);
                var thead = el("thead"), tr = el("tr");
                ["Data", "Programme", "Retention and disposal"].forEach(function (t) { tr.appendChild(el("th", { scope: "col" }, t)); });
                thead.appendChild(tr); table.appendChild(thead);
                var tbody = el("tbody");
                pl[2].forEach(function (hi) {
                  var hd = D.holdings[hi], row = el("tr"), td = el("td");
                  td.appendChild(document.createTextNode(S[hd[2]] + " "));
                  td.appendChild(el("span", { "class": "id" }, "(" + S[hd[1]] + ")"));
                  if (hd[3] >= 0) td.appendChild(el("span", { "class": "detail-line" }, S[hd[3]]));
                  row.appendChild(td);
                  row.appendChild(el("td", null, S[hd[0]]));
                  row.appendChild(el("td", { "class": "retention" }, S[hd[4]]));
                  tbody.appendChild(row);
                });
                table.appendChild(tbody);
                box.appendChild(table);
                if (pl[3].length) {
                  box.appendChild(el("h4", null, "How the data arrives, and on what lawful basis"));
                  var ul = el("ul");
                  pl[3].forEach(function (ai) {
                    var a = D.arrivals[ai];
                    var item = el("li");
                    item.appendChild(el("strong", null, S[a[0]] + ": "));
                    item.appendChild(document.createTextNode("flow " + S[a[1]] + " from " + S[a[2]] + " (" + a[3].map(function (x) { return S[x]; }).join(", ") + "); lawful basis: "));
                    item.appendChild(el("span", { "class": "basis" }, S[a[4]]));
                    ul.appendChild(item);
                  });
                  box.appendChild(ul);
                }
                if (sys) {
                  box.appendChild(findingsList(sys[6], "Findings about this system"));
                  if (h[0] !== it.i) box.appendChild(selectButton(h[0], "Everything " + S[h[1]] + " holds"));
                }
              };
              // Small answers open in full; a large one lists every place and fills each when opened.
              var more = el("details", open ? { open: "" } : null), sum = el("summary", null, "What it holds (" + plural(pl[2].length, "entry", "entries") + "), how the data arrives, and findings");
              more.appendChild(sum);
              if (open) fill(more); else more.addEventListener("toggle", function once() { if (more.open) { more.removeEventListener("toggle", once); fill(more); } });
              li.appendChild(more);
              if (sys) {
                if (sys[4] >= 0) {
                  var key = "e" + sys[4], ps = nodeProgrammes[key] || (nodeProgrammes[key] = []);
                  pl[1].forEach(function (name) { (programmesByName[S[name]] || []).forEach(function (p) { if (ps.indexOf(p) < 0) ps.push(p); }); });
                }
              }
              ol.appendChild(li);
            });
            body.appendChild(ol);
            var extra = (it.kind === 0 || it.kind === 3) && r[4] >= 0 ? ["e" + r[4]] : [];
            var n = highlight(nodeProgrammes, extra);
            return plural(answer.length, "place", "places") + " listed; " + plural(n, "box", "boxes") + " highlighted on the diagram.";
          }

          function showProgramme(it) {
            var r = D.programmes[it.i];
            heading.textContent = "Programme " + it.name;
            var dl = el("dl", { "class": "facts" });
            fact(dl, "File", S[r[1]]);
            if (r[2] >= 0) fact(dl, "Ends", S[r[2]]);
            fact(dl, "On the diagram", "arrows numbered " + (it.i + 1) + ", line style " + S[r[4]]);
            body.appendChild(dl);
            var systems = [], nodeProgrammes = {};
            D.entities.forEach(function (e, i) { if (e[0] === 2 && e[5].indexOf(it.i) >= 0) systems.push(i); });
            body.appendChild(el("h3", null, "Systems it uses (" + systems.length + ")"));
            var ul = el("ul", { "class": "places", id: "places" });
            systems.forEach(function (i) {
              var e = D.entities[i], li = el("li", { "data-system": S[e[1]] });
              li.appendChild(selectButton(i, S[e[2]] + " (" + S[e[1]] + ")" + (S[e[3]] ? ", " + S[e[3]] : "")));
              ul.appendChild(li);
              if (e[4] >= 0) nodeProgrammes["e" + e[4]] = [it.i];
            });
            body.appendChild(ul);
            var own = [];
            D.findings.forEach(function (f, fi) { if (S[f[4]] === S[r[1]]) own.push(fi); });
            body.appendChild(findingsList(own, "Findings in its file"));
            var n = highlight(nodeProgrammes, []);
            edges.forEach(function (e) { if (e.programmes.indexOf(it.i) >= 0) { e.g.classList.add("hl"); if (nodes[e.from]) nodes[e.from].classList.add("hl"); } });
            return plural(systems.length, "system", "systems") + " listed; " + plural(n, "box", "boxes") + " highlighted on the diagram.";
          }

          var current = null;
          function select(it, fromUser) {
            current = it;
            body.textContent = "";
            detail.hidden = false;
            detailStatus.textContent = it.type === "p" ? showProgramme(it) : showEntity(it);
            Array.prototype.forEach.call(results.querySelectorAll("button"), function (b) {
              b.setAttribute("aria-current", String(b.getAttribute("data-kind") === String(it.kind) && b.getAttribute("data-id") === it.id));
            });
            if (fromUser) {
              setHash(input.value, it);
              heading.focus();
            }
          }
          function selectionKey(it) { return ["subject", "data", "system", "party", "programme"][it.kind] + ":" + it.id; }
          function setHash(q, it) {
            var h = "#q=" + encodeURIComponent(q.trim()) + (it ? "&sel=" + encodeURIComponent(selectionKey(it)) : "");
            try { history.replaceState(null, "", h); } catch (e) { /* file: URLs in some browsers */ }
          }
          function fromHash() {
            var params = new URLSearchParams(location.hash.replace(/^#/, ""));
            var q = params.get("q"), sel = params.get("sel");
            if (q === null && sel === null) return;
            input.value = q || "";
            search(input.value);
            if (sel) {
              var it = items.filter(function (x) { return selectionKey(x) === sel; })[0];
              if (it) select(it, false);
            }
          }
          window.addEventListener("hashchange", fromHash);

          // Findings panel.
          var fSev = $("f-severity"), fRule = $("f-rule"), fBody = document.querySelector("#findings tbody"), fStatus = $("findings-status");
          var rules = {};
          D.findings.forEach(function (f) { rules[S[f[1]]] = S[f[2]]; });
          Object.keys(rules).sort().forEach(function (id) { fRule.appendChild(el("option", { value: id }, id + " " + rules[id])); });
          function renderFindings() {
            var sev = fSev.value, rule = fRule.value, rows = [];
            D.findings.forEach(function (f) { if ((sev === "" || String(f[0]) === sev) && (rule === "" || S[f[1]] === rule)) rows.push(f); });
            fBody.textContent = "";
            var frag = document.createDocumentFragment();
            rows.slice(0, FINDINGS_LIMIT).forEach(function (f) {
              var tr = el("tr", f[7] ? { "class": "excepted" } : null);
              tr.appendChild(el("td", { "class": "sev sev-" + f[0] }, SEV[f[0]]));
              tr.appendChild(el("td", null, S[f[1]]));
              var msg = el("td", null, S[f[3]] + (f[7] ? " (excepted)" : ""));
              tr.appendChild(msg);
              var where = el("td");
              where.appendChild(el("span", { "class": "id" }, S[f[4]] + ":" + f[5]));
              if (S[f[6]]) where.appendChild(el("span", { "class": "detail-line" }, S[f[6]]));
              tr.appendChild(where);
              frag.appendChild(tr);
            });
            fBody.appendChild(frag);
            fStatus.textContent = plural(rows.length, "finding", "findings") + " shown of " + D.findings.length +
              (rows.length > FINDINGS_LIMIT ? "; the first " + FINDINGS_LIMIT + " are listed, narrow them with the filters." : ".");
          }
          var fit = $("fit"), diagram = $("diagram");
          fit.addEventListener("click", function () {
            var on = fit.getAttribute("aria-pressed") !== "true";
            fit.setAttribute("aria-pressed", String(on));
            diagram.classList.toggle("fit", on);
          });
          fSev.addEventListener("change", renderFindings);
          fRule.addEventListener("change", renderFindings);
          renderFindings();
          fromHash();
          window.dpflowMap = { search: search, items: items };
        })();

        """#
}
