/* The claims explorer (/claims/): every claim of the archive, filtered in the reader's browser.
   The data comes from window.BX_CLAIMS, which claims-data.js (a plain <script src>) assigns: no fetch,
   so the page works from file:// too. Data text is only ever set as textContent, never parsed as HTML.
   Within a filter, options add up (any of them); filters narrow one another (all of them). The state
   lives in the address's fragment (#grade=B2,C3&q=drones), so a filtered view can be shared. */
(function () {
  "use strict";
  var D = window.BX_CLAIMS, root = document.getElementById("bx-explorer");
  var table = document.getElementById("bx-claims-table");
  if (!D || !root || !table) return;
  var W = D.words, N = D.id.length, PAGE = Number(root.dataset.page) || 100;
  var HREF = { briefing: root.dataset.briefing, source: root.dataset.source, entity: root.dataset.entity };
  var PAGEFIND = root.dataset.pagefind, SEARCH_IDS = root.dataset.searchIds;   // set with `search: pagefind`
  var COLUMNS = table.tHead.rows[0].cells.length;
  var fmt = function (n) { return n.toLocaleString("en-US"); };

  /* ---- decode the columns ---- */
  var rowB = new Int32Array(N), chains = new Array(N), srcOf = new Array(N), entOf = new Array(N);
  var r = 0;
  D.b.forEach(function (b, bi) { for (var k = 0; k < b[4]; k++) rowB[r++] = bi; });
  for (r = 0; r < N; r++) {
    var links = D.ch[r].split(">").map(function (l) { return l.split("+").map(function (x) { return parseInt(x, 36); }); });
    chains[r] = links;
    var seen = [];
    links.forEach(function (l) { l.forEach(function (s) { if (seen.indexOf(s) < 0) seen.push(s); }); });
    srcOf[r] = seen;
    entOf[r] = D.en[r] ? D.en[r].split(".").map(function (x) { return parseInt(x, 36); }) : [];
  }
  var flagOf = function (i) { return D.f.charCodeAt(i) - 48; };
  var codeOf = function (i) { return D.g.substr(2 * i, 2); };

  /* ---- the filters: each option an index; valuesOf(row) gives the row's option indexes ---- */
  function uniqueSorted(values) { return values.filter(function (v, i, a) { return a.indexOf(v) === i; }).sort(); }
  var codes = [], letters = [], creds = [];
  (function () {
    var seen = {};
    for (var i = 0; i < N; i++) seen[codeOf(i)] = 1;
    codes = Object.keys(seen).sort();
    letters = uniqueSorted(codes.map(function (c) { return c[0]; }));
    creds = uniqueSorted(codes.map(function (c) { return c[1]; }));
  })();
  var codeIndex = {}; codes.forEach(function (c, i) { codeIndex[c] = i; });
  var NONE_PARTY = D.pty.length;
  var FACETS = [
    { key: "grade", label: "Grade", options: codes.map(function (c) {
        return { value: c, label: c, title: c + ": source " + W.rel[c[0]] + "; information " + W.cred[c[1]] }; }),
      single: true, valuesOf: function (i) { return [codeIndex[codeOf(i)]]; } },
    { key: "reliability", label: "Source reliability", options: letters.map(function (l) {
        return { value: l, label: l + " " + W.rel[l] }; }),
      single: true, valuesOf: function (i) { return [letters.indexOf(codeOf(i)[0])]; } },
    { key: "credibility", label: "Credibility", options: creds.map(function (c) {
        return { value: c, label: c + " " + W.cred[c] }; }),
      single: true, valuesOf: function (i) { return [creds.indexOf(codeOf(i)[1])]; } },
    { key: "party", label: "Originator\u2019s party", options: D.pty.map(function (p) { return { value: p, label: p }; })
        .concat([{ value: "-", label: "no party (neutral, unknown or unnamed)" }]),
      valuesOf: function (i) {
        var out = [], o = chains[i][chains[i].length - 1];
        o.forEach(function (s) { var p = D.src[s][3]; p = p < 0 ? NONE_PARTY : p; if (out.indexOf(p) < 0) out.push(p); });
        return out; } },
    { key: "source", label: "Source (anywhere in the chain)", options: D.src.map(function (s) {
        return { value: s[0], label: s[1] }; }), valuesOf: function (i) { return srcOf[i]; } },
    { key: "entity", label: "Entity", options: D.ent.map(function (e) { return { value: e[0], label: e[1] }; }),
      valuesOf: function (i) { return entOf[i]; } },
    { key: "tag", label: "Tag", options: D.tag.map(function (t) { return { value: t, label: t }; }),
      valuesOf: function (i) { return D.b[rowB[i]][3]; } },
    { key: "status", label: "Status", options: W.statusKey.map(function (k, j) {
        return { value: k, label: W.status[j], title: W.statusMeaning[j] }; }),
      valuesOf: function (i) { var f = flagOf(i), out = [];
        if (f & 1) out.push(0); if (f & 2) out.push(1); if (f & 4) out.push(2); if (!(f & 7)) out.push(3);
        return out; } },
    { key: "independence", label: "Independence of related claims", options: W.verdictKey.map(function (k, j) {
        return { value: k.replace(/ /g, "-"), label: W.verdict[j] }; })
        .concat([{ value: "none", label: W.verdictNone }]),
      valuesOf: function (i) { var f = flagOf(i), out = [];
        if (f & 8) out.push(0); if (f & 16) out.push(1); if (f & 32) out.push(2); if (!(f & 56)) out.push(3);
        return out; } },
    /* the relation kinds come from the data (the registry of kinds), one option each, either way */
    { key: "relation", label: "Relations (either way)", options: W.kindKey.map(function (k, j) {
        return { value: k, label: W.kind[j], title: W.kindMeaning[j] || undefined }; })
        .concat([{ value: "none", label: "no related claim" }]),
      valuesOf: function (i) {
        var out = D.k[i].split("").map(function (x) { return parseInt(x, 36); });
        if (!out.length) out.push(W.kindKey.length);
        return out; } }
  ];
  FACETS.forEach(function (facet) {
    // a filter with one value a row keeps it in a typed array (the loops below run over every claim)
    if (facet.single) facet.one = new Int32Array(N); else facet.rows = new Array(N);
    for (var i = 0; i < N; i++) {
      if (facet.single) facet.one[i] = facet.valuesOf(i)[0]; else facet.rows[i] = facet.valuesOf(i);
    }
    facet.on = new Uint8Array(facet.options.length);
    facet.count = new Int32Array(facet.options.length);
    facet.selected = 0;
  });

  /* ---- words to search: quote, briefing, sources, entities, date, ids (folded: case and accents) ---- */
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  var hay = null;
  function haystacks() {
    if (hay) return hay;
    hay = new Array(N);
    for (var i = 0; i < N; i++) {
      var b = D.b[rowB[i]], parts = [D.q[i], b[1], D.id[i], b[0], D.d[i]];
      srcOf[i].forEach(function (s) { parts.push(D.src[s][1]); });
      entOf[i].forEach(function (e) { parts.push(D.ent[e][1]); });
      hay[i] = fold(parts.join(" \u0001 "));
    }
    return hay;
  }

  /* ---- orders ---- */
  var ORDERS = [["archive", "Archive order (briefing by briefing)"], ["date-desc", "Date, newest first"],
                ["date-asc", "Date, oldest first"], ["grade", "Grade, most credible first"]];
  var orderCache = {};
  function order(key) {
    if (orderCache[key]) return orderCache[key];
    var idx = new Array(N);
    for (var i = 0; i < N; i++) idx[i] = i;
    if (key === "date-desc" || key === "date-asc") {
      var sign = key === "date-desc" ? -1 : 1;
      idx.sort(function (a, b) {
        var x = D.d[a], y = D.d[b];
        if (!x || !y) return (x ? 0 : 1) - (y ? 0 : 1) || a - b;     // undated claims last
        return (x < y ? -sign : x > y ? sign : 0) || a - b;
      });
    } else if (key === "grade") {
      idx.sort(function (a, b) { var x = D.g[2 * a + 1] + D.g[2 * a], y = D.g[2 * b + 1] + D.g[2 * b];
        return (x < y ? -1 : x > y ? 1 : 0) || a - b; });
    }
    return (orderCache[key] = idx);
  }

  /* ---- the controls ---- */
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  var state = { q: "", order: "archive", shown: PAGE };
  var form = el("form", { "class": "bx-explorer-form", role: "search", "aria-label": "Filter the claims" });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  var qLabel = el("label", { "for": "bx-claims-q" }, "Words ");
  var q = el("input", { type: "search", id: "bx-claims-q", autocomplete: "off", spellcheck: "false",
                        placeholder: PAGEFIND ? "in the quote, note, briefing, sources, entities"
                                              : "in the quote, briefing, sources, entities" });
  var line = el("p", { "class": "bx-explorer-text" });
  line.appendChild(qLabel); line.appendChild(q);
  form.appendChild(line);
  var grid = el("div", { "class": "bx-facets" });
  FACETS.forEach(function (facet, fi) {
    var details = facet.details = el("details", { "class": "bx-facet", "data-facet": facet.key });
    details.addEventListener("toggle", function () { if (details.open) paintFacet(facet); });
    var summary = el("summary", null, facet.label);
    facet.badge = el("span", { "class": "bx-facet-on" });
    summary.appendChild(facet.badge);
    details.appendChild(summary);
    var group = el("div", { role: "group", "aria-label": facet.label });
    if (facet.options.length > 12) {
      var find = el("input", { type: "search", "class": "bx-facet-find", "aria-label": "Find in " + facet.label,
                               placeholder: "find\u2026", autocomplete: "off" });
      find.addEventListener("input", function () {
        var words = fold(find.value.trim());
        facet.items.forEach(function (li, j) { li.hidden = words !== "" && fold(facet.options[j].label).indexOf(words) < 0; });
      });
      group.appendChild(find);
    }
    var list = el("ul");
    facet.items = []; facet.boxes = []; facet.counts = [];
    facet.options.forEach(function (option, j) {
      var li = el("li"), label = el("label"), box = el("input", { type: "checkbox", value: option.value });
      if (option.title) label.title = option.title;
      box.addEventListener("change", function () { toggle(fi, j, box.checked); });
      var count = el("span", { "class": "bx-n" });
      var text = el("span", null, option.label + " ");
      text.appendChild(count);
      label.appendChild(box); label.appendChild(text);
      li.appendChild(label); list.appendChild(li);
      facet.items.push(li); facet.boxes.push(box); facet.counts.push(count);
    });
    group.appendChild(list);
    details.appendChild(group);
    grid.appendChild(details);
  });
  form.appendChild(grid);
  var bar = el("p", { "class": "bx-explorer-bar" });
  var status = el("span", { "class": "bx-explorer-count", role: "status", id: "bx-claims-count" });
  var sortLabel = el("label", { "for": "bx-claims-order" }, "Order ");
  var sort = el("select", { id: "bx-claims-order" });
  ORDERS.forEach(function (o) { sort.appendChild(el("option", { value: o[0] }, o[1])); });
  var clear = el("button", { type: "button", "class": "md-button" }, "Clear all filters");
  bar.appendChild(status); bar.appendChild(sortLabel); sortLabel.appendChild(sort); bar.appendChild(clear);
  form.appendChild(bar);
  root.appendChild(form);
  var more = el("button", { type: "button", "class": "md-button bx-explorer-more", id: "bx-claims-more" });
  table.closest(".md-typeset__scrollwrap").insertAdjacentElement("afterend", more);

  q.addEventListener("input", function () { state.q = q.value; state.shown = PAGE; update(); });
  sort.addEventListener("change", function () { state.order = sort.value; state.shown = PAGE; update(); });
  clear.addEventListener("click", function () {
    FACETS.forEach(function (f) { f.on.fill(0); f.selected = 0; });
    state.q = ""; state.shown = PAGE; update(); q.focus();
  });
  more.addEventListener("click", function () { state.shown += PAGE; render(false); });

  function toggle(fi, j, on) {
    var f = FACETS[fi];
    if (!!f.on[j] !== on) { f.on[j] = on ? 1 : 0; f.selected += on ? 1 : -1; }
    state.shown = PAGE;
    update();
  }

  /* ---- filtering: every facet counts what each option would match with the other filters ---- */
  var matched = [], unfiltered = null;
  function hit(f, i) {
    if (f.one) return f.on[f.one[i]] === 1;
    var vals = f.rows[i];
    for (var v = 0; v < vals.length; v++) if (f.on[vals[v]]) return true;
    return false;
  }
  function add(f, i) {
    if (f.one) { f.count[f.one[i]]++; return; }
    var vals = f.rows[i];
    for (var v = 0; v < vals.length; v++) f.count[vals[v]]++;
  }
  function filter() {
    var active = FACETS.filter(function (f) { return f.selected > 0; });
    var words = fold(state.q).split(/\s+/).filter(Boolean), h = words.length ? haystacks() : null;
    var noted = notes.q === state.q.trim() ? notes.rows : null;
    var idx = order(state.order), out = [], n, a;
    if (!active.length && !words.length && unfiltered) {   // every claim: the counts are known
      FACETS.forEach(function (f, k) { f.count.set(unfiltered[k]); });
      matched = idx;
      return;
    }
    FACETS.forEach(function (f) { f.count.fill(0); });
    for (n = 0; n < N; n++) {
      var i = idx[n], ok = true, w;
      for (w = 0; w < words.length; w++) if (h[i].indexOf(words[w]) < 0) { ok = false; break; }
      if (!ok && noted && noted.has(i)) ok = true;   // Pagefind found the words in its note or background
      if (!ok) continue;
      var missed = null, misses = 0;
      for (a = 0; a < active.length; a++) {
        if (!hit(active[a], i)) { missed = active[a]; if (++misses > 1) break; }
      }
      if (misses === 0) {
        out.push(i);
        for (a = 0; a < FACETS.length; a++) add(FACETS[a], i);
      } else if (misses === 1) {
        add(missed, i);
      }
    }
    matched = out;
    if (!active.length && !words.length) unfiltered = FACETS.map(function (f) { return f.count.slice(); });
  }

  /* ---- rendering: the matching rows a page at a time, written as the page's static rows are ---- */
  function link(kind, id, text, fragment) {
    var a = el("a", { href: HREF[kind].replace("__id__", encodeURIComponent(id)) + (fragment ? "#" + fragment : "") }, text);
    return a;
  }
  function badge(code) {
    var abbr = el("abbr", { "class": "bx-badge bx-rel-" + code[0].toLowerCase() + " bx-cred-" + code[1],
                            title: code + ": source " + W.rel[code[0]] + "; information " + W.cred[code[1]] });
    abbr.appendChild(el("span", { "class": "bx-icon", "aria-hidden": "true" }, W.icon[code[0]]));
    abbr.appendChild(document.createTextNode(code));
    return abbr;
  }
  function row(i) {
    var tr = el("tr"), b = D.b[rowB[i]], f = flagOf(i), td;
    var cell = function () { td = el("td"); tr.appendChild(td); return td; };
    cell().appendChild(badge(codeOf(i)));
    var quote = link("briefing", b[0], "\u201c" + D.q[i] + "\u201d", D.id[i]);
    quote.className = "bx-claim-quote";
    cell().appendChild(quote);
    cell().appendChild(link("briefing", b[0], b[1]));
    if (D.d[i]) cell().textContent = D.d[i]; else cell().appendChild(el("em", null, "not recorded"));
    td = cell();
    chains[i].forEach(function (l, k) {
      if (k) td.appendChild(document.createTextNode(" \u2190 "));
      l.forEach(function (s, m) {
        if (m) td.appendChild(document.createTextNode(" + "));
        td.appendChild(link("source", D.src[s][0], D.src[s][1]));
      });
    });
    td.appendChild(document.createTextNode(" "));
    td.appendChild(el("small", null, "(originator)"));
    var sides = [];
    chains[i][chains[i].length - 1].forEach(function (s) { if (sides.indexOf(D.src[s][4]) < 0) sides.push(D.src[s][4]); });
    cell().textContent = sides.join("; ");
    td = cell();
    entOf[i].forEach(function (e, k) {
      if (k) td.appendChild(document.createTextNode(", "));
      td.appendChild(link("entity", D.ent[e][0], D.ent[e][1]));
    });
    var st = [], vd = [];
    if (f & 1) st.push(W.status[0]); if (f & 2) st.push(W.status[1]); if (f & 4) st.push(W.status[2]);
    if (!(f & 7)) st.push(W.status[3]);
    if (f & 8) vd.push(W.verdictWords[0]); if (f & 16) vd.push(W.verdictWords[1]); if (f & 32) vd.push(W.verdictWords[2]);
    td = cell();
    td.textContent = st.join(", ");
    if (vd.length) { td.appendChild(el("br")); td.appendChild(el("small", { "class": "bx-verdicts" }, "related claims: " + vd.join("; "))); }
    return tr;
  }
  var body = table.tBodies[0];
  function render(fromStart) {
    var start = fromStart ? 0 : body.rows.length, end = Math.min(state.shown, matched.length);
    var frag = document.createDocumentFragment();
    if (fromStart && matched.length === 0) {
      var td = el("td", { colspan: String(COLUMNS) }, "No claim matches these filters.");
      frag.appendChild(el("tr")).appendChild(td);
    }
    for (var n = start; n < end; n++) frag.appendChild(row(matched[n]));
    if (fromStart) body.textContent = "";
    body.appendChild(frag);
    var shown = Math.min(state.shown, matched.length);
    status.textContent = fmt(matched.length) + " of " + fmt(N) + " claims" +
      (shown < matched.length ? " (the first " + fmt(shown) + " shown)" : "") +
      (PAGEFIND && state.q.trim() ? (notes.failed ? "; the notes could not be searched"
        : notes.rows && notes.q === state.q.trim() ? "" : "; searching the notes\u2026") : "");
    more.hidden = shown >= matched.length;
    more.textContent = "Show " + fmt(Math.min(PAGE, matched.length - shown)) + " more";
  }
  function paint() {
    FACETS.forEach(paintFacet);
    if (q.value !== state.q) q.value = state.q;
    sort.value = state.order;
  }
  function paintFacet(f) {
    var open = f.details.open;   // a closed filter's counts are written when it opens (some have hundreds)
    for (var j = 0; j < f.options.length; j++) {
      if (f.boxes[j].checked !== !!f.on[j]) f.boxes[j].checked = !!f.on[j];
      var text = open ? "(" + fmt(f.count[j]) + ")" : "";
      if (open && f.counts[j].textContent !== text) f.counts[j].textContent = text;
    }
    f.badge.textContent = f.selected ? " (" + f.selected + " selected)" : "";
  }


  /* ---- the address: #grade=B2,C3&source=uk-mod&q=words&order=date-desc ---- */
  function toHash() {
    var parts = [];
    FACETS.forEach(function (f) {
      var on = f.options.filter(function (o, j) { return f.on[j]; }).map(function (o) { return encodeURIComponent(o.value); });
      if (on.length) parts.push(f.key + "=" + on.join(","));
    });
    if (state.q.trim()) parts.push("q=" + encodeURIComponent(state.q.trim()));
    if (state.order !== "archive") parts.push("order=" + state.order);
    return parts.length ? "#" + parts.join("&") : "";
  }
  function fromHash() {
    FACETS.forEach(function (f) { f.on.fill(0); f.selected = 0; });
    state.q = ""; state.order = "archive"; state.shown = PAGE;
    location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
      var eq = pair.indexOf("="), key = pair.slice(0, eq), value = pair.slice(eq + 1);
      if (eq < 0) return;
      var decode = function (v) { try { return decodeURIComponent(v); } catch (e) { return v; } };
      if (key === "q") { state.q = decode(value); return; }
      if (key === "order") { if (ORDERS.some(function (o) { return o[0] === value; })) state.order = value; return; }
      FACETS.forEach(function (f) {
        if (f.key !== key) return;
        value.split(",").map(decode).forEach(function (v) {
          f.options.forEach(function (o, j) { if (o.value === v && !f.on[j]) { f.on[j] = 1; f.selected++; } });
        });
      });
    });
  }
  var written = null;
  function writeHash() {
    var hash = toHash(), url = location.href.replace(/#.*$/, "") + hash;
    if (hash === (location.hash || "") || (hash === "" && location.hash === "#")) return;
    written = hash;
    try { history.replaceState(history.state, "", hash || location.pathname + location.search); }
    catch (e) { location.replace(url); }
  }
  window.addEventListener("hashchange", function () {
    if (location.hash === written) return;
    fromHash(); askNotes(); filter(); render(true); paint();
  });

  /* ---- words in notes (with Pagefind): its index answers which claims' records hold them; only their ids
     travel, matched to rows through the ids file (loaded once), never the notes ---- */
  var notes = { q: "", rows: null, failed: false }, library = null, ids = null;
  function askNotes() {
    var query = state.q.trim();
    if (!PAGEFIND || query === notes.q) return;
    notes.q = query; notes.rows = null; notes.failed = false;
    if (!query) return;
    library = library || import(new URL(PAGEFIND, location.href).href);
    ids = ids || fetch(new URL(SEARCH_IDS, location.href).href).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (list) { var m = new Map(); list.forEach(function (id, row) { if (id) m.set(id, row); }); return m; });
    Promise.all([library.then(function (pf) { return pf.search(query); }), ids]).then(function (got) {
      if (notes.q !== query) return;   // the words changed meanwhile: their own answer will come
      var rows = new Set();
      ((got[0] && got[0].results) || []).forEach(function (r) { var row = got[1].get(r.id); if (row !== undefined) rows.add(row); });
      notes.rows = rows;
      filter(); render(true); paint();
    }).catch(function () {
      if (notes.q !== query) return;
      notes.failed = true; render(true);
    });
  }

  var hashTimer = 0;
  function update() {
    askNotes();
    filter(); render(true); paint();
    // the address follows once the reader pauses: Chromium makes history calls slow, and throttles many
    clearTimeout(hashTimer);
    hashTimer = setTimeout(writeHash, 200);
  }

  fromHash();
  askNotes();
  root.hidden = false;
  document.getElementById("bx-explorer-static").hidden = true;
  filter(); render(true); paint();
  if (window.performance && performance.mark) performance.mark("bx-claims-ready");   // read by make bench
  setTimeout(haystacks, 0);   // ready before the first words are typed
})();
