#!/usr/bin/env node
// Browser test suite for a site built by inspira.
//
//   node tests/browser/run.mjs <build-dir>
//
// The build must have been made with
//   --base-url http://127.0.0.1:$INSPIRA_TEST_PORT$INSPIRA_TEST_PREFIX
// (defaults: port 4517, prefix /inspira-test/). tools/browser-test.sh does all of it.
//
// Every check on every page is one test; the last line printed is
// "N passed, N failed" and the exit code is 1 when anything failed.
// The keyboard tests of the widgets (side by side, facets, search) and the
// lang="en" check of term pages are in widgets.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { checkWidgets } from './widgets.mjs';
import { checkSearchIndex } from './search-index.mjs';
import { checkLongList } from './long-list.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');

// ---------------------------------------------------------------- settings

const BUILD_DIR = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'target', 'browser-site'));
const PORT = Number(process.env.INSPIRA_TEST_PORT ?? 4517);
let PREFIX = process.env.INSPIRA_TEST_PREFIX ?? '/inspira-test/';
if (!PREFIX.startsWith('/')) PREFIX = '/' + PREFIX;
if (!PREFIX.endsWith('/')) PREFIX += '/';
const HOST = '127.0.0.1';
const ORIGIN = `http://${HOST}:${PORT}`;
const BASE = ORIGIN + PREFIX;
const JOBS = Math.max(1, Number(process.env.INSPIRA_TEST_JOBS ?? 2));
const SCREENSHOT_DIR = path.join(REPO_ROOT, 'target', 'screenshots');
const REPORT_FILE = path.join(REPO_ROOT, 'target', 'browser-test-report.json');
const VERBOSE = process.env.INSPIRA_TEST_VERBOSE === '1';
// Only run the per-page checks on pages whose URL path matches this regex (for debugging).
const ONLY = process.env.INSPIRA_TEST_ONLY ? new RegExp(process.env.INSPIRA_TEST_ONLY) : null;

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// Each page is checked by axe twice: wide in the light colour scheme and
// narrow in the dark one (the theme has a prefers-color-scheme: dark palette).
const AXE_RUNS = [
  { label: '1280px light', width: 1280, height: 800, colorScheme: 'light' },
  { label: '320px dark', width: 320, height: 800, colorScheme: 'dark' },
];
const NARROW = { width: 320, height: 800 };
const WIDE = { width: 1280, height: 800 };
const TEXT_SPACING_CSS =
  '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } ' +
  'p { margin-bottom: 2em !important; }';
const FOCUS_STEPS = 15;


// ---------------------------------------------------------------- results

const results = [];

function record(name, ok, details = []) {
  results.push({ name, ok, details });
  const lines = [`${ok ? 'ok  ' : 'FAIL'} ${name}`];
  if (!ok || VERBOSE) for (const d of details) lines.push(indent(d, ok ? '     · ' : '     - '));
  console.log(lines.join('\n'));
}

function indent(text, first, rest = '       ') {
  return String(text)
    .split('\n')
    .map((l, i) => (i === 0 ? first : rest) + l)
    .join('\n');
}

