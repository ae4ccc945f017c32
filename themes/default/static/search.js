// Search page: runs Pagefind's static index in the browser. Without JavaScript the page shows the list of
// all pages instead; this script shows the form, searches as the user types and keeps ?q= in the address.

const PAGE_SIZE = 10;
const DELAY_MS = 250;

const form = document.querySelector("[data-search-form]");
const input = form.querySelector('input[name="q"]');
const filterBox = form.querySelector("[data-search-filters]");
const region = document.querySelector("[data-search-results]");
const statusLine = document.querySelector("[data-search-status]");
const list = region.querySelector("[data-search-list]");
const more = region.querySelector("[data-search-more]");
const index = document.querySelector("[data-search-index]");

let pagefind = null;
let results = [];
let shown = 0;
let latest = 0;
let timer = 0;
let allCounts = {};

// An excerpt is inserted as HTML only when it is plain text with <mark> highlights.
const SAFE_EXCERPT = /^(?:[^<>]|<mark>|<\/mark>)*$/;

// Interface texts come from the form's data-t-* attributes (the site's string table).
function text(name, values = {}) {
  let t = form.dataset[`t${name.charAt(0).toUpperCase()}${name.slice(1)}`] ?? "";
  for (const [key, value] of Object.entries(values)) t = t.split(`{${key}}`).join(String(value));
  return t;
}

function selectedFilters() {
  const filters = {};
  for (const box of filterBox.querySelectorAll("input:checked")) {
    (filters[box.name] ??= { any: [] }).any.push(box.value);
  }
  return filters;
}

// One fieldset per filter, one checkbox per value; built once, so focus stays put when counts change.
function buildFilters(all) {
  for (const name of Object.keys(all).sort()) {
    const group = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = name.charAt(0).toUpperCase() + name.slice(1);
    group.append(legend);
    for (const value of Object.keys(all[name]).sort((a, b) => a.localeCompare(b, "sv"))) {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = name;
      box.value = value;
      const count = document.createElement("span");
      count.className = "count";
      label.append(box, ` ${value} `, count);
      group.append(label);
    }
    filterBox.append(group);
  }
  filterBox.hidden = Object.keys(all).length === 0;
  showCounts(all);
}

// The number of pages each value would give, for the current search.
function showCounts(counts) {
  for (const box of filterBox.querySelectorAll("input")) {
    const count = counts[box.name]?.[box.value] ?? 0;
    box.parentElement.querySelector(".count").textContent = `(${count})`;
  }
}

// Shows the next results in rank order, each as soon as its fragment has arrived (they are fetched
// together), so the first result does not wait for the slowest.
async function renderMore() {
  const batch = results.slice(shown, shown + PAGE_SIZE);
  const run = latest;
  shown += batch.length;
  more.hidden = shown >= results.length;
  const pending = batch.map((r) => r.data());
  let first = null;
  for (const data of pending) {
    const page = await data;
    if (run !== latest) return null;
    const item = document.createElement("li");
    const heading = document.createElement("h3");
    const link = document.createElement("a");
    link.href = page.url;
    link.textContent = page.meta.title || page.url;
    heading.append(link);
    item.append(heading);
    const kind = Object.values(page.filters ?? {}).flat().join(", ");
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
    list.append(item);
    first ??= link;
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
    index.hidden = false;
  }
}

async function runSearch() {
  const run = ++latest;
  const term = input.value.trim();
  const filters = selectedFilters();
  const active = term !== "" || Object.keys(filters).length > 0;
  if (!active) {
    showCounts(allCounts);
    statusLine.textContent = "";
    list.replaceChildren();
    region.hidden = true;
    index.hidden = false;
    return;
  }
  const found = await pagefind.search(term === "" ? null : term, { filters });
  if (run !== latest) return;
  showCounts(found.totalFilters ?? {});
  results = found.results;
  shown = 0;
  list.replaceChildren();
  region.hidden = false;
  index.hidden = true;
  await renderMore();
  if (run !== latest) return;
  const n = results.length;
  const key = n === 0 ? "none" : n === 1 ? "one" : "many";
  statusLine.textContent = text(term === "" ? key : `${key}For`, { n, term });
}

function remember() {
  const url = new URL(window.location.href);
  const term = input.value.trim();
  if (term === "") url.searchParams.delete("q");
  else url.searchParams.set("q", term);
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
    pagefind = await import(`${form.dataset.pagefind}pagefind.js`);
    // Result URLs already carry the site's base path.
    // noWorker: searching on the main thread is fast enough and saves fetching pagefind-worker.js (43 kB).
    await pagefind.options({ baseUrl: "/", excerptLength: 24, noWorker: true });
    await pagefind.init();
    allCounts = await pagefind.filters();
  } catch (error) {
    console.error(error);
    return; // The list of all pages stays as the fallback.
  }
  for (const note of document.querySelectorAll("[data-search-nojs]")) note.hidden = true;
  form.hidden = false;
  buildFilters(allCounts);
  input.value = new URLSearchParams(window.location.search).get("q") ?? "";
  input.addEventListener("input", later);
  filterBox.addEventListener("change", later);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    remember();
    search();
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
