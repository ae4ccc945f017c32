// Keyboard-driven tests of the theme's interactive widgets, and the lang="en" check of term pages.
//
// Every widget is used the way a keyboard user would: Tab / Shift+Tab to a control, Space or Enter
// to operate it, typing into inputs. Nothing is clicked and the DOM is never changed by the test.
// Each control reached this way must also show a visible focus indicator (outline or box-shadow).
//
//   side-by-side comparison  /compare/side-by-side/   (compare.js, and side-by-side.css without JS)
//   faceted case list        /cases/                  (facets.js)
//   search                   /search/                 (search.js + search-index/engine.js)
//   English on term pages    /terms/<dimension>/<term>/ against content/vocabulary/*.yaml
//
// run.mjs calls checkWidgets() with its settings and its record() function.
import fs from 'node:fs';
import path from 'node:path';

const RESULT_TIMEOUT = 5_000; // "results appear within a few seconds"
const MAX_TABS = 250; // give up looking for a control after this many Tab presses

/**
 * @param {import('playwright-core').Browser} browser
 * @param {object} env  { ORIGIN, PREFIX, HOST, BUILD_DIR, REPO_ROOT, files: Set<string>, record, describeFn }
 */
export async function checkWidgets(browser, env) {
  const t = new Tester(browser, env);
  for (const [label, section] of [
    ['side-by-side', () => t.sideBySide()],
    ['facets', () => t.facets()],
    ['search', () => t.search()],
    ['lang="en" on term pages', () => t.termLanguage()],
  ]) {
    await t.guard(label, section);
  }
}

const SECTION_TIMEOUT = 120_000; // a hung section closes its browser contexts and fails

class Tester {
  constructor(browser, env) {
    Object.assign(this, env);
    this.browser = browser;
    this.open = new Set();
    this.BASE = this.ORIGIN + this.PREFIX;
  }

  url(rel) {
    return this.BASE + rel;
  }

  has(rel) {
    return this.files.has(rel);
  }

  /** A fresh context: JavaScript on or off, reduced motion, wide viewport. */
  async context(javaScriptEnabled = true) {
    const ctx = await this.browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce', javaScriptEnabled });
    this.open.add(ctx);
    ctx.on('close', () => this.open.delete(ctx));
    return ctx;
  }