function finish(extraFailure) {
  if (extraFailure) record(extraFailure.name, false, extraFailure.details);
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  try {
    fs.mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
    fs.writeFileSync(
      REPORT_FILE,
      JSON.stringify({ base: BASE, buildDir: BUILD_DIR, passed, failed, results }, null, 2) + '\n',
    );
  } catch (e) {
    console.log(`(could not write ${REPORT_FILE}: ${e.message})`);
  }
  if (failed) {
    console.log('\nFailed tests:');
    for (const r of results.filter((x) => !x.ok)) console.log(`  ${r.name}`);
  }
  console.log(`\nReport: ${path.relative(process.cwd(), REPORT_FILE) || REPORT_FILE}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

// ---------------------------------------------------------------- the build

/** Every file under dir, as posix paths relative to dir. */
function walk(dir, rel = '') {
  const out = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...walk(dir, r));
    else if (entry.isFile()) out.push(r);
  }
  return out.sort();
}

/** The URL path (under the prefix) that serves a built HTML file. */
function urlPathOf(relFile) {
  if (relFile === 'index.html') return PREFIX;
  if (relFile.endsWith('/index.html')) return PREFIX + relFile.slice(0, -'index.html'.length);
  return PREFIX + relFile;
}

const idCache = new Map();
/** The ids (and a[name]s) of a built HTML file, for checking #fragments. */
function idsOf(relFile) {
  if (!idCache.has(relFile)) {
    const html = fs.readFileSync(path.join(BUILD_DIR, relFile), 'utf8');
    const ids = new Set();
    const re = /<[a-zA-Z][^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
    for (const m of html.matchAll(re)) ids.add(decodeEntities(m[1] ?? m[2] ?? m[3]));
    idCache.set(relFile, ids);
  }
  return idCache.get(relFile);
}

function decodeEntities(s) {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Check one link (already resolved against its page). Returns a problem
 * description, or null when the link is fine or is not ours to check.
 */
function linkProblem(abs, pageRelFile, files) {
  let url;
  try {
    url = new URL(abs);
  } catch {
    return 'not a valid URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null; // mailto:, tel: …
  const localHost = url.hostname === HOST || url.hostname === 'localhost';
  if (url.origin !== ORIGIN) {
    return localHost ? `points at another local origin (${url.origin}); expected ${ORIGIN}` : null;
  }
  if (!url.pathname.startsWith(PREFIX)) {
    return `is outside the site prefix ${PREFIX} (the base URL was not applied)`;
  }
  let rel;
  try {
    rel = decodeURIComponent(url.pathname.slice(PREFIX.length));
  } catch {
    return 'has a badly percent-encoded path';
  }
  let target;
  if (rel === '' || rel.endsWith('/')) target = rel + 'index.html';
  else if (files.has(rel)) target = rel;
  else if (files.has(rel + '/index.html')) target = rel + '/index.html'; // served via a redirect
  if (!target || !files.has(target)) return 'points at a page that is not in the build';
  if (url.hash && url.hash !== '#' && target.endsWith('.html')) {
    let frag;
    try {
      frag = decodeURIComponent(url.hash.slice(1));
    } catch {
      frag = url.hash.slice(1);
    }
    if (frag.toLowerCase() !== 'top' && !idsOf(target).has(frag)) {
      return `has fragment #${frag}, but ${target === pageRelFile ? 'this page' : urlPathOf(target)} has no such id`;
    }
  }
  return null;
}

// ---------------------------------------------------------------- in-page helpers

// Runs in the page: a short, readable CSS path for an element.
const DESCRIBE_FN = `(el) => {
  const one = (e) => {
    let s = e.tagName.toLowerCase();
    if (e.id) return s + '#' + e.id;
    const cls = [...e.classList].slice(0, 2);
    if (cls.length) s += '.' + cls.join('.');
    return s;
  };
  const parts = [];
  for (let e = el; e && e.nodeType === 1 && parts.length < 4; e = e.parentElement) {
    parts.unshift(one(e));
    if (e.id || e.tagName === 'BODY') break;
  }
  return parts.join(' > ');
}`;

/** Page-level horizontal overflow and the elements that cause it. */
async function measureReflow(page) {
  return page.evaluate(`(() => {
    const describe = ${DESCRIBE_FN};
    const vw = window.innerWidth;
    const sw = document.documentElement.scrollWidth;
    const offenders = [];
    if (sw > vw) {
      // Is el's box clipped by a scroll/clip container on its containing-block
      // chain? An absolutely positioned box escapes overflow containers that
      // are not positioned, which is a classic cause of page-level scrolling.
      const clipped = (el) => {
        let mode = getComputedStyle(el).position;
        for (let p = el.parentElement; p && p !== document.body && p !== document.documentElement; p = p.parentElement) {
          const cs = getComputedStyle(p);
          const makesCB = cs.transform !== 'none' || cs.filter !== 'none' || /paint|layout|strict|content/.test(cs.contain);
          if (mode === 'fixed' && !makesCB) continue;
          if (mode === 'absolute' && cs.position === 'static' && !makesCB) continue;
          if (cs.overflowX !== 'visible') return true;
          mode = cs.position;
        }
        return mode === 'fixed'; // fixed boxes never make the page scroll
      };
      const over = [...document.body.querySelectorAll('*')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > vw + 0.5 && !clipped(el);
      });
      // Keep the innermost ones: they are what needs fixing.
      const leaves = over.filter((el) => !over.some((o) => o !== el && el.contains(o)));
      const seen = new Map();
      for (const el of leaves) {
        const r = el.getBoundingClientRect();
        const cs = getComputedStyle(el);
        const key = describe(el) + (cs.position !== 'static' ? ' [position: ' + cs.position + ']' : '');
        if (!seen.has(key)) seen.set(key, { n: 0, right: 0, width: 0, text: (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50) });
        const e = seen.get(key);
        e.n++;
        e.right = Math.max(e.right, Math.round(r.right));
        e.width = Math.max(e.width, Math.round(r.width));
      }
      for (const [key, e] of [...seen].slice(0, 8)) {
        offenders.push(key + (e.n > 1 ? ' ×' + e.n : '') + ' (right edge up to ' + e.right + 'px, width ' + e.width + 'px' + (e.text ? ', e.g. "' + e.text + '"' : '') + ')');
      }
      if (seen.size > 8) offenders.push('… and ' + (seen.size - 8) + ' more kinds of element');
    }
    return { scrollWidth: sw, innerWidth: vw, offenders };
  })()`);
}

