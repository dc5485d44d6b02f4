/* Sortable index tables: a progressive enhancement (the tables read fine without it).
   Each header becomes a button; activating it sorts by that column, numbers numerically. */
(function () {
  function cellValue(row, i) {
    var text = row.cells[i].textContent.trim();
    var num = Number(text.replace(/[^0-9.-]/g, ""));
    return text !== "" && /^[0-9.,\s-]+$/.test(text) && !isNaN(num) ? num : text.toLowerCase();
  }
  function enhance(table) {
    if (table.dataset.bxSortable) return;
    table.dataset.bxSortable = "1";
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, i) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, i), y = cellValue(b, i);
          var order = x < y ? -1 : x > y ? 1 : 0;
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  function run() { document.querySelectorAll("table.bx-sortable").forEach(enhance); }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(run); }
  else if (document.readyState !== "loading") { run(); }
  else { document.addEventListener("DOMContentLoaded", run); }
})();

/* A briefing's claim filter: show or dim claims by credibility group, by who they rest on and by
   whether their agreement with other reports is independent. The state lives in the page's URL
   (?show=probable,possible&by=src-uk-mod&agree=independent), so a filtered view can be shared and the
   bottom line's counts can link to their claims. Without this script the form stays hidden and every
   claim shows. */
(function () {
  function boxes(form) { return Array.prototype.slice.call(form.querySelectorAll("input[name=show]")); }
  function hasOption(select, value) {
    return Array.prototype.some.call(select.options, function (o) { return o.value === value; });
  }
  function readUrl(form) {
    var query = new URLSearchParams(window.location.search);
    var show = query.get("show");
    boxes(form).forEach(function (box) { box.checked = !show || show.split(",").indexOf(box.value) >= 0; });
    ["by", "agree"].forEach(function (name) {
      var value = query.get(name) || "";
      form.elements[name].value = hasOption(form.elements[name], value) ? value : "";
    });
  }
  function writeUrl(form) {
    var query = new URLSearchParams(window.location.search);
    var checked = boxes(form).filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    if (checked.length === boxes(form).length) { query.delete("show"); } else { query.set("show", checked.join(",")); }
    ["by", "agree"].forEach(function (name) {
      var value = form.elements[name].value;
      if (value) { query.set(name, value); } else { query.delete(name); }
    });
    var search = query.toString();
    window.history.replaceState(window.history.state, "",
      window.location.pathname + (search ? "?" + search : "") + window.location.hash);
  }
  function matches(el, show, by, agree) {
    var group = show.some(function (g) { return el.classList.contains("bx-g-" + g); });
    var who = !by || el.classList.contains(by.indexOf("src-") === 0 ? "bx-" + by : "bx-by-" + by);
    var agreeing = !agree || el.classList.contains("bx-agree-" + agree);
    return group && who && agreeing;
  }
  function apply(form) {
    var show = boxes(form).filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    var by = form.elements.by.value, agree = form.elements.agree.value, shown = 0;
    var notes = document.querySelectorAll("section.bx-claim-note");
    notes.forEach(function (note) {
      var ok = matches(note, show, by, agree);
      note.hidden = !ok;
      if (ok) { shown += 1; }
    });
    document.querySelectorAll(".bx-article mark.bx-claim").forEach(function (mark) {
      mark.classList.toggle("bx-dim", !matches(mark, show, by, agree));
    });
    var all = shown === notes.length;
    form.querySelector(".bx-filter-count").textContent =
      all ? "Showing all " + notes.length + " claims." : "Showing " + shown + " of " + notes.length + " claims.";
  }
  function setup() {
    var form = document.querySelector("form.bx-filter");
    if (!form || form.dataset.bxReady) { return; }
    form.dataset.bxReady = "1";
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", function () { apply(form); writeUrl(form); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(form); writeUrl(form); }, 0);
    });
    readUrl(form);
    apply(form);
  }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(setup); }
  else if (document.readyState !== "loading") { setup(); }
  else { document.addEventListener("DOMContentLoaded", setup); }
})();

/* The archive's tooltips (a quote's grade, chain, verdict and note; a badge's definitions; a term's meaning; a
   reference's target), from each element's data-bx-tip, put in the page as text (textContent): whatever an
   author wrote stays text. (The theme's own tooltips build theirs from titles as HTML; the plugin keeps them
   off.) One tooltip element, role=tooltip, named by the element's aria-describedby while it shows; it opens on
   hover and on keyboard focus, stays while the pointer moves onto it, and closes on Escape, blur or leaving. */
(function () {
  if (window.__bxTooltips) { return; }
  window.__bxTooltips = true;
  var tip = null, host = null, timer = 0;
  function carrier(node) {
    return node && node.nodeType === 1 && node.closest ? node.closest("[data-bx-tip]") : null;
  }
  function element() {
    if (!tip || !tip.isConnected) {
      tip = document.createElement("div");
      tip.className = "bx-tooltip";
      tip.id = "bx-tooltip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("mouseenter", function () { window.clearTimeout(timer); });
      tip.addEventListener("mouseleave", function () { later(); });
      // Inside the page's main landmark, so assistive technology finds it with the text it describes.
      (document.querySelector("main") || document.body).appendChild(tip);
    }
    return tip;
  }
  function place(el, t) {
    var rects = el.getClientRects(), r = rects.length ? rects[0] : el.getBoundingClientRect();
    var width = document.documentElement.clientWidth, height = window.innerHeight;
    var w = t.offsetWidth, h = t.offsetHeight;
    var left = Math.max(8, Math.min(r.left, width - w - 8));
    var top = r.bottom + 6 + h > height && r.top - 6 - h >= 0 ? r.top - 6 - h : r.bottom + 6;
    // Absolute from the nearest positioned ancestor, if the theme positions one; else from the document.
    var parent = t.offsetParent, box = parent && parent !== document.body ? parent.getBoundingClientRect() : null;
    t.style.left = (box ? left - box.left - parent.clientLeft : left + window.scrollX) + "px";
    t.style.top = (box ? top - box.top - parent.clientTop : top + window.scrollY) + "px";
  }
  function show(el) {
    window.clearTimeout(timer);
    var t = element();
    if (host && host !== el) { host.removeAttribute("aria-describedby"); }
    host = el;
    t.textContent = el.getAttribute("data-bx-tip");
    t.hidden = false;
    el.setAttribute("aria-describedby", t.id);
    place(el, t);
  }
  function hide() {
    window.clearTimeout(timer);
    if (tip) { tip.hidden = true; }
    if (host) { host.removeAttribute("aria-describedby"); }
    host = null;
  }
  function later() { window.clearTimeout(timer); timer = window.setTimeout(hide, 300); }
  document.addEventListener("mouseover", function (event) {
    var el = carrier(event.target);
    if (el) { show(el); }
  });
  document.addEventListener("mouseout", function (event) {
    var el = carrier(event.target), next = event.relatedTarget;
    if (!el || el !== host || (next && (el.contains(next) || (tip && tip.contains(next))))) { return; }
    later();
  });
  document.addEventListener("focusin", function (event) {
    var el = carrier(event.target);
    if (el) { show(el); } else if (host) { hide(); }
  });
  document.addEventListener("focusout", function (event) {
    if (host && host.contains(event.target)) { hide(); }
  });
  document.addEventListener("keydown", function (event) {
    if ((event.key === "Escape" || event.key === "Esc") && tip && !tip.hidden) { hide(); }
  });
  window.addEventListener("resize", function () { if (host) { place(host, element()); } });
})();
