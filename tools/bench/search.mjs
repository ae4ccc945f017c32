// Search at scale: what a browser downloads and how long it waits for the first result on a built site.
//
//   node tools/bench/search.mjs SITE_DIR [--port 4590] [--runs 3] [--query WORDS]...
//
// SITE_DIR is an inspira build made with base_url "/" (the synthetic corpus's inspira.toml). The script serves
// it on 127.0.0.1:PORT (tests/browser/server.mjs), opens /search/ in Debian's headless Chromium
// (playwright-core from tests/browser/node_modules; no browser is ever downloaded) and, for each query, in a
// fresh browser context each run:
//   - waits until the search form is shown (search.js has loaded the index: engine.js, meta.json and the
//     filter table; or, for older builds, Pagefind's pagefind.js, wasm, entry, meta and filter files) and
//     counts those "init" bytes;
//   - puts the query in the search box and submits the form (the submit handler searches at once; typing would
//     add search.js's 250 ms debounce), and measures the time from the submit to the moment the first result
//     link is inserted into the results list (performance.now() in the page, via a MutationObserver);
//   - counts every request under /search-index/ (or /pagefind/) made for the query (index chunks and the pages of the first
//     page of results), by Chromium's own accounting (CDP Network.loadingFinished encodedDataLength: bytes on
//     the wire, headers included; the local server does not compress, and the index files are gzip already).
// It prints a table: results, median time to first result, when the last index file for the query had
// arrived (median; the rest of the time is the engine's and search.js's work on the main thread), bytes and
// requests for the query, and init + query (what a first-time visitor downloads to see results). Targets from the issue: under 300 kB
// and under 100 ms at 10,000 cases.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const require = createRequire(path.join(repo, 'tests', 'browser', 'package.json'));
const { chromium } = require('playwright-core');
const { startServer } = await import(new URL('../../tests/browser/server.mjs', import.meta.url));
const { CHROMIUM, CHROMIUM_ARGS } = await import(new URL('../../tests/browser/chromium.mjs', import.meta.url));

const DEFAULT_QUERIES = ['integration', 'kvinnojouren', 'ödeshög', 'arbete bostad'];
const TIMEOUT_MS = 60_000;

function usage(message) {
  if (message) console.error(`error: ${message}`);
  console.error('usage: node tools/bench/search.mjs SITE_DIR [--port 4590] [--runs 3] [--query WORDS]...');
  process.exit(2);
}

const args = process.argv.slice(2);
let site = null;
let port = 4590;
let runs = 3;
const queries = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--port') port = Number(args[++i]);
  else if (a === '--runs') runs = Number(args[++i]);
  else if (a === '--query') queries.push(args[++i] ?? usage('--query needs words'));
  else if (a.startsWith('-')) usage(`unknown option ${a}`);
  else if (site === null) site = a;
  else usage(`unexpected argument ${a}`);
}
if (!site) usage('SITE_DIR is missing');
if (!Number.isInteger(port) || port <= 0) usage('--port needs a number');
if (!Number.isInteger(runs) || runs < 1) usage('--runs needs a number of at least 1');
if (queries.length === 0) queries.push(...DEFAULT_QUERIES);
if (!fs.existsSync(path.join(site, 'search', 'index.html'))) usage(`${site}/search/index.html does not exist`);
if (!fs.existsSync(CHROMIUM)) usage(`${CHROMIUM} is missing (apt-get install chromium)`);
// The index folder: inspira's own (search-index/), or Pagefind's (pagefind/) in builds from before 2026-12,
// so that the two can be measured side by side.
const INDEX = fs.existsSync(path.join(site, 'search-index')) ? 'search-index' : 'pagefind';

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function folderStats(dir) {
  let bytes = 0;
  let files = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        bytes += fs.statSync(p).size;
        files += 1;
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return { bytes, files };
}

/** Counts bytes of requests under the index folder through the Chrome DevTools Protocol, in phases. */
async function networkMeter(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map();
  let phase = 'init';
  const totals = {};
  const add = (name, bytes, url) => {
    totals[name] ??= { bytes: 0, requests: 0, urls: [] };
    totals[name].bytes += bytes;
    totals[name].requests += 1;
    totals[name].urls.push(url);
  };
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, { url: e.request.url, phase }));
  cdp.on('Network.loadingFinished', (e) => {
    const r = urls.get(e.requestId);
    if (!r) return;
    const { pathname } = new URL(r.url);
    if (pathname.includes(`/${INDEX}/`)) add(r.phase, e.encodedDataLength, pathname);
    else if (pathname === '/search/') add('document', e.encodedDataLength, pathname);
  });
  return {
    setPhase(name) {
      phase = name;
    },
    totals,
  };
}