async function settle(page) {
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}

function reflowDetails(m) {
  return [
    `document.documentElement.scrollWidth is ${m.scrollWidth}px > window.innerWidth ${m.innerWidth}px`,
    ...(m.offenders.length ? ['wider than the viewport:', ...m.offenders.map((o) => '  ' + o)] : []),
  ];
}

async function runAxe(page, axeSource) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), summary: n.failureSummary ?? '' })),
    }));
  }, AXE_TAGS);
}

function axeDetails(label, violations) {
  const out = [];
  for (const v of violations) {
    const nodes = v.nodes.slice(0, 10).map((n) => {
      const summary = n.summary
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join(' ');
      return `  ${n.target.join(' ')}\n    ${summary}`;
    });
    if (v.nodes.length > 10) nodes.push(`  … and ${v.nodes.length - 10} more elements`);
    out.push(`[${label}] ${v.id} (${v.impact}): ${v.help}\n${nodes.join('\n')}`);
  }
  return out;
}

// ---------------------------------------------------------------- per-page checks

async function checkPage(context, axeSource, file, files) {
  const urlPath = urlPathOf(file);
  const url = ORIGIN + urlPath;
  const name = (check) => `${urlPath} › ${check}`;
  const consoleErrors = [];
  const external = new Set();
  const failedLocal = [];

  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    consoleErrors.push(`${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
  });
  page.on('pageerror', (err) => consoleErrors.push(`uncaught exception: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400 && new URL(res.url()).hostname === HOST) failedLocal.push(`${res.status()} ${res.url()}`);
  });
  await page.route('**/*', (route) => {
    const u = route.request().url();
    let host = '';
    try {
      host = new URL(u).hostname;
    } catch {}
    if (host === HOST) return route.continue();
    external.add(u);
    return route.abort('blockedbyclient');
  });

  try {
    await page.setViewportSize(WIDE);
    await page.emulateMedia({ colorScheme: 'light' });
    const res = await page.goto(url, { waitUntil: 'load' });
    if (!res || res.status() !== 200) throw new Error(`loading ${url} gave status ${res?.status()}`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));

    // <html lang>
    const lang = await page.evaluate(() => document.documentElement.getAttribute('lang'));
    record(name('html lang'), !!(lang && lang.trim()), lang && lang.trim() ? [`lang="${lang}"`] : ['<html> has no (or an empty) lang attribute']);

    // Internal links
    // a[*|href] also matches SVG links (href or xlink:href), whose .href is not a string.
    const links = await page.$$eval('a[*|href]', (as) =>
      as.map((a) => {
        const href = a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? '';
        let abs = href;
        try {
          abs = new URL(href, document.baseURI).href;
        } catch {}
        return { href, abs, text: (a.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40) };
      }),
    );
    const broken = [];
    let checked = 0;
    for (const l of links) {
      const problem = linkProblem(l.abs, file, files);
      try {
        if (new URL(l.abs).origin === ORIGIN) checked++;
      } catch {}
      if (problem) broken.push(`href="${l.href}" ("${l.text}") ${problem}`);
    }
    record(name('internal links'), broken.length === 0, broken.length ? [...new Set(broken)] : [`${checked} internal links checked`]);

    // axe, wide + light, then narrow + dark; reflow at 320 px in between
    const axeOut = [];
    let axeCount = 0;
    for (const run of AXE_RUNS) {
      await page.setViewportSize({ width: run.width, height: run.height });
      await page.emulateMedia({ colorScheme: run.colorScheme });
      await settle(page);
      if (run.width === NARROW.width && run.colorScheme === 'dark') {
        // Reflow is measured in the light scheme first (same layout either way).
        await page.emulateMedia({ colorScheme: 'light' });
        await settle(page);
        const m = await measureReflow(page);
        record(name('reflow at 320px'), m.scrollWidth <= m.innerWidth, m.scrollWidth <= m.innerWidth ? [`scrollWidth ${m.scrollWidth} <= ${m.innerWidth}`] : reflowDetails(m));
        await page.emulateMedia({ colorScheme: run.colorScheme });
        await settle(page);
      }
      const v = await runAxe(page, axeSource);
      axeCount += v.length;
      axeOut.push(...axeDetails(run.label, v));
    }
    record(name(`axe (${AXE_TAGS.join(', ')})`), axeCount === 0, axeOut.length ? axeOut : ['no violations']);

    await page.close();
    record(name('no requests outside 127.0.0.1'), external.size === 0 && failedLocal.length === 0, [
      ...[...external].map((u) => `request to another host: ${u}`),
      ...failedLocal.map((u) => `failed local request: ${u}`),
    ]);
    record(name('no console errors'), consoleErrors.length === 0, consoleErrors);
  } catch (err) {
    await page.close().catch(() => {});
    const done = new Set(results.map((r) => r.name));
    for (const check of ['html lang', 'internal links', 'reflow at 320px', `axe (${AXE_TAGS.join(', ')})`, 'no requests outside 127.0.0.1', 'no console errors']) {
      if (!done.has(name(check))) record(name(check), false, [`could not check: ${err.message.split('\n')[0]}`]);
    }
  }
}

