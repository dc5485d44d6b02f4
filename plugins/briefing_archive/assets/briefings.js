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
