// The case list of a site with more cases than [compare] list_all_up_to: paginated, and filtered
// through the search page. tools/browser-test.sh builds the default content with
// `cases_per_page = 3` and `list_all_up_to = 3` into target/browser-site-long, served here on its own
// port. Checked: the pager, the filter form (shown only with JavaScript), that choosing a filter and
// submitting opens the search page with those filters and exactly as many cases as the list's count
// said, and axe on the list pages.
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from './server.mjs';

const TIMEOUT = 15_000;

export async function checkLongList(browser, { root, port, HOST, PREFIX, record, axeSource, runAxe }) {
  const name = (check) => `long case list: ${check}`;
  if (!fs.existsSync(path.join(root, 'cases', 'page', '2', 'index.html'))) {
    record(name('the build is paginated'), false, [`${root} has no cases/page/2/ (build it with tools/browser-test.sh)`]);
    return;
  }
  const server = await startServer({ root, prefix: PREFIX, port, host: HOST });
  const base = `http://${HOST}:${port}${PREFIX}`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

    // The list and its pager.
    await page.goto(base + 'cases/');
    const list = await page.evaluate(() => ({
      cards: document.querySelectorAll('.cards > li').length,
      next: document.querySelector('nav.pages a[rel=next]')?.getAttribute('href') ?? null,
      form: !!document.querySelector('form[data-filter-search]') && !document.querySelector('form[data-filter-search]').hidden,
      inPage: document.querySelectorAll('[data-facets]').length,
    }));
    const p1 = [];
    if (list.cards !== 3) p1.push(`${list.cards} cases on page 1, expected 3`);
    if (list.next !== `${PREFIX}cases/page/2/`) p1.push(`next page link is ${list.next}`);
    if (list.inPage) p1.push(`${list.inPage} cards carry in-page filter data`);
    if (!list.form) p1.push('the filter form is not shown with JavaScript');
    record(name('paginated, with a filter form for the search page'), p1.length === 0, p1.length ? p1 : [`3 cases a page, next: ${list.next}`]);

    for (const rel of ['cases/', 'cases/page/2/']) {
      await page.goto(base + rel);
      const violations = await runAxe(page, axeSource);
      record(name(`axe on /${rel}`), violations.length === 0, violations.length ? violations.map((v) => `${v.id}: ${v.help}`) : ['no violations']);
    }

    // Choose one kind, submit: the search page shows that many cases, all of that kind.
    await page.goto(base + 'cases/');
    const choice = await page.evaluate(() => {
      const box = document.querySelector('form[data-filter-search] input[type=checkbox][name=typ]');
      const count = Number((box?.parentElement.querySelector('.count')?.textContent ?? '').replace(/\D/g, ''));
      return box ? { value: box.value, count } : null;
    });
    const check = name('a filter opens the search page with as many cases as it counted');
    if (!choice) {
      record(check, false, ['the form has no kind to choose']);
    } else {
      const problems = [];
      await page.check(`form[data-filter-search] input[name=typ][value="${choice.value}"]`);
      await Promise.all([page.waitForURL(/\/search\//, { timeout: TIMEOUT }), page.click('form[data-filter-search] button[type=submit]')]);
      const params = new URL(page.url()).searchParams;
      if (params.get('typ') !== choice.value) problems.push(`the search page got typ=${params.get('typ')}`);
      await page
        .waitForFunction(() => document.querySelectorAll('[data-search-list] > li').length > 0, null, { timeout: TIMEOUT })
        .catch(() => problems.push('no results within 15 s'));
      const state = await page.evaluate(() => ({
        status: document.querySelector('[data-search-status]')?.textContent.trim() ?? '',
        results: [...document.querySelectorAll('[data-search-list] > li a[href]')].map((a) => new URL(a.href).pathname),
        checked: [...document.querySelectorAll('[data-search-filters] input:checked')].map((b) => `${b.name}=${b.value}`),
      }));
      const total = Number((state.status.match(/^(\d+)/) ?? [NaN])[1]);
      if (total !== choice.count) problems.push(`the list said ${choice.count} for ${choice.value}, the search page says "${state.status}"`);
      if (!state.results.every((r) => r.startsWith(`${PREFIX}cases/`))) problems.push(`results outside /cases/: ${state.results.join(' ')}`);
      if (!state.checked.some((c) => c.endsWith(`=${choice.value}`))) problems.push(`the search page's filter for ${choice.value} is not checked (${state.checked.join(', ')})`);
      const note = `${choice.value} (${choice.count}): "${state.status}", filters ${state.checked.join(', ')}`;
      record(check, problems.length === 0, problems.length ? [...problems, note] : [note]);
    }
    record(name('no console errors'), errors.length === 0, errors);

    // Without JavaScript: the cases and the pager, no form that could not work.
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    try {
      const plain = await noJs.newPage();
      await plain.goto(base + 'cases/');
      const s = await plain.evaluate(() => ({
        cards: document.querySelectorAll('.cards > li').length,
        form: document.querySelector('form[data-filter-search]')?.hidden ?? null,
        pager: !!document.querySelector('nav.pages'),
      }));
      const ok = s.cards === 3 && s.form === true && s.pager;
      record(name('without JavaScript: the cases and the pager, the form hidden'), ok, [JSON.stringify(s)]);
    } finally {
      await noJs.close();
    }
  } finally {
    await context.close();
    await new Promise((r) => server.close(r));
  }
}