// ---------------------------------------------------------------- vnu

function runVnu(htmlFiles) {
  const name = `vnu: no HTML errors in ${htmlFiles.length} files`;
  let jar;
  try {
    jar = require('vnu-jar');
  } catch (e) {
    record(name, false, [`vnu-jar is not installed: ${e.message}`]);
    return;
  }
  const abs = htmlFiles.map((f) => path.join(BUILD_DIR, f));
  const r = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...abs], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) {
    record(name, false, [`could not run java: ${r.error.message}`]);
    return;
  }
  let parsed;
  try {
    parsed = JSON.parse(r.stderr || r.stdout || '{"messages":[]}');
  } catch {
    record(name, false, [`vnu exited ${r.status} with unparsable output:`, (r.stderr || r.stdout).slice(0, 2000)]);
    return;
  }
  const errors = parsed.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
  // Group by page, then by message: the same error repeats on every row of a table.
  const byFile = new Map();
  const byMessage = new Map();
  for (const m of errors) {
    let f = m.url ?? '?';
    try {
      f = path.relative(BUILD_DIR, fileURLToPath(f));
    } catch {}
    const p = f.endsWith('.html') ? urlPathOf(f.split(path.sep).join('/')) : f;
    if (!byFile.has(p)) byFile.set(p, new Map());
    const msgs = byFile.get(p);
    if (!msgs.has(m.message)) {
      msgs.set(m.message, { lines: [], extract: (m.extract ?? '').replace(/\s+/g, ' ').trim().slice(0, 100) });
    }
    msgs.get(m.message).lines.push(m.lastLine ?? '?');
    if (!byMessage.has(m.message)) byMessage.set(m.message, new Set());
    byMessage.get(m.message).add(p);
  }
  const details = [];
  if (errors.length) {
    details.push(
      `${errors.length} errors, ${byMessage.size} distinct messages:\n` +
        [...byMessage].map(([msg, pages]) => `  ${msg} (${pages.size} page${pages.size > 1 ? 's' : ''})`).join('\n'),
    );
  }
  for (const [p, msgs] of byFile) {
    const lines = [];
    for (const [msg, { lines: ls, extract }] of msgs) {
      const u = [...new Set(ls)];
      const at = (u.length > 6 ? `lines ${u.slice(0, 6).join(', ')} …` : `line${u.length > 1 ? 's' : ''} ${u.join(', ')}`) + (ls.length > 1 ? ` (${ls.length}×)` : '');
      lines.push(`  ${at}: ${msg}${extract ? `\n      near: ${extract}` : ''}`);
    }
    details.push(`${p}\n${lines.join('\n')}`);
  }
  if (!errors.length) details.push(`no errors (vnu exit ${r.status})`);
  record(name, errors.length === 0 && r.status === 0, details.length ? details : [`vnu exited ${r.status}`]);
}

