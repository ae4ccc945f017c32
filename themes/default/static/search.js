// Search page: runs the site's static search index (search-index/engine.js) in the browser. Without
// JavaScript the page shows the list of all pages instead; this script shows the form, searches as the
// user types, and keeps the query and the chosen filters in the address (?q=…&innehall=Exempel).

const PAGE_SIZE = 10;
const DELAY_MS = 250;

const form = document.querySelector("[data-search-form]");
const input = form.querySelector('input[name="q"]');
const filterBox = form.querySelector("[data-search-filters]");
const skip = form.querySelector("[data-search-skip]");
const region = document.querySelector("[data-search-results]");
const statusLine = document.querySelector("[data-search-status]");
const hint = document.querySelector("[data-search-hint]");
const list = region.querySelector("[data-search-list]");
const more = region.querySelector("[data-search-more]");
const index = document.querySelector("[data-search-index]");

let engine = null;
let results = [];
let shown = 0;
let latest = 0;
let timer = 0;

// An excerpt is inserted as HTML only when it is plain text with <mark> highlights.
const SAFE_EXCERPT = /^(?:[^<>]|<mark>|<\/mark>)*$/;

// Interface texts come from the form's data-t-* attributes (the site's string table).
function text(name, values = {}) {
  let t = form.dataset[`t${name.charAt(0).toUpperCase()}${name.slice(1)}`] ?? "";
  for (const [key, value] of Object.entries(values)) t = t.split(`{${key}}`).join(String(value));
  return t;
}

// The engine's own folding (no diacritics), set when the engine has loaded.
let fold = (text) => text;

// A filter's name in the address: lowercase, without diacritics, other characters as "-" ("Antagen
// år" → "antagen-ar"), as inspira's `search::filter_param` writes it into the case list's form.
function param(name) {
  return fold(name.toLowerCase()).replace(/[^a-z0-9]+/g, "-");
}

function selectedFilters() {
  const filters = {};
  for (const box of filterBox.querySelectorAll("input:checked")) (filters[box.name] ??= []).push(box.value);
  return filters;
}

// Filters with more values than this are folded away (a <details>) until the reader opens them.
const FOLD_OVER = 8;

// One fieldset per filter, one checkbox per value; built once, so focus stays put when counts change.
function buildFilters(all, chosen) {
  for (const name of Object.keys(all).sort((a, b) => a.localeCompare(b, "sv"))) {
    const title = name.charAt(0).toUpperCase() + name.slice(1);
    const values = Object.keys(all[name]).sort((a, b) => a.localeCompare(b, "sv"));
    const group = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = title;
    group.append(legend);
    let anyChosen = false;
    for (const value of values) {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = name;
      box.value = value;
      box.checked = chosen.getAll(param(name)).includes(value);
      anyChosen ||= box.checked;
      const count = document.createElement("span");
      count.className = "count";
      label.append(box, ` ${value} `, count);
      group.append(label);
    }
    if (values.length > FOLD_OVER) {
      const fold = document.createElement("details");
      const summary = document.createElement("summary");
      summary.textContent = title;
      legend.className = "visually-hidden";
      fold.open = anyChosen;
      fold.append(summary, group);
      filterBox.append(fold);
    } else {
      filterBox.append(group);
    }
  }
  filterBox.hidden = Object.keys(all).length === 0;
  showCounts(all);
}

// The number of results each value would give, with the other filters as they are.
function showCounts(counts) {
  for (const box of filterBox.querySelectorAll("input")) {
    const count = counts[box.name]?.[box.value] ?? 0;
    box.parentElement.querySelector(".count").textContent = `(${count})`;
  }
}

// One result as a list item: its title as a link, its kind, and the excerpt.
function resultItem(page) {
  const item = document.createElement("li");
  const heading = document.createElement("h3");
  const link = document.createElement("a");
  link.href = page.url;
  link.textContent = page.title || page.url;
  heading.append(link);
  item.append(heading);
  // The filters that say what a result is (content, kind, county), not all it is about.
  const named = (form.dataset.metaFilters ?? "").split("|").filter(Boolean);
  const kind = named.flatMap((n) => page.filters?.[n] ?? []).join(", ");
  if (kind) {
    const meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = kind;
    item.append(meta);
  }
  const excerpt = document.createElement("p");
  if (SAFE_EXCERPT.test(page.excerpt)) excerpt.innerHTML = page.excerpt;
  else excerpt.textContent = page.excerpt.replace(/<[^>]*>/g, "");
  item.append(excerpt);
  return item;
}

