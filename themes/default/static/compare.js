// Side-by-side comparison: shows the chosen cases (2–4), marks what they share and what is unique,
// and keeps the choice in the URL (?fall=a&fall=b) so it can be shared. Without this script the
// stylesheet hides unchosen cases (via :has()), and the page still lists every case.
(function () {
  "use strict";
  var root = document.querySelector(".sbs");
  if (!root) return;
  var form = root.querySelector("form.pick");
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="fall"]'));
  var status = form.querySelector(".pick-status");
  var MAX = 4;
  // Interface texts come from the page (the site's string table), with {name} placeholders.
  function text(name, values) {
    var t = root.getAttribute("data-t-" + name) || "";
    Object.keys(values || {}).forEach(function (k) { t = t.split("{" + k + "}").join(values[k]); });
    return t;
  }

  function chosen() {
    return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
  }

  function titleOf(slug) {
    var label = form.querySelector('label[for="valj-' + slug + '"]');
    return label ? label.textContent : slug;
  }

  function update(pushUrl) {
    var picked = chosen();
    boxes.forEach(function (b) { b.disabled = !b.checked && picked.length >= MAX; });
    var showAll = picked.length === 0;
    root.querySelectorAll("[data-case]").forEach(function (el) {
      el.hidden = !showAll && picked.indexOf(el.getAttribute("data-case")) === -1;
    });
    root.querySelectorAll("tr[data-cases]").forEach(function (row) {
      var has = row.getAttribute("data-cases").split(" ").filter(function (s) { return s && (showAll || picked.indexOf(s) !== -1); });
      var tag = row.querySelector(".sbs-tag");
      row.hidden = !showAll && has.length === 0;
      row.classList.toggle("shared", picked.length > 1 && has.length === picked.length);
      row.classList.toggle("unique", picked.length > 1 && has.length === 1);
      if (!tag) return;
      if (picked.length > 1 && has.length === picked.length) tag.textContent = text("shared");
      else if (picked.length > 1 && has.length === 1) tag.textContent = text("only", { "case": titleOf(has[0]) });
      else tag.textContent = "";
    });
    var names = picked.map(titleOf).join(text("separator"));
    if (picked.length === 0) status.textContent = text("all");
    else if (picked.length === 1) status.textContent = text("one");
    else status.textContent = text(picked.length >= MAX ? "max" : "some", { cases: names });
    if (pushUrl) {
      var params = new URLSearchParams();
      picked.forEach(function (s) { params.append("fall", s); });
      var query = params.toString();
      history.replaceState(null, "", query ? "?" + query : window.location.pathname);
    }
  }

  var fromUrl = new URLSearchParams(window.location.search).getAll("fall");
  boxes.forEach(function (b) { b.checked = fromUrl.indexOf(b.value) !== -1; });
  if (chosen().length > MAX) boxes.forEach(function (b, i) { if (i >= MAX) b.checked = false; });
  root.classList.add("enhanced");
  form.addEventListener("change", function () { update(true); });
  form.addEventListener("submit", function (e) { e.preventDefault(); update(true); });
  update(false);
})();
