// Faceted case list: filters by kind, county, document type, year, focus area and success factor,
// with live counts, and keeps the filters in the URL. Without this script the form is hidden and every
// case is listed. A list too long for one page has filters that open the search page instead.
(function () {
  "use strict";
  // A long, paginated list: its filters are a plain form that opens the search page, whose script
  // does the filtering; it is shown only when scripts run.
  var onSearchPage = document.querySelector("[data-filter-search]");
  if (onSearchPage) {
    onSearchPage.hidden = false;
    return;
  }
  var form = document.getElementById("filter");
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll("[data-facets]"));
  var status = document.getElementById("filter-status");
  var keys = ["typ", "lan", "dokument", "ar", "fokus", "faktor"];

  function values(card, key) {
    return (card.getAttribute("data-" + key) || "").split(" ").filter(Boolean);
  }

  function selected() {
    var s = {};
    keys.forEach(function (k) {
      s[k] = Array.prototype.slice.call(form.querySelectorAll('input[name="' + k + '"]:checked')).map(function (i) { return i.value; });
    });
    return s;
  }

  // A case matches when, for every facet with a choice, it has at least one chosen value
  // (or, for focus areas and success factors, every chosen value: "has all of these").
  function matches(card, sel, skip) {
    return keys.every(function (k) {
      if (k === skip || sel[k].length === 0) return true;
      var have = values(card, k);
      if (k === "fokus" || k === "faktor") return sel[k].every(function (v) { return have.indexOf(v) !== -1; });
      return sel[k].some(function (v) { return have.indexOf(v) !== -1; });
    });
  }

  function update(writeUrl) {
    var sel = selected();
    var shown = 0;
    cards.forEach(function (card) {
      var ok = matches(card, sel, null);
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    form.querySelectorAll("input[type=checkbox]").forEach(function (input) {
      var k = input.name;
      var trial = JSON.parse(JSON.stringify(sel));
      if (trial[k].indexOf(input.value) === -1) trial[k].push(input.value);
      var n = cards.filter(function (c) { return matches(c, trial, (k === "fokus" || k === "faktor") ? null : k) && values(c, k).indexOf(input.value) !== -1; }).length;
      var count = input.parentNode.querySelector(".count");
      if (count) count.textContent = "(" + n + ")";
    });
    var template = form.getAttribute(shown === cards.length ? "data-t-all" : "data-t-some") || "";
    status.textContent = template.split("{n}").join(String(shown)).split("{total}").join(String(cards.length));
    if (writeUrl) {
      var params = new URLSearchParams();
      keys.forEach(function (k) { sel[k].forEach(function (v) { params.append(k, v); }); });
      var q = params.toString();
      history.replaceState(null, "", q ? "?" + q : window.location.pathname);
    }
  }

  var params = new URLSearchParams(window.location.search);
  form.querySelectorAll("input[type=checkbox]").forEach(function (input) {
    input.checked = params.getAll(input.name).indexOf(input.value) !== -1;
  });
  form.hidden = false;
  form.addEventListener("change", function () { update(true); });
  form.addEventListener("submit", function (e) { e.preventDefault(); update(true); });
  form.addEventListener("reset", function () { setTimeout(function () { update(true); }, 0); });
  update(false);
})();