async function measure(browser, base, query) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const meter = await networkMeter(context, page);
  const t0 = Date.now();
  await page.goto(`${base}search/`, { waitUntil: 'load', timeout: TIMEOUT_MS });
  await page.waitForSelector('[data-search-form]:not([hidden])', { timeout: TIMEOUT_MS });
  const ready = Date.now() - t0;
  await page.waitForLoadState('networkidle', { timeout: TIMEOUT_MS });
  meter.setPhase('query');
  const outcome = await page.evaluate(
    ({ q, timeout, index }) =>
      new Promise((resolve) => {
        const form = document.querySelector('[data-search-form]');
        const input = form.querySelector('input[name="q"]');
        const list = document.querySelector('[data-search-list]');
        const status = document.querySelector('[data-search-status]');
        let start = 0;
        const done = (value) => {
          observer.disconnect();
          resolve(value);
        };
        // When the last index file requested since the submit had arrived: the rest is the engine's and
        // search.js's own work on the main thread.
        const lastFile = () => {
          const ends = performance
            .getEntriesByType('resource')
            .filter((e) => e.name.includes(`/${index}/`) && e.startTime >= start)
            .map((e) => e.responseEnd - start);
          return ends.length ? Math.max(...ends) : null;
        };
        const observer = new MutationObserver(() => {
          if (list.querySelector('li a')) done({ ms: performance.now() - start, lastFile: lastFile(), first: list.querySelector('li a').getAttribute('href') });
          else if (status.textContent.trim() !== '') done({ ms: performance.now() - start, lastFile: lastFile(), first: null, status: status.textContent.trim() });
        });
        observer.observe(list, { childList: true, subtree: true });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
        setTimeout(() => done({ ms: null, first: null, status: 'timed out' }), timeout);
        input.value = q;
        start = performance.now();
        form.requestSubmit();
      }),
    { q: query, timeout: TIMEOUT_MS, index: INDEX },
  );
  // Let search.js finish (status line) and any request still in flight land in the query's count.
  await page.waitForFunction(() => document.querySelector('[data-search-status]').textContent.trim() !== '', null, {
    timeout: TIMEOUT_MS,
  });
  await page.waitForLoadState('networkidle', { timeout: TIMEOUT_MS });
  const statusText = await page.locator('[data-search-status]').textContent();
  const found = Number((statusText.match(/\d[\d\s]*/) ?? ['0'])[0].replace(/\s/g, ''));
  await context.close();
  return {
    ready,
    ms: outcome.ms,
    lastFile: outcome.lastFile,
    first: outcome.first,
    status: statusText.trim(),
    found,
    init: meter.totals.init ?? { bytes: 0, requests: 0, urls: [] },
    query: meter.totals.query ?? { bytes: 0, requests: 0, urls: [] },
    document: meter.totals.document ?? { bytes: 0, requests: 0 },
    errors,
  };
}

const server = await startServer({ root: site, prefix: '/', port });
const base = `http://127.0.0.1:${port}/`;
let browser;
let failed = false;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const pf = folderStats(path.join(site, INDEX));
  const searchHtml = fs.statSync(path.join(site, 'search', 'index.html')).size;
  console.log(`search: ${site}`);
  console.log(`  ${INDEX}/ ${kB(pf.bytes)} in ${pf.files} files; /search/ HTML ${kB(searchHtml)}`);
  const rows = [];
  let initShown = false;
  for (const q of queries) {
    const samples = [];
    for (let r = 0; r < runs; r++) samples.push(await measure(browser, base, q));
    const s = samples[samples.length - 1];
    if (!initShown) {
      console.log(
        `  page load: index init ${kB(s.init.bytes)} in ${s.init.requests} requests; form ready after ${median(samples.map((x) => x.ready))} ms (median of ${runs})`,
      );
      initShown = true;
    }
    const times = samples.map((x) => x.ms).filter((x) => x !== null);
    const lastFiles = samples.map((x) => x.lastFile).filter((x) => x !== null && x !== undefined);
    const errors = [...new Set(samples.flatMap((x) => x.errors))];
    if (times.length < samples.length || errors.length) failed = true;
    rows.push({
      query: q,
      results: s.found,
      first: times.length ? `${median(times).toFixed(0)} ms` : 'none',
      range: times.length ? `${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms` : '',
      lastFile: lastFiles.length ? `${median(lastFiles).toFixed(0)} ms` : '–',
      bytes: kB(s.query.bytes),
      requests: s.query.requests,
      total: kB(s.init.bytes + s.query.bytes),
      errors,
      status: s.first ? '' : s.status,
    });
  }
  const header = ['query', 'results', `first result (median of ${runs})`, 'min–max', 'last file at', 'query bytes', 'requests', 'init + query'];
  const table = [
    header,
    ...rows.map((r) => [JSON.stringify(r.query), String(r.results), r.first, r.range, r.lastFile, r.bytes, String(r.requests), r.total]),
  ];
  const widths = header.map((_, c) => Math.max(...table.map((row) => row[c].length)));
  for (const row of table) console.log('  ' + row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  for (const r of rows) {
    if (r.status) console.log(`  note: ${JSON.stringify(r.query)}: ${r.status}`);
    for (const e of r.errors) console.log(`  error in the page for ${JSON.stringify(r.query)}: ${e}`);
  }
} catch (e) {
  failed = true;
  console.error(`search measurement failed: ${e.message.split('\n')[0]}`);
} finally {
  await browser?.close();
  server.close();
}
process.exit(failed ? 1 : 0);