// Shows the next PAGE_SIZE results in rank order (their page files are fetched together). A new search
// replaces the list in one step, so it never shows half old and half new results; "more" appends each
// result as soon as it has arrived. Returns the first new link.
async function renderMore(replace = false) {
  const batch = results.slice(shown, shown + PAGE_SIZE);
  const run = latest;
  shown += batch.length;
  const pending = batch.map((r) => r.data());
  if (replace) {
    const pages = await Promise.all(pending);
    if (run !== latest) return null;
    const items = pages.map(resultItem);
    list.replaceChildren(...items);
    more.hidden = shown >= results.length;
    return items[0]?.querySelector("a") ?? null;
  }
  more.hidden = shown >= results.length;
  let first = null;
  for (const data of pending) {
    const page = await data;
    if (run !== latest) return null;
    const item = resultItem(page);
    list.append(item);
    first ??= item.querySelector("a");
  }
  return first;
}

async function search() {
  try {
    await runSearch();
  } catch (error) {
    console.error(error);
    statusLine.textContent = text("failed");
    region.hidden = true;
    hint.hidden = true;
    index.hidden = false;
  }
}

async function runSearch() {
  const run = ++latest;
  const term = input.value.trim();
  const filters = selectedFilters();
  const filtered = Object.keys(filters).length > 0;
  if (term === "" && !filtered) {
    showCounts(engine.filters());
    statusLine.textContent = "";
    list.replaceChildren();
    region.hidden = true;
    hint.hidden = true;
    skip.hidden = true;
    index.hidden = false;
    return;
  }
  const found = await engine.search(term, { filters });
  if (run !== latest) return;
  results = found.results;
  shown = 0;
  await renderMore(true);
  if (run !== latest) return;
  showCounts(found.counts);
  const n = results.length;
  region.hidden = n === 0;
  skip.hidden = n === 0;
  index.hidden = true;
  hint.hidden = n > 0;
  hint.querySelector("[data-search-hint-filters]").hidden = !filtered;
  hint.querySelector("[data-search-hint-words]").hidden = term === "";
  const key = n === 0 ? "none" : n === 1 ? "one" : "many";
  statusLine.textContent =
    n === 0 && filtered && term === "" ? text("noneFiltered") : text(term === "" ? key : `${key}For`, { n, term });
}

// The query and the chosen filters in the address, so a search can be shared and survives reloading.
function remember() {
  const url = new URL(window.location.href);
  const term = input.value.trim();
  for (const box of filterBox.querySelectorAll("input")) url.searchParams.delete(param(box.name));
  url.searchParams.delete("q");
  if (term !== "") url.searchParams.set("q", term);
  for (const box of filterBox.querySelectorAll("input:checked")) url.searchParams.append(param(box.name), box.value);
  history.replaceState(null, "", url);
}

function later() {
  clearTimeout(timer);
  timer = setTimeout(() => {
    remember();
    search();
  }, DELAY_MS);
}

async function start() {
  try {
    const module = await import(`${form.dataset.index}engine.js`);
    fold = module.fold;
    engine = await module.open(form.dataset.index);
  } catch (error) {
    console.error(error);
    return; // The list of all pages stays as the fallback.
  }
  const params = new URLSearchParams(window.location.search);
  for (const note of document.querySelectorAll("[data-search-nojs]")) note.hidden = true;
  form.hidden = false;
  buildFilters(engine.filters(), params);
  input.value = params.get("q") ?? "";
  input.addEventListener("input", later);
  filterBox.addEventListener("change", later);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    remember();
    search();
  });
  hint.querySelector("[data-search-clear]").addEventListener("click", () => {
    for (const box of filterBox.querySelectorAll("input:checked")) box.checked = false;
    remember();
    search();
    input.focus();
  });
  more.addEventListener("click", async () => {
    more.disabled = true;
    const first = await renderMore().finally(() => {
      more.disabled = false;
    });
    first?.focus(); // The first new result, so keyboard users go on from where they were.
  });
  await search();
}

start();