  /**
   * Runs one section; if it hangs (e.g. a page.evaluate that never returns), closes its contexts so
   * every pending call rejects and the section records its failures, and records the timeout.
   */
  async guard(label, section) {
    let timer;
    const run = section().catch((e) => this.record(`${label}: the section ran to the end`, false, [e.stack ?? String(e)]));
    const timedOut = await Promise.race([
      run.then(() => false),
      new Promise((r) => (timer = setTimeout(() => r(true), SECTION_TIMEOUT))),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      await Promise.all([...this.open].map((c) => c.close().catch(() => {})));
      await run;
      this.record(`${label}: the section finished within ${SECTION_TIMEOUT / 1000} s`, false, ['it hung; its browser contexts were closed']);
    }
  }

  /** A page that records console errors and every request (requests to other hosts are blocked). */
  async page(context) {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const log = { errors: [], requests: [], failed: [] };
    page.on('console', (msg) => {
      if (msg.type() === 'error') log.errors.push(msg.text());
    });
    page.on('pageerror', (err) => log.errors.push(`uncaught exception: ${err.message}`));
    page.on('request', (req) => log.requests.push(req.url()));
    page.on('response', (res) => {
      if (res.status() >= 400) log.failed.push(`${res.status()} ${res.url()}`);
    });
    await page.route('**/*', (route) => {
      let host = '';
      try {
        host = new URL(route.request().url()).hostname;
      } catch {}
      return host === this.HOST ? route.continue() : route.abort('blockedbyclient');
    });
    return { page, log };
  }

  /** Runs fn(page, log, problems) and records one test; exceptions become failures. */
  async test(name, context, fn) {
    const { page, log } = await this.page(context);
    const problems = [];
    const notes = [];
    try {
      await fn(page, problems, notes, log);
    } catch (e) {
      problems.push(`stopped: ${e.message.split('\n')[0]}`);
    }
    if (log.errors.length) problems.push(...log.errors.map((e) => `console error: ${e}`));
    await page.close().catch(() => {});
    this.record(name, problems.length === 0, problems.length ? problems : notes);
  }

  // ------------------------------------------------------------ keyboard helpers

  /** What has focus: description, label and focus-indicator styles. */
  focused(page) {
    return page.evaluate(`(() => {
      const describe = ${this.describeFn};
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const label = el.labels && el.labels[0] ? el.labels[0].textContent : el.textContent;
      return {
        desc: describe(el),
        tag: el.tagName.toLowerCase(),
        type: el.getAttribute('type'),
        label: (label || '').replace(/\\s+/g, ' ').trim().slice(0, 60),
        outlineStyle: cs.outlineStyle,
        outlineWidth: parseFloat(cs.outlineWidth) || 0,
        boxShadow: cs.boxShadow,
        visible: r.width > 0 && r.height > 0 && cs.visibility !== 'hidden',
      };
    })()`);
  }

  /** Checks the focused element for a visible focus indicator; a problem string or null. */
  async focusProblem(page, what) {
    const f = await this.focused(page);
    if (!f) return `${what}: nothing has focus`;
    const outline = f.outlineStyle !== 'none' && f.outlineWidth > 0;
    const shadow = f.boxShadow && f.boxShadow !== 'none';
    if (!f.visible) return `${what} (${f.desc}) has focus but is not visible`;
    if (!outline && !shadow) return `${what} (${f.desc}): no focus indicator (outline ${f.outlineStyle} ${f.outlineWidth}px, box-shadow ${f.boxShadow})`;
    return null;
  }

  /**
   * Presses Tab (or Shift+Tab) until the focused element matches q
   * ({ label, selector, text }); returns the number of presses. Throws, listing
   * the stops seen, when it is not reached.
   */
  async tabTo(page, q, { back = false, max = MAX_TABS } = {}) {
    const seen = [];
    for (let i = 1; i <= max; i++) {
      await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      const hit = await page.evaluate((q) => {
        const el = document.activeElement;
        if (!el || el === document.body) return { match: false, stop: '(body)' };
        const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
        const label = el.labels && el.labels[0] ? norm(el.labels[0].textContent) : '';
        const text = norm(el.textContent);
        let match = true;
        if (q.label !== undefined && label !== q.label) match = false;
        if (q.text !== undefined && text !== q.text) match = false;
        if (q.selector !== undefined && !el.matches(q.selector)) match = false;
        return { match, stop: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(label || text).slice(0, 30)}"` };
      }, q);
      if (hit.match) return i;
      seen.push(hit.stop);
      if (seen.length > 2 && seen.at(-1) === seen[0]) break; // wrapped around
    }
    const want = JSON.stringify(q);
    throw new Error(`${back ? 'Shift+Tab' : 'Tab'} never reached ${want}; stops: ${seen.slice(0, 40).join(', ')}${seen.length > 40 ? ' …' : ''}`);
  }

  /** Presses a key. The widgets update synchronously on change/reset, and style is recomputed on query. */
  async key(page, key) {
    await page.keyboard.press(key);
  }

  async load(page, rel) {
    const res = await page.goto(this.url(rel), { waitUntil: 'load' });
    if (!res || res.status() !== 200) throw new Error(`loading ${this.url(rel)} gave status ${res?.status()}`);
    return res;
  }

  // ------------------------------------------------------------ 1. side by side

  /** In the page: state of the side-by-side widget. */
  sbsState(page) {
    return page.evaluate(() => {
      const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      const root = document.querySelector('.sbs');
      const boxes = [...document.querySelectorAll('.sbs form.pick input[name="fall"]')].map((b) => ({
        value: b.value,
        checked: b.checked,
        label: (b.labels[0]?.textContent || b.value).replace(/\s+/g, ' ').trim(),
      }));
      const cells = {};
      for (const el of root.querySelectorAll('[data-case]')) {
        const c = el.getAttribute('data-case');
        cells[c] ??= { shown: 0, hidden: 0, hiddenEmpty: 0, headers: 0, headersShown: 0 };
        // A cell in a hidden row (a row none of the chosen cases has, or the header row of a
        // table restacked on a narrow screen) says nothing about its column.
        const row = el.closest('tr');
        if (row && !shown(row)) continue;
        const vis = shown(el);
        cells[c][vis ? 'shown' : 'hidden']++;
        if (!vis && el.classList.contains('empty')) cells[c].hiddenEmpty++;
        if (el.tagName === 'TH') {
          cells[c].headers++;
          if (vis) cells[c].headersShown++;
        }
      }
      const rows = [...root.querySelectorAll('tr[data-cases]')].map((tr) => ({
        cases: tr.getAttribute('data-cases').split(' ').filter(Boolean),
        term: (tr.querySelector('th')?.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40),
        shared: tr.classList.contains('shared'),
        unique: tr.classList.contains('unique'),
        shown: shown(tr),
        tag: (tr.querySelector('.sbs-tag')?.textContent || '').trim(),
      }));
      const status = document.querySelector('.sbs [role="status"]');
      return {
        search: location.search,
        boxes,
        cells,
        rows,
        status: status ? status.textContent.replace(/\s+/g, ' ').trim() : null,
        tables: root.querySelectorAll('table').length,
      };
    });
  }

  /**
   * Problems with which columns are visible, given the chosen slugs. With emptyMayHide, empty cells
   * ("–") of chosen cases may be hidden: the restacked narrow layout leaves them out by design.
   */
  columnProblems(state, chosen, where, emptyMayHide = false) {
    const out = [];
    const slugs = state.boxes.map((b) => b.value);
    for (const slug of slugs) {
      const c = state.cells[slug];
      if (!c) {
        out.push(`${where}: no [data-case="${slug}"] cells at all`);
        continue;
      }
      const hidden = emptyMayHide ? c.hidden - c.hiddenEmpty : c.hidden;
      if (chosen.includes(slug) && hidden) out.push(`${where}: ${hidden} cell(s) of chosen case ${slug} are hidden`);
      if (!chosen.includes(slug) && c.shown) out.push(`${where}: ${c.shown} cell(s) of unchosen case ${slug} are visible`);
    }
    return out;
  }

  async sideBySide() {
    const rel = 'compare/side-by-side/index.html';
    const P = 'side-by-side /compare/side-by-side/';
    if (!this.has(rel)) {
      this.record(`${P}: page exists`, false, [`${this.PREFIX}compare/side-by-side/ is not in the build`]);
      return;
    }
    const pick = ['gislaved', 'norrtalje'];
    const ctx = await this.context();
    try {
      const { page, log } = await this.page(ctx);
      const focusIssues = [];
      const focusNotes = [];
      let state = null;
      let titles = {};
      // The keyboard session; the assertions on its outcome are separate tests below.
      const session = [];
      try {
        await this.load(page, 'compare/side-by-side/');
        const before = await this.sbsState(page);
        titles = Object.fromEntries(before.boxes.map((b) => [b.value, b.label]));
        for (const slug of pick) {
          const label = titles[slug];
          if (!label) throw new Error(`no checkbox for ${slug} (boxes: ${before.boxes.map((b) => b.value).join(', ')})`);
          const n = await this.tabTo(page, { label, selector: 'input[type=checkbox]' });
          const fp = await this.focusProblem(page, `checkbox "${label}"`);
          if (fp) focusIssues.push(fp);
          else focusNotes.push(`checkbox "${label}" shows a focus indicator`);
          await this.key(page, 'Space');
          session.push(`${n}× Tab to "${label}", Space`);
        }
        // The submit button ("Jämför") is the next control after the list.
        await this.tabTo(page, { selector: 'button' }, { max: 10 });
        const fp = await this.focusProblem(page, 'the "Jämför" button');
        if (fp) focusIssues.push(fp);
        else focusNotes.push('the "Jämför" button shows a focus indicator');
        await this.key(page, 'Enter'); // submitting must not reload or lose the choice
        session.push('Tab to "Jämför", Enter');
        state = await this.sbsState(page);
      } catch (e) {
        session.push(`stopped: ${e.message.split('\n')[0]}`);
      }

      const name = (s) => `${P} › keyboard: ${s}`;
      const T = {
        choose: 'Tab + Space choose Gislaved and Norrtälje, the URL becomes ?fall=gislaved&fall=norrtalje',
        columns: "only the chosen cases' columns are visible (1280 and 320 px)",
        marks: 'shared rows say "Gemensamt", rows of one case say "Bara …"',
        status: 'the status (role=status) names both chosen cases',
        focus: 'visible focus indicator on the controls used',
      };
      if (!state) {
        for (const s of Object.values(T)) this.record(name(s), false, session);
      } else {
        // URL and boxes
        const p1 = [];
        const want = '?' + pick.map((s) => `fall=${s}`).join('&');
        if (state.search !== want) p1.push(`location.search is "${state.search}", expected "${want}"`);
        const checked = state.boxes.filter((b) => b.checked).map((b) => b.value);
        if (checked.join(' ') !== pick.join(' ')) p1.push(`checked boxes: [${checked.join(', ')}], expected [${pick.join(', ')}]`);
        this.record(name(T.choose), p1.length === 0, p1.length ? [...p1, ...session] : [...session, `URL query ${state.search}`]);

        // Columns, wide and narrow
        const p2 = this.columnProblems(state, pick, '1280px');
        await page.setViewportSize({ width: 320, height: 800 });
        const narrow = await this.sbsState(page);
        p2.push(...this.columnProblems(narrow, pick, '320px', true));
        await page.setViewportSize({ width: 1280, height: 800 });
        const shownCells = pick.map((s) => state.cells[s]?.shown ?? 0).reduce((a, b) => a + b, 0);
        const hiddenCells = Object.entries(state.cells).filter(([s]) => !pick.includes(s)).reduce((a, [, c]) => a + c.hidden, 0);
        this.record(name(T.columns), p2.length === 0, p2.length ? p2 : [`${shownCells} cells of the chosen cases visible, ${hiddenCells} cells of the other ${state.boxes.length - pick.length} hidden`]);

        // Shared / unique marks
        const p3 = [];
        let shared = 0;
        const uniqueBy = {};
        for (const r of state.rows) {
          const have = r.cases.filter((c) => pick.includes(c));
          if (have.length === 0) {
            if (r.shown) p3.push(`row "${r.term}" (${r.cases.join(' ')}) has none of the chosen cases but is visible`);
            continue;
          }
          if (!r.shown) p3.push(`row "${r.term}" has ${have.join(', ')} but is hidden`);
          if (have.length === pick.length) {
            shared++;
            if (!r.shared || r.tag !== 'Gemensamt') p3.push(`row "${r.term}" is shared by both, but class shared=${r.shared}, tag "${r.tag}" (expected class shared, tag "Gemensamt")`);
            if (r.unique) p3.push(`row "${r.term}" is shared but also has class unique`);
          } else {
            const only = `Bara ${titles[have[0]]}`;
            uniqueBy[have[0]] = (uniqueBy[have[0]] ?? 0) + 1;
            if (!r.unique || r.tag !== only) p3.push(`row "${r.term}" belongs only to ${have[0]}, but class unique=${r.unique}, tag "${r.tag}" (expected class unique, tag "${only}")`);
            if (r.shared) p3.push(`row "${r.term}" belongs to one case but has class shared`);
          }
        }
        if (shared === 0) p3.push('no row is shared by Gislaved and Norrtälje (the test expects at least one in the default site)');
        if (!Object.keys(uniqueBy).length) p3.push('no row belongs to only one of them (the test expects at least one in the default site)');
        this.record(name(T.marks), p3.length === 0, p3.length ? p3.slice(0, 20) : [`${shared} rows "Gemensamt"; ${Object.entries(uniqueBy).map(([s, n]) => `${n} "Bara ${titles[s]}"`).join(', ')}`]);

        // Status
        const p4 = [];
        if (state.status === null) p4.push('no role=status element in .sbs');
        else for (const s of pick) if (!state.status.includes(titles[s])) p4.push(`status "${state.status}" does not name ${titles[s]}`);
        this.record(name(T.status), p4.length === 0, p4.length ? p4 : [`"${state.status}"`]);

        this.record(name(T.focus), focusIssues.length === 0, focusIssues.length ? [...new Set(focusIssues)] : focusNotes);
      }
      this.record(`${P} › no console errors or failed requests while used by keyboard`, !log.errors.length && !log.failed.length, log.errors.length || log.failed.length ? [...log.errors, ...log.failed] : ['none']);
      await page.close();

      // The shareable URL
      const other = ['botkyrka', 'vallentuna'];
      await this.test(`${P}?fall=botkyrka&fall=vallentuna › the shared URL checks both boxes and shows their columns`, ctx, async (page, problems, notes) => {
        await this.load(page, 'compare/side-by-side/?fall=botkyrka&fall=vallentuna');
        const s = await this.sbsState(page);
        const checked = s.boxes.filter((b) => b.checked).map((b) => b.value);
        if (checked.join(' ') !== other.join(' ')) problems.push(`checked boxes: [${checked.join(', ')}], expected [${other.join(', ')}]`);
        problems.push(...this.columnProblems(s, other, '1280px'));
        for (const o of other) if (!(s.status ?? '').includes(titles[o] ?? o)) problems.push(`status "${s.status}" does not name ${titles[o] ?? o}`);
        notes.push(`checked: ${checked.join(', ')}; status "${s.status}"`);
      });
    } finally {
      await ctx.close();
    }

    // Without JavaScript: every case listed; :has() hides the others once two are checked.
    const noJs = await this.context(false);
    try {
      await this.test(`${P} › without JavaScript: all cases listed, and checking two by keyboard hides the other columns (CSS :has())`, noJs, async (page, problems, notes) => {
        await this.load(page, 'compare/side-by-side/');
        const s0 = await this.sbsState(page);
        const slugs = s0.boxes.map((b) => b.value);
        if (slugs.length !== 7) problems.push(`${slugs.length} checkboxes, expected 7 (one per case)`);
        problems.push(...this.columnProblems(s0, slugs, 'before choosing'));
        for (const slug of slugs) {
          const c = s0.cells[slug];
          if (c && c.headersShown !== s0.tables) problems.push(`case ${slug} has a visible column header in ${c.headersShown} of ${s0.tables} tables`);
        }
        const labels = Object.fromEntries(s0.boxes.map((b) => [b.value, b.label]));
        for (const slug of pick) {
          await this.tabTo(page, { label: labels[slug], selector: 'input[type=checkbox]' });
          const fp = await this.focusProblem(page, `checkbox "${labels[slug]}"`);
          if (fp) problems.push(fp);
          await this.key(page, 'Space');
        }
        const s1 = await this.sbsState(page);
        const checked = s1.boxes.filter((b) => b.checked).map((b) => b.value);
        if (checked.join(' ') !== pick.join(' ')) problems.push(`checked boxes after Space: [${checked.join(', ')}]`);
        problems.push(...this.columnProblems(s1, pick, 'after checking Gislaved and Norrtälje'));
        notes.push(`${slugs.length} cases listed with all columns; after checking ${pick.join(' and ')} only their columns are visible`);
      });
    } finally {
      await noJs.close();
    }
  }

  // ------------------------------------------------------------ 2. facets

  facetState(page) {
    return page.evaluate(() => {
      const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      const form = document.getElementById('filter');
      const cards = [...document.querySelectorAll('[data-facets]')].map((c) => {
        const data = {};
        for (const k of ['typ', 'lan', 'dokument', 'ar', 'fokus', 'faktor']) data[k] = (c.getAttribute('data-' + k) || '').split(' ').filter(Boolean);
        return { title: (c.querySelector('h2, h3')?.textContent || '').trim(), data, shown: shown(c) };
      });
      const boxes = form
        ? [...form.querySelectorAll('input[type=checkbox]')].map((b) => ({
            name: b.name,
            value: b.value,
            checked: b.checked,
            label: (b.labels[0]?.textContent || '').replace(/\s+/g, ' ').trim(),
            count: (b.parentNode.querySelector('.count')?.textContent || '').trim(),
          }))
        : [];
      return {
        search: location.search,
        formShown: !!form && shown(form),
        cards,
        boxes,
        status: (document.getElementById('filter-status')?.textContent || '').replace(/\s+/g, ' ').trim(),
      };
    });
  }

  /** Problems when the visible cards are not exactly those for which want(card) holds. */
  cardProblems(state, want, what) {
    const out = [];
    for (const c of state.cards) {
      if (want(c) && !c.shown) out.push(`"${c.title}" ${what} but is hidden`);
      if (!want(c) && c.shown) out.push(`"${c.title}" is visible but not ${what.replace(/^has/, 'having')}`);
    }
    return out;
  }

  async facets() {
    const rel = 'cases/index.html';
    const P = 'facets /cases/';
    if (!this.has(rel)) {
      this.record(`${P}: page exists`, false, [`${this.PREFIX}cases/ is not in the build`]);
      return;
    }
    const LABEL = 'Bostad och bosättning';
    const ctx = await this.context();
    try {
      const { page, log } = await this.page(ctx);
      const name = (s) => `${P} › keyboard: ${s}`;
      const focusIssues = [];
      const focusNotes = [];
      let initial = null;
      let after = null;
      let afterReset = null;
      let box = null;
      const session = [];
      try {
        await this.load(page, 'cases/');
        initial = await this.facetState(page);
        box = initial.boxes.find((b) => b.label === LABEL);
        if (!box) throw new Error(`no filter checkbox labelled "${LABEL}"`);
        const n = await this.tabTo(page, { label: LABEL, selector: 'input[type=checkbox]' });
        const fp = await this.focusProblem(page, `checkbox "${LABEL}"`);
        if (fp) focusIssues.push(fp);
        else focusNotes.push(`checkbox "${LABEL}" shows a focus indicator`);
        await this.key(page, 'Space');
        session.push(`${n}× Tab to "${LABEL}", Space`);
        after = await this.facetState(page);

        const m = await this.tabTo(page, { text: 'Rensa filter', selector: 'button' });
        const fp2 = await this.focusProblem(page, 'the "Rensa filter" button');
        if (fp2) focusIssues.push(fp2);
        else focusNotes.push('the "Rensa filter" button shows a focus indicator');
        await this.key(page, 'Enter');
        await page.waitForTimeout(50); // facets.js updates on the next tick after a reset
        session.push(`${m}× Tab to "Rensa filter", Enter`);
        afterReset = await this.facetState(page);
        const still = await this.focused(page);
        if (!still || still.label !== 'Rensa filter') focusIssues.push(`after Enter on "Rensa filter" focus moved to ${still ? still.desc : 'nothing'}`);
        // Shift+Tab goes back to the "Filtrera" button.
        await this.key(page, 'Shift+Tab');
        const prev = await this.focused(page);
        if (!prev || prev.tag !== 'button') focusIssues.push(`Shift+Tab from "Rensa filter" reached ${prev ? prev.desc + ' "' + prev.label + '"' : 'nothing'}, expected the "Filtrera" button`);
        else {
          const fp3 = await this.focusProblem(page, `the "${prev.label}" button`);
          if (fp3) focusIssues.push(fp3);
          else focusNotes.push(`Shift+Tab reaches the "${prev.label}" button, which shows a focus indicator`);
        }
      } catch (e) {
        session.push(`stopped: ${e.message.split('\n')[0]}`);
      }

      const T = {
        filter: `Tab + Space on "${LABEL}": only cases with data-fokus bostad shown, status and URL (?fokus=bostad) updated`,
        counts: 'the counts next to the other checkboxes follow the filter',
        reset: 'Enter on "Rensa filter" shows all 7 cases, unchecks everything and clears the URL query',
        focus: 'visible focus indicator on the controls used',
      };
      const total = initial?.cards.length ?? 0;
      const hasBostad = (c) => c.data.fokus.includes(box?.value ?? 'bostad');
      if (!after) {
        this.record(name(T.filter), false, session);
        this.record(name(T.counts), false, session);
      } else {
        const p = [];
        if (box.value !== 'bostad') p.push(`the "${LABEL}" checkbox has value "${box.value}", expected "bostad"`);
        p.push(...this.cardProblems(after, hasBostad, 'has fokus bostad'));
        const n = after.cards.filter(hasBostad).length;
        const wantStatus = `${n} av ${total} exempel visas.`;
        if (after.status !== wantStatus) p.push(`status "${after.status}", expected "${wantStatus}"`);
        const params = new URLSearchParams(after.search);
        if (params.getAll('fokus').join(',') !== 'bostad' || [...params.keys()].length !== 1) p.push(`location.search is "${after.search}", expected "?fokus=bostad"`);
        if (total !== 7) p.push(`${total} case cards, expected 7`);
        this.record(name(T.filter), p.length === 0, p.length ? [...p, ...session] : [...session, `${n} of ${total} cards visible, status "${after.status}", URL ${after.search}`]);

        // Counts next to the other checkboxes: how many visible cases have that value.
        const pc = [];
        let changed = 0;
        for (const b of after.boxes) {
          const want = `(${after.cards.filter((c) => hasBostad(c) && c.data[b.name].includes(b.value)).length})`;
          if (b.count !== want) pc.push(`${b.name}=${b.value} ("${b.label}") shows ${b.count}, expected ${want}`);
          const before = initial.boxes.find((x) => x.name === b.name && x.value === b.value);
          if (before && before.count !== b.count) changed++;
        }
        if (!changed) pc.push('no count changed after the filter was applied');
        this.record(name(T.counts), pc.length === 0, pc.length ? pc.slice(0, 20) : [`${after.boxes.length} counts correct, ${changed} changed`]);
      }
      if (!afterReset) {
        this.record(name(T.reset), false, session);
      } else {
        const p = [];
        p.push(...this.cardProblems(afterReset, () => true, 'is a case'));
        if (afterReset.boxes.some((b) => b.checked)) p.push(`still checked: ${afterReset.boxes.filter((b) => b.checked).map((b) => b.label).join(', ')}`);
        if (afterReset.search !== '') p.push(`location.search is "${afterReset.search}", expected none`);
        const want = `Alla ${total} exempel visas.`;
        if (afterReset.status !== want) p.push(`status "${afterReset.status}", expected "${want}"`);
        const counts = afterReset.boxes.filter((b, i) => b.count !== initial.boxes[i]?.count);
        if (counts.length) p.push(`${counts.length} counts differ from the unfiltered ones, e.g. ${counts[0].label} ${counts[0].count} vs ${initial.boxes.find((x) => x.value === counts[0].value && x.name === counts[0].name)?.count}`);
        this.record(name(T.reset), p.length === 0, p.length ? p : [`${afterReset.cards.filter((c) => c.shown).length} cards visible, status "${afterReset.status}", URL query "${afterReset.search}"`]);
      }
      this.record(name(T.focus), focusIssues.length === 0 && !!afterReset, focusIssues.length ? [...new Set(focusIssues)] : afterReset ? focusNotes : session);
      this.record(`${P} › no console errors or failed requests while used by keyboard`, !log.errors.length && !log.failed.length, log.errors.length || log.failed.length ? [...log.errors, ...log.failed] : ['none']);
      await page.close();

      await this.test(`${P}?typ=kommun › the URL's filter is applied on load`, ctx, async (page, problems, notes) => {
        await this.load(page, 'cases/?typ=kommun');
        const s = await this.facetState(page);
        const b = s.boxes.find((x) => x.name === 'typ' && x.value === 'kommun');
        if (!b) problems.push('no typ=kommun checkbox');
        else if (!b.checked) problems.push('the "Kommun" checkbox is not checked');
        const others = s.boxes.filter((x) => x.checked && !(x.name === 'typ' && x.value === 'kommun'));
        if (others.length) problems.push(`also checked: ${others.map((x) => x.label).join(', ')}`);
        const isKommun = (c) => c.data.typ.includes('kommun');
        problems.push(...this.cardProblems(s, isKommun, 'has typ kommun'));
        const n = s.cards.filter(isKommun).length;
        const want = `${n} av ${s.cards.length} exempel visas.`;
        if (s.status !== want) problems.push(`status "${s.status}", expected "${want}"`);
        notes.push(`${n} of ${s.cards.length} cards visible, status "${s.status}"`);
      });
    } finally {
      await ctx.close();
    }

    const noJs = await this.context(false);
    try {
      await this.test(`${P} › without JavaScript: the filter form is hidden and all cases are listed`, noJs, async (page, problems, notes) => {
        await this.load(page, 'cases/');
        const s = await this.facetState(page);
        if (s.formShown) problems.push('the filter form is visible although it cannot work without JavaScript');
        if (s.cards.length !== 7) problems.push(`${s.cards.length} case cards, expected 7`);
        problems.push(...this.cardProblems(s, () => true, 'is a case'));
        notes.push(`${s.cards.filter((c) => c.shown).length} cards visible, form hidden`);
      });
    } finally {
      await noJs.close();
    }
  }

  // ------------------------------------------------------------ 3. search

  searchState(page) {
    return page.evaluate(() => {
      const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      const list = document.querySelector('[data-search-list]');
      const items = list ? [...list.querySelectorAll(':scope > li')] : [];
      const filters = [...document.querySelectorAll('[data-search-filters] input[type=checkbox]')].map((b) => ({
        name: b.name,
        value: b.value,
        checked: b.checked,
        label: (b.labels[0]?.textContent || '').replace(/\s+/g, ' ').trim(),
        count: (b.parentElement.querySelector('.count')?.textContent || '').trim(),
        shown: shown(b),
      }));
      return {
        search: location.search,
        q: new URLSearchParams(location.search).get('q'),
        formShown: shown(document.querySelector('[data-search-form]')),
        input: document.querySelector('[data-search-form] input[name="q"]')?.value ?? null,
        resultsShown: shown(document.querySelector('[data-search-results]')),
        results: items.map((li) => {
          const a = li.querySelector('a[href]');
          return {
            href: a ? a.href : null,
            path: a ? new URL(a.href).pathname : null,
            title: a ? a.textContent.trim() : '',
            html: li.innerHTML,
            marks: li.querySelectorAll('mark').length,
            text: li.textContent.replace(/\s+/g, ' ').trim(),
          };
        }),
        status: (document.querySelector('[data-search-status]')?.textContent || '').replace(/\s+/g, ' ').trim(),
        indexShown: shown(document.querySelector('[data-search-index]')),
        filters,
      };
    });
  }

  /** Waits until the result list shows results for the current input; the state, or null on timeout. */
  async waitForResults(page, term) {
    try {
      await page.waitForFunction(
        (term) => {
          const list = document.querySelector('[data-search-list]');
          const region = document.querySelector('[data-search-results]');
          const status = document.querySelector('[data-search-status]')?.textContent || '';
          return !!list && list.children.length > 0 && region && !region.hidden && status.includes(term);
        },
        term,
        { timeout: RESULT_TIMEOUT },
      );
    } catch {
      return null;
    }
    return this.searchState(page);
  }

  /** Text of a built page, without tags (for checking what a result links to). */
  pageText(pathname) {
    if (!pathname?.startsWith(this.PREFIX)) return null;
    let rel = decodeURIComponent(pathname.slice(this.PREFIX.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(this.BUILD_DIR, rel);
    if (!fs.existsSync(file)) return null;
    return fs
      .readFileSync(file, 'utf8')
      .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/\s+/g, ' ');
  }

  async search() {
    const rel = 'search/index.html';
    const P = 'search /search/';
    if (!this.has(rel)) {
      this.record(`${P}: page exists`, false, [`${this.PREFIX}search/ is not in the build`]);
      return;
    }
    const ctx = await this.context();
    try {
      const { page, log } = await this.page(ctx);
      const name = (s) => `${P} › keyboard: ${s}`;
      const focusIssues = [];
      const focusNotes = [];
      let ready = false;
      const keyboardTests = [
        'typing "forsorjning" shows case results with <mark> snippets, and the URL gets ?q=',
        'typing "försörjning" shows case results with <mark> snippets, and the URL gets ?q=',
        'Space on a filter checkbox changes the results (when there are filters)',
        'visible focus indicator on the controls used',
      ];
      try {
        await this.load(page, 'search/');
        const t0 = Date.now();
        await page.waitForSelector('[data-search-form]:not([hidden])', { timeout: RESULT_TIMEOUT });
        ready = true;
        this.record(`${P} › the search form appears (the index loaded)`, true, [`form shown ${Date.now() - t0} ms after load`]);
      } catch (e) {
        this.record(`${P} › the search form appears (the index loaded)`, false, [e.message.split('\n')[0], ...log.errors, ...log.failed]);
        for (const k of keyboardTests) this.record(name(k), false, ['the search form never appeared']);
      }

      if (ready) {
        // Type both spellings; each is one test.
        for (const term of ['forsorjning', 'försörjning']) {
          const p = [];
          const notes = [];
          try {
            const already = await page.evaluate(() => document.activeElement?.matches('input[name="q"]') ?? false);
            if (already) notes.push('focus is still in the search input');
            else notes.push(`${await this.tabTo(page, { selector: 'input[name="q"]' })}× Tab to the search input`);
            const fp = await this.focusProblem(page, 'the search input');
            if (fp) focusIssues.push(fp);
            else if (!focusNotes.length) focusNotes.push('the search input shows a focus indicator');
            // Clear what is there (Ctrl+A, Backspace), then type.
            await page.keyboard.press('Control+A');
            await page.keyboard.press('Backspace');
            await page.keyboard.type(term, { delay: 20 });
            const t0 = Date.now();
            const s = await this.waitForResults(page, term);
            if (!s) {
              const now = await this.searchState(page);
              p.push(`no results within ${RESULT_TIMEOUT / 1000} s after typing "${term}" (status "${now.status}", ${now.results.length} items, input "${now.input}")`);
            } else {
              notes.push(`${s.results.length} results shown after ${Date.now() - t0} ms; status "${s.status}"`);
              const cases = s.results.filter((r) => r.path && /^cases\/[^/]+\/$/.test(r.path.slice(this.PREFIX.length)) && r.path.startsWith(this.PREFIX));
              const good = cases.filter((r) => /försörjning/i.test(this.pageText(r.path) ?? ''));
              if (!cases.length) p.push(`no result links to a case page; results: ${s.results.map((r) => r.path).join(', ')}`);
              else if (!good.length) p.push(`no case page among the results contains "försörjning": ${cases.map((r) => r.path).join(', ')}`);
              else notes.push(`case pages containing "försörjning": ${good.map((r) => r.path).join(', ')}`);
              const unmarked = s.results.filter((r) => r.marks === 0);
              if (unmarked.length === s.results.length) p.push('no result snippet contains <mark>');
              else if (unmarked.length) notes.push(`${unmarked.length} of ${s.results.length} snippets have no <mark> (e.g. ${unmarked[0].path})`);
              else notes.push('every snippet has a <mark>');
              const outside = s.results.filter((r) => !r.href?.startsWith(this.BASE));
              if (outside.length) p.push(`result links outside ${this.BASE}: ${outside.map((r) => r.href).join(', ')}`);
              // The URL follows the typing (after search.js's short delay).
              await page.waitForFunction((term) => new URLSearchParams(location.search).get('q') === term, term, { timeout: 2_000 }).catch(() => {});
              const q = await page.evaluate(() => location.search);
              if (new URLSearchParams(q).get('q') !== term) p.push(`location.search is "${q}", expected ?q=${term}`);
              else notes.push(`URL query ${q}`);
            }
          } catch (e) {
            p.push(`stopped: ${e.message.split('\n')[0]}`);
          }
          this.record(name(keyboardTests[term === 'forsorjning' ? 0 : 1]), p.length === 0, p.length ? [...p, ...notes] : notes);
        }

        // Filters, if the page has any.
        {
          const p = [];
          const notes = [];
          try {
            const s0 = await this.searchState(page);
            const boxes = s0.filters.filter((f) => f.shown);
            if (!boxes.length) {
              notes.push('skipped: the search page shows no filters (the index has no filter values)');
            } else {
              const target = boxes.find((b) => b.count !== '(0)' && b.count !== `(${s0.results.length})`) ?? boxes[0];
              await this.tabTo(page, { selector: `[data-search-filters] input[type=checkbox][name="${target.name}"][value="${target.value}"]` }, { max: 60 });
              const fp = await this.focusProblem(page, `filter checkbox "${target.label}"`);
              if (fp) focusIssues.push(fp);
              else focusNotes.push(`filter checkbox "${target.label}" shows a focus indicator`);
              const before = s0.results.map((r) => r.path).join(' ');
              await this.key(page, 'Space');
              await page
                .waitForFunction((before) => {
                  const now = [...document.querySelectorAll('[data-search-list] > li a[href]')].map((a) => new URL(a.href).pathname).join(' ');
                  return now !== before;
                }, before, { timeout: RESULT_TIMEOUT })
                .catch(() => {});
              const s1 = await this.searchState(page);
              const after = s1.results.map((r) => r.path).join(' ');
              if (after === before) p.push(`Space on filter "${target.label}" did not change the ${s0.results.length} results within ${RESULT_TIMEOUT / 1000} s`);
              if (!s1.filters.find((f) => f.name === target.name && f.value === target.value)?.checked) p.push(`filter "${target.label}" is not checked after Space`);
              const expected = Number((target.count.match(/\d+/) ?? [NaN])[0]);
              const total = Number((s1.status.match(/^(\d+)/) ?? [NaN])[1]);
              if (!Number.isNaN(expected) && !Number.isNaN(total) && expected !== total) p.push(`the filter said ${target.count}, but ${total} results are reported ("${s1.status}")`);
              notes.push(`filter "${target.label}" (${target.count}): ${s0.results.length} → ${s1.results.length} results shown, status "${s1.status}"`);
              // Leave it as it was.
              await this.key(page, 'Space');
            }
          } catch (e) {
            p.push(`stopped: ${e.message.split('\n')[0]}`);
          }
          this.record(name(keyboardTests[2]), p.length === 0, p.length ? [...p, ...notes] : notes);
        }

        // The "Sök" button: reachable after the input, with a focus indicator.
        try {
          // Back to the input (Shift+Tab when a filter has focus), then on to the button.
          const inInput = await page.evaluate(() => document.activeElement?.matches('input[name="q"]') ?? false);
          if (!inInput) await this.tabTo(page, { selector: 'input[name="q"]' }, { back: true, max: 60 });
          await this.tabTo(page, { selector: '[data-search-form] button' }, { max: 3 });
          const fp = await this.focusProblem(page, 'the "Sök" button');
          if (fp) focusIssues.push(fp);
          else focusNotes.push('the "Sök" button shows a focus indicator');
        } catch (e) {
          focusIssues.push(e.message.split('\n')[0]);
        }
        this.record(name(keyboardTests[3]), focusIssues.length === 0, focusIssues.length ? [...new Set(focusIssues)] : focusNotes);
      }

      // Every request stayed under the prefix.
      const outside = log.requests.filter((u) => !u.startsWith(this.BASE) && !u.startsWith('data:') && !u.startsWith('blob:'));
      const pf = log.requests.filter((u) => u.startsWith(this.BASE + 'search-index/'));
      this.record(`${P} › every request of the search stays under ${this.PREFIX}`, outside.length === 0 && log.failed.length === 0, [
        ...outside.map((u) => `request outside the prefix: ${u}`),
        ...log.failed.map((u) => `failed: ${u}`),
        ...(outside.length || log.failed.length ? [] : [`${log.requests.length} requests, ${pf.length} of them search index files, e.g. ${pf.slice(0, 4).map((u) => u.slice(this.BASE.length)).join(', ')}`]),
      ]);
      this.record(`${P} › no console errors while used by keyboard`, log.errors.length === 0, log.errors.length ? log.errors : ['none']);
      await page.close();

      await this.test(`${P}?q=bostad › the URL's query is searched on load`, ctx, async (page, problems, notes, log) => {
        await this.load(page, 'search/?q=bostad');
        const s = await this.waitForResults(page, 'bostad');
        if (!s) {
          const now = await this.searchState(page);
          problems.push(`no results within ${RESULT_TIMEOUT / 1000} s (status "${now.status}", input "${now.input}", form shown ${now.formShown})`);
          return;
        }
        if (s.input !== 'bostad') problems.push(`the input holds "${s.input}", expected "bostad"`);
        if (s.indexShown) problems.push('the list of all pages is still shown next to the results');
        const bad = log.requests.filter((u) => !u.startsWith(this.BASE));
        if (bad.length) problems.push(...bad.map((u) => `request outside the prefix: ${u}`));
        notes.push(`${s.results.length} results, status "${s.status}", first: ${s.results[0]?.path}`);
      });

      // A filter in the address, with no words: it is checked on load, the results are exactly its pages,
      // and the count next to it is the number of results.
      await this.test(`${P}?innehall=Begrepp › a filter in the URL is chosen on load and its count is the number of results`, ctx, async (page, problems, notes) => {
        await this.load(page, 'search/?innehall=Begrepp');
        await page.waitForFunction(() => (document.querySelector('[data-search-status]')?.textContent || '').trim() !== '', null, { timeout: RESULT_TIMEOUT });
        const s = await this.searchState(page);
        const box = s.filters.find((f) => f.value === 'Begrepp');
        if (!box) return problems.push('no filter "Begrepp"');
        if (!box.checked) problems.push('"Begrepp" is not checked');
        const total = Number((s.status.match(/^(\d+)/) ?? [NaN])[1]);
        const count = Number((box.count.match(/\d+/) ?? [NaN])[0]);
        if (total !== count) problems.push(`status "${s.status}" but the filter says ${box.count}`);
        const terms = [...this.files].filter((f) => /^terms\/[^/]+\/[^/]+\/index\.html$/.test(f)).length;
        if (total !== terms) problems.push(`${total} results, but the build has ${terms} term pages`);
        const notTerm = s.results.filter((r) => !r.path?.startsWith(`${this.PREFIX}terms/`));
        if (notTerm.length) problems.push(`results that are not term pages: ${notTerm.map((r) => r.path).join(', ')}`);
        // Counts of the other filters follow the chosen one: term pages have no county.
        const county = s.filters.filter((f) => f.name === 'Län' && f.count !== '(0)');
        if (county.length) problems.push(`county counts not 0 with "Begrepp" chosen: ${county.map((f) => `${f.value} ${f.count}`).join(', ')}`);
        notes.push(`status "${s.status}", Begrepp ${box.count}, ${s.results.length} shown`);
      });

      // No results: the status says so and the help says what to try; with a filter it offers to remove it.
      await this.test(`${P}?q=Gislaved&innehall=Begrepp › no results: help names the filter, and removing it finds the case`, ctx, async (page, problems, notes) => {
        await this.load(page, 'search/?q=Gislaved&innehall=Begrepp');
        await page.waitForFunction(() => (document.querySelector('[data-search-status]')?.textContent || '').trim() !== '', null, { timeout: RESULT_TIMEOUT });
        const hint = () =>
          page.evaluate(() => {
            const shown = (el) => !!el && el.getClientRects().length > 0;
            return {
              box: shown(document.querySelector('[data-search-hint]')),
              filters: shown(document.querySelector('[data-search-hint-filters]')),
              words: shown(document.querySelector('[data-search-hint-words]')),
            };
          });
        const s = await this.searchState(page);
        if (!/^Inga träffar/.test(s.status)) problems.push(`status "${s.status}", expected "Inga träffar …"`);
        const h = await hint();
        if (!h.box || !h.filters || !h.words) problems.push(`help shown: ${JSON.stringify(h)}`);
        await this.tabTo(page, { selector: '[data-search-clear]' }, { max: 80 });
        await this.key(page, 'Enter');
        const after = await this.waitForResults(page, 'Gislaved');
        if (!after) return problems.push('no results after "Ta bort alla avgränsningar"');
        if (!after.results.some((r) => r.path === `${this.PREFIX}cases/gislaved/`)) problems.push('the Gislaved case is not among the results');
        if (after.filters.some((f) => f.checked)) problems.push('a filter is still checked');
        if (new URLSearchParams(after.search).has('innehall')) problems.push(`the URL still has the filter: ${after.search}`);
        if ((await hint()).box) problems.push('the help is still shown next to results');
        notes.push(`"${s.status}" → "${after.status}", URL ${after.search}`);
      });

      // From the search box to the first result without tabbing through the filters.
      await this.test(`${P}?q=bostad › keyboard: the skip link reaches the first result in a few Tab presses`, ctx, async (page, problems, notes) => {
        await this.load(page, 'search/?q=bostad');
        if (!(await this.waitForResults(page, 'bostad'))) return problems.push('no results for "bostad"');
        await page.focus('input[name="q"]');
        const toSkip = await this.tabTo(page, { selector: '[data-search-skip]' }, { max: 3 });
        const fp = await this.focusProblem(page, 'the skip link');
        if (fp) problems.push(fp);
        await this.key(page, 'Enter');
        const presses = await this.tabTo(page, { selector: '[data-search-list] > li:first-child a' }, { max: 2 });
        notes.push(`${toSkip}× Tab to "Gå till träffarna", Enter, ${presses}× Tab to the first result`);
      });
    } finally {
      await ctx.close();
    }

    const noJs = await this.context(false);
    try {
      await this.test(`${P} › without JavaScript: the form is hidden and every case, term and page is listed`, noJs, async (page, problems, notes) => {
        await this.load(page, 'search/');
        const s = await this.searchState(page);
        if (s.formShown) problems.push('the search form is visible although it cannot work without JavaScript');
        if (!s.indexShown) problems.push('the list of all pages ([data-search-index]) is not visible');
        const links = await page.$$eval('[data-search-index] a[href]', (as) =>
          as.filter((a) => a.getClientRects().length > 0).map((a) => new URL(a.href).pathname),
        );
        const linked = new Set(links);
        // Every case and term page in the build, and every free page (content/pages/<slug>.md → /<slug>/).
        const pagesDir = path.join(this.REPO_ROOT, 'content', 'pages');
        const freePages = fs.existsSync(pagesDir)
          ? fs.readdirSync(pagesDir).filter((f) => f.endsWith('.md')).map((f) => `${f.slice(0, -3)}/index.html`).filter((f) => this.has(f))
          : [];
        const want = [...this.files]
          .filter((f) => /^(cases|terms\/[^/]+)\/[^/]+\/index\.html$/.test(f))
          .concat(freePages)
          .map((f) => this.PREFIX + f.slice(0, -'index.html'.length));
        const missing = want.filter((u) => !linked.has(u));
        if (missing.length) problems.push(`${missing.length} pages are not linked from the visible list: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ' …' : ''}`);
        const note = await page.evaluate(() => {
          const n = document.querySelector('[data-search-nojs]');
          return n ? { shown: n.getClientRects().length > 0, text: n.textContent.trim() } : null;
        });
        if (note && !note.shown) problems.push('the "needs JavaScript" note is hidden');
        notes.push(`${links.length} visible links, all ${want.length} case, term and free pages among them${note ? `; note "${note.text}"` : ''}`);
      });
    } finally {
      await noJs.close();
    }
  }

  // ------------------------------------------------------------ 4. lang="en" on term pages

  /** { dimension: { termId: { label_en, definition_en } } } from content/vocabulary/*.yaml, by regex. */
  vocabulary() {
    const dir = path.join(this.REPO_ROOT, 'content', 'vocabulary');
    const out = {};
    if (!fs.existsSync(dir)) return out;
    for (const f of fs.readdirSync(dir).filter((x) => /\.ya?ml$/.test(x)).sort()) {
      const dim = f.replace(/\.ya?ml$/, '');
      const terms = (out[dim] = {});
      const lines = fs.readFileSync(path.join(dir, f), 'utf8').split(/\r?\n/);
      let term = null;
      for (let i = 0; i < lines.length; i++) {
        const id = lines[i].match(/^\s*-\s+id:\s*["']?([^"'\s#]+)/);
        if (id) {
          term = terms[id[1]] = {};
          continue;
        }
        const m = term && lines[i].match(/^(\s*)(label_en|definition_en):\s*(.*?)\s*$/);
        if (!m) continue;
        let value = m[3];
        if (/^[>|][-+]?$/.test(value)) {
          const indent = m[1].length;
          const block = [];
          while (i + 1 < lines.length && (lines[i + 1].trim() === '' || lines[i + 1].match(/^\s*/)[0].length > indent)) {
            block.push(lines[++i].trim());
          }
          value = block.join(' ');
        } else if (/^".*"$/.test(value)) {
          value = JSON.parse(value);
        } else if (/^'.*'$/.test(value)) {
          value = value.slice(1, -1).replace(/''/g, "'");
        } else {
          value = value.replace(/\s+#.*$/, '');
        }
        value = value.replace(/\s+/g, ' ').trim();
        if (value) term[m[2]] = value;
      }
    }
    return out;
  }

  async termLanguage() {
    const vocab = this.vocabulary();
    const termFiles = [...this.files].filter((f) => /^terms\/[^/]+\/[^/]+\/index\.html$/.test(f)).sort();
    if (!termFiles.length) {
      this.record('lang="en" on term pages: the build has term pages', false, ['no terms/<dimension>/<term>/index.html in the build']);
      return;
    }
    const ctx = await this.context();
    try {
      const { page, log } = await this.page(ctx);
      for (const f of termFiles) {
        const [, dim, id] = f.split('/');
        const urlPath = this.PREFIX + f.slice(0, -'index.html'.length);
        const problems = [];
        const notes = [];
        const entry = vocab[dim]?.[id];
        try {
          if (!entry) throw new Error(`no term "${id}" in content/vocabulary/${dim}.yaml`);
          await this.load(page, f.slice(0, -'index.html'.length));
          const r = await page.evaluate((entry) => {
            const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
            const langOf = (el) => norm(el.closest('[lang]')?.getAttribute('lang')).toLowerCase();
            const isEn = (el) => /^en(-|$)/.test(langOf(el));
            const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
            const main = document.querySelector('main') || document.body;
            const own = (el) => norm([...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(' '));
            const out = { label: null, definition: null, translation: null, metaEn: null, unmarked: [] };
            const meta = main.querySelector('.meta[lang="en"]');
            out.metaEn = meta ? { text: norm(meta.textContent), shown: shown(meta) } : null;
            const tr = main.querySelector('.translation');
            out.translation = tr ? { text: norm(tr.textContent), en: isEn(tr), lang: langOf(tr), shown: shown(tr) } : null;
            // Every element whose text is (or contains) the English wording must be in lang="en".
            for (const el of document.body.querySelectorAll('*')) {
              if (!shown(el)) continue;
              const t = own(el);
              if (!t) continue;
              const hitLabel = entry.label_en && t === entry.label_en;
              const hitDef = entry.definition_en && t.includes(entry.definition_en);
              if ((hitLabel || hitDef) && !isEn(el)) {
                out.unmarked.push(`<${el.tagName.toLowerCase()}${el.className ? ' class="' + el.className + '"' : ''}> "${t.slice(0, 50)}" has lang "${langOf(el)}"`);
              }
              if (hitLabel && isEn(el)) out.label = true;
              if (hitDef && isEn(el)) out.definition = true;
            }
            return out;
          }, entry);
          if (entry.label_en) {
            if (!r.metaEn) problems.push(`label_en "${entry.label_en}": no .meta[lang="en"] on the page`);
            else if (r.metaEn.text !== entry.label_en) problems.push(`.meta[lang="en"] says "${r.metaEn.text}", label_en is "${entry.label_en}"`);
            else if (!r.metaEn.shown) problems.push('.meta[lang="en"] is not visible');
            if (!r.label) problems.push(`no visible element with the text "${entry.label_en}" inside lang="en"`);
          }
          if (entry.definition_en) {
            if (!r.translation) problems.push('definition_en is set but the page has no .translation paragraph');
            else {
              if (!r.translation.en) problems.push(`.translation has lang "${r.translation.lang}", expected "en"`);
              if (r.translation.text !== entry.definition_en) problems.push(`.translation says "${r.translation.text.slice(0, 80)}", definition_en is "${entry.definition_en.slice(0, 80)}"`);
              if (!r.translation.shown) problems.push('.translation is not visible');
            }
            if (!r.definition) problems.push('no visible element with the English definition inside lang="en"');
          }
          problems.push(...r.unmarked.map((u) => `English text outside lang="en": ${u}`));
          notes.push(
            entry.label_en || entry.definition_en
              ? `${entry.label_en ? `label "${entry.label_en}"` : 'no label_en'}, ${entry.definition_en ? 'definition' : 'no definition_en'} inside lang="en"`
              : 'the vocabulary has no English for this term',
          );
        } catch (e) {
          problems.push(e.message.split('\n')[0]);
        }
        if (log.errors.length) problems.push(...log.errors.splice(0).map((e) => `console error: ${e}`));
        this.record(`${urlPath} › lang="en" on the English label and definition`, problems.length === 0, problems.length ? problems : notes);
      }
      await page.close();
    } finally {
      await ctx.close();
    }
  }
}
