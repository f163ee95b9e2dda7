// results-table.js: sorting and filtering for the results page
// (/case-studies/results/). The table is complete without it: this only
// adds sort buttons to the column headings (aria-sort says the order) and
// shows the team, industry and metric filters. The filters are kept in
// the address (?team=Sales&metric=…) so a filtered view can be shared.
(function () {
  "use strict";
  var table = document.querySelector("table.evidence-table");
  var form = document.querySelector("form.evidence-filters");
  if (!table || !form || !table.tBodies.length) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  rows.forEach(function (row, i) { row.dataset.order = String(i); });
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);

  // cellKey is what a cell sorts by: its data-sort number, else its text.
  function cellKey(row, col, numeric) {
    var cell = row.cells[col];
    if (numeric) {
      var v = parseFloat(cell.dataset.sort);
      return isNaN(v) ? null : v;
    }
    return cell.textContent.trim().toLocaleLowerCase();
  }

  function sortBy(col) {
    var th = heads[col];
    var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    var numeric = th.dataset.type === "number";
    heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir);
    var sign = dir === "ascending" ? 1 : -1;
    rows.sort(function (a, b) {
      var x = cellKey(a, col, numeric), y = cellKey(b, col, numeric);
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1; // rows without a value last
      } else if (x !== y) {
        return sign * (numeric ? x - y : x.localeCompare(y));
      }
      return Number(a.dataset.order) - Number(b.dataset.order);
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  heads.forEach(function (th, col) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    button.addEventListener("click", function () { sortBy(col); });
  });

  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var count = form.querySelector(".evidence-count");

  function matches(row, name, want) {
    if (!want) return true;
    var have = row.dataset[name] || "";
    return name === "team" ? have.split("|").indexOf(want) >= 0 : have === want;
  }

  function apply(remember) {
    var shown = 0;
    var params = new URLSearchParams(location.search);
    rows.forEach(function (row) {
      var ok = selects.every(function (s) { return matches(row, s.name, s.value); });
      row.hidden = !ok;
      if (ok) shown++;
    });
    selects.forEach(function (s) {
      if (s.value) params.set(s.name, s.value); else params.delete(s.name);
    });
    count.textContent = "Showing " + shown + " of " + rows.length + " results.";
    if (remember && history.replaceState) {
      var q = params.toString();
      history.replaceState(null, "", location.pathname + (q ? "?" + q : "") + location.hash);
    }
  }

  var initial = new URLSearchParams(location.search);
  selects.forEach(function (s) {
    var want = initial.get(s.name);
    if (want && Array.prototype.some.call(s.options, function (o) { return o.value === want; })) s.value = want;
    s.addEventListener("change", function () { apply(true); });
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.hidden = false;
  apply(false);
})();