// ---------------------------------------------------------------- site-wide checks

async function checkServer404() {
  const name = 'server: an unknown URL answers 404 with the site 404 page';
  try {
    const res = await fetch(BASE + 'does-not-exist-' + Date.now() + '/');
    const body = await res.text();
    const expected = fs.existsSync(path.join(BUILD_DIR, '404.html'))
      ? fs.readFileSync(path.join(BUILD_DIR, '404.html'), 'utf8')
      : null;
    const ok = res.status === 404 && expected !== null && body === expected && /text\/html/.test(res.headers.get('content-type') ?? '');
    record(name, ok, ok ? [] : [`status ${res.status}, content-type ${res.headers.get('content-type')}`, expected === null ? 'the build has no 404.html' : body === expected ? '' : 'body is not 404.html'].filter(Boolean));
  } catch (e) {
    record(name, false, [e.message]);
  }
}

async function checkTextSpacing(browser, pages) {
  const context = await browser.newContext({ viewport: NARROW, bypassCSP: true });
  try {
    for (const file of pages) {
      const urlPath = urlPathOf(file);
      const name = `text spacing (WCAG 1.4.12) at 320px: ${urlPath}`;
      const page = await context.newPage();
      try {
        await page.goto(ORIGIN + urlPath, { waitUntil: 'load' });
        await page.addStyleTag({ content: TEXT_SPACING_CSS });
        await settle(page);
        const applied = await page.evaluate(() => getComputedStyle(document.body).wordSpacing !== '0px');
        const m = await measureReflow(page);
        const ok = applied && m.scrollWidth <= m.innerWidth;
        record(name, ok, !applied ? ['the text-spacing style did not apply'] : ok ? [`scrollWidth ${m.scrollWidth} <= ${m.innerWidth}`] : reflowDetails(m));
      } catch (e) {
        record(name, false, [e.message.split('\n')[0]]);
      } finally {
        await page.close();
      }
    }
  } finally {
    await context.close();
  }
}

async function checkKeyboard(context, startFile) {
  const url = ORIGIN + urlPathOf(startFile);
  const page = await context.newPage();
  const skipName = 'keyboard: first Tab focuses a skip link that moves to <main>';
  const focusName = `keyboard: visible focus indicator on the first ${FOCUS_STEPS} Tab stops`;
  const activeInfo = () =>
    page.evaluate(`(() => {
      const describe = ${DESCRIBE_FN};
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        tag: el.tagName.toLowerCase(),
        href: el.getAttribute('href'),
        text: (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40),
        desc: describe(el),
        outlineStyle: cs.outlineStyle,
        outlineWidth: parseFloat(cs.outlineWidth) || 0,
        boxShadow: cs.boxShadow,
        rect: { x: r.x, y: r.y, w: r.width, h: r.height },
        vw: window.innerWidth,
        vh: window.innerHeight,
      };
    })()`);
  try {
    await page.setViewportSize(WIDE);
    await page.goto(url, { waitUntil: 'load' });
    await page.keyboard.press('Tab');
    const first = await activeInfo();
    const problems = [];
    if (!first) problems.push('Tab focused nothing');
    else {
      if (first.tag !== 'a' || !(first.href ?? '').startsWith('#')) {
        problems.push(`the first Tab stop is ${first.desc} (href="${first.href}", "${first.text}"), not an <a href="#…">`);
      }
      const r = first.rect;
      if (r.w < 1 || r.h < 1 || r.x + r.w <= 0 || r.y + r.h <= 0 || r.x >= first.vw || r.y >= first.vh) {
        problems.push(`the skip link is not visible in the viewport when focused (${JSON.stringify(r)})`);
      }
    }
    if (first && first.tag === 'a' && (first.href ?? '').startsWith('#')) {
      await page.keyboard.press('Enter');
      await page.waitForTimeout(150);
      const after = await page.evaluate(() => {
        const a = document.activeElement;
        const id = decodeURIComponent(location.hash.slice(1));
        const t = id ? document.getElementById(id) : null;
        const isMain = (e) => !!e && (e.tagName === 'MAIN' || e.getAttribute('role') === 'main');
        return {
          hash: location.hash,
          activeIsMain: isMain(a),
          active: a ? a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') : null,
          targetIsMain: isMain(t),
          target: t ? t.tagName.toLowerCase() + (t.id ? '#' + t.id : '') : null,
        };
      });
      if (!after.activeIsMain && !after.targetIsMain) {
        problems.push(`after Enter: location.hash=${after.hash}, focus on ${after.active}, target ${after.target}; neither is <main>`);
      }
      record(skipName, problems.length === 0, problems.length ? problems : [`"${first.text}" → focus on ${after.active}, target ${after.target}`]);
    } else {
      record(skipName, false, problems);
    }

    // Focus indicators
    await page.goto(url, { waitUntil: 'load' });
    const missing = [];
    const seen = [];
    for (let i = 0; i < FOCUS_STEPS; i++) {
      await page.keyboard.press('Tab');
      const info = await activeInfo();
      if (!info) {
        seen.push('(nothing focused)');
        break;
      }
      if (i > 0 && seen[0] === info.desc + ' ' + info.text) break; // wrapped around
      seen.push(info.desc + ' ' + info.text);
      const outline = info.outlineStyle !== 'none' && info.outlineWidth > 0;
      const shadow = info.boxShadow && info.boxShadow !== 'none';
      if (!outline && !shadow) {
        missing.push(`Tab stop ${i + 1}: ${info.desc} ("${info.text}"): outline ${info.outlineStyle} ${info.outlineWidth}px, box-shadow ${info.boxShadow}`);
      }
    }
    record(focusName, missing.length === 0, missing.length ? missing : [`${seen.length} Tab stops, all with an outline or box-shadow`]);
  } catch (e) {
    const done = new Set(results.map((r) => r.name));
    for (const n of [skipName, focusName]) if (!done.has(n)) record(n, false, [e.message.split('\n')[0]]);
  } finally {
    await page.close();
  }
}

async function takeScreenshots(context, shots) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const page = await context.newPage();
  try {
    for (const { label, file, want } of shots) {
      for (const width of [1280, 320]) {
        const out = path.join(SCREENSHOT_DIR, `${label}-${width}.png`);
        const name = `screenshot ${want} at ${width}px → ${path.relative(REPO_ROOT, out)}`;
        if (!file) {
          record(name, false, [`${want} is not in the build`]);
          continue;
        }
        try {
          await page.setViewportSize({ width, height: 800 });
          await page.emulateMedia({ colorScheme: 'light' });
          const res = await page.goto(ORIGIN + urlPathOf(file), { waitUntil: 'load' });
          if (res?.status() !== 200) throw new Error(`status ${res?.status()}`);
          await settle(page);
          await page.screenshot({ path: out, fullPage: true });
          record(name, true, [urlPathOf(file)]);
        } catch (e) {
          record(name, false, [e.message.split('\n')[0]]);
        }
      }
    }
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------- main

async function pool(items, n, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}

async function main() {
  if (!fs.existsSync(BUILD_DIR) || !fs.statSync(BUILD_DIR).isDirectory()) {
    return finish({ name: 'setup: build directory exists', details: [`${BUILD_DIR} is not a directory; build the site first`] });
  }
  const allFiles = walk(BUILD_DIR);
  const files = new Set(allFiles);
  const htmlFiles = allFiles.filter((f) => f.endsWith('.html'));
  console.log(`Build: ${BUILD_DIR} (${allFiles.length} files, ${htmlFiles.length} HTML pages)`);
  console.log(`Served at ${BASE}`);
  if (!htmlFiles.length) return finish({ name: 'setup: the build has HTML pages', details: ['no .html files found'] });

  // Was the build made for this base URL?
  const startHtml = files.has('index.html') ? fs.readFileSync(path.join(BUILD_DIR, 'index.html'), 'utf8') : '';
  if (startHtml && !startHtml.includes(PREFIX)) {
    console.log(`warning: index.html never mentions ${PREFIX}; was the site built with --base-url ${BASE}?`);
  }

  const axePath = require.resolve('axe-core/axe.min.js');
  const axeSource = fs.readFileSync(axePath, 'utf8');

  let server;
  try {
    server = await startServer({ root: BUILD_DIR, prefix: PREFIX, port: PORT, host: HOST });
  } catch (e) {
    return finish({ name: `setup: serve the build on ${ORIGIN}`, details: [e.message] });
  }

  let browser;
  try {
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    } catch (e) {
      return finish({ name: `setup: launch ${CHROMIUM}`, details: [e.message.split('\n').slice(0, 5).join('\n')] });
    }
    console.log(`Chromium ${browser.version()}, axe-core ${JSON.parse(fs.readFileSync(path.join(path.dirname(axePath), 'package.json'), 'utf8')).version}\n`);

    await checkServer404();

    const context = await browser.newContext({ viewport: WIDE, reducedMotion: 'reduce' });
    const pagesToCheck = ONLY ? htmlFiles.filter((f) => ONLY.test(urlPathOf(f))) : htmlFiles;
    if (ONLY) console.log(`INSPIRA_TEST_ONLY=${ONLY.source}: per-page checks on ${pagesToCheck.length} of ${htmlFiles.length} pages\n`);
    await pool(pagesToCheck, JOBS, (f) => checkPage(context, axeSource, f, files));

    console.log('');
    runVnu(htmlFiles);

    const caseFiles = htmlFiles.filter((f) => /^cases\/[^/]+\/index\.html$/.test(f));
    const caseFile = caseFiles.includes('cases/gislaved/index.html') ? 'cases/gislaved/index.html' : caseFiles[0];
    const startFile = files.has('index.html') ? 'index.html' : null;
    const compareFile = files.has('compare/index.html') ? 'compare/index.html' : null;
    const focusFile = files.has('compare/focus-areas/index.html') ? 'compare/focus-areas/index.html' : null;

    const spacingPages = [startFile, caseFile, compareFile].filter(Boolean);
    if (spacingPages.length < 3) {
      record('text spacing: start, case and /compare/ pages exist', false, [`found only: ${spacingPages.join(', ')}`]);
    }
    await checkTextSpacing(browser, spacingPages);

    if (startFile) await checkKeyboard(context, startFile);
    else record('keyboard: start page exists', false, ['no index.html in the build']);

    // The widgets driven by keyboard (side by side, facets, search) and lang="en" on term pages.
    try {
      await checkWidgets(browser, { ORIGIN, PREFIX, HOST, BUILD_DIR, REPO_ROOT, files, record, describeFn: DESCRIBE_FN });
    } catch (e) {
      record('widgets: the keyboard tests ran to the end', false, [e.stack ?? String(e)]);
    }

    // The search index read by the browser's engine: same keys as the indexer, and the query set.
    try {
      await checkSearchIndex({ BUILD_DIR, PREFIX, record });
    } catch (e) {
      record('search index: the checks ran to the end', false, [e.stack ?? String(e)]);
    }

    // A case list longer than list_all_up_to: paginated, filtered through the search page.
    try {
      const root = process.env.INSPIRA_TEST_LONG_SITE ?? path.join(REPO_ROOT, 'target', 'browser-site-long');
      await checkLongList(browser, { root, port: PORT + 1, HOST, PREFIX, record, axeSource, runAxe });
    } catch (e) {
      record('long case list: the checks ran to the end', false, [e.stack ?? String(e)]);
    }

    const caseSlug = caseFile ? caseFile.split('/')[1] : 'case';
    await takeScreenshots(context, [
      { label: 'start', file: startFile, want: PREFIX },
      { label: `case-${caseSlug}`, file: caseFile, want: caseFile ? urlPathOf(caseFile) : `${PREFIX}cases/<slug>/` },
      { label: 'compare', file: compareFile, want: `${PREFIX}compare/` },
      { label: 'compare-focus-areas', file: focusFile, want: `${PREFIX}compare/focus-areas/` },
    ]);
    await context.close();
  } catch (e) {
    return finish({ name: 'suite ran to the end', details: [e.stack ?? String(e)] });
  } finally {
    if (browser) await browser.close().catch(() => {});
    server.close();
  }
  return finish();
}

process.exitCode = await main();
