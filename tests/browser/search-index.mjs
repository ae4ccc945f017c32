// The built search index, read by the browser's own engine (search-index/engine.js) in Node:
//
// 1. The engine keys every word of every indexed text exactly as the Rust indexer did: every key it
//    makes from a page's text is in the index (a Snowball port or tokenizer that drifted would lose
//    pages silently).
// 2. The query set (tests/search-queries.json): each query finds the pages it must, at the ranks it
//    must; prints recall and the expected pages' ranks.
//
//   node tests/browser/search-index.mjs BUILD_DIR [PREFIX]      (standalone: prints "N passed, N failed")
//   import { checkSearchIndex } from './search-index.mjs'     (from run.mjs, with its `record`)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const QUERIES = path.join(REPO_ROOT, 'tests', 'search-queries.json');

/** Opens the index in `dir` with the engine shipped in it. */
export async function openIndex(dir) {
  const engine = await import(pathToFileURL(path.join(dir, 'engine.js')).href);
  const index = await engine.open('', { load: async (p) => new Uint8Array(fs.readFileSync(path.join(dir, p))) });
  return { engine, index };
}

/** Every key in the index. */
async function allKeys(index) {
  const keys = new Set();
  for (let i = 0; i < index.meta.chunks.length; i++) for (const k of (await index.chunk(i)).keys) keys.add(k);
  return keys;
}

/** The kind of a result by its path: case, term or page. */
function kindOf(rel) {
  if (/^cases\/[^/]+\/$/.test(rel)) return 'case';
  if (rel.startsWith('terms/')) return 'term';
  return 'page';
}

export async function checkSearchIndex({ BUILD_DIR, PREFIX, record }) {
  const dir = path.join(BUILD_DIR, 'search-index');
  if (!fs.existsSync(path.join(dir, 'meta.json'))) {
    record('search index: search-index/meta.json exists', false, [`${dir} has no meta.json`]);
    return;
  }
  const { engine, index } = await openIndex(dir);

  // 1. Same keys on both sides.
  {
    const keys = await allKeys(index);
    const missing = new Map();
    let words = 0;
    for (let p = 0; p < index.meta.pages; p++) {
      const page = await index.json(`pages/${p}.json.gz`);
      for (const w of engine.words(page.text)) {
        words += 1;
        const k = index.key(w);
        if (!keys.has(k)) missing.set(w, k);
      }
      for (const [lang, text] of page.other ?? []) {
        for (const w of engine.words(text)) {
          words += 1;
          if (!keys.has(`${lang}:${w}`)) missing.set(w, `${lang}:${w}`);
        }
      }
    }
    const sample = [...missing].slice(0, 10).map(([w, k]) => `"${w}" → "${k}" is not in the index`);
    record(
      'search index › the browser engine keys every indexed word as the indexer did',
      missing.size === 0,
      missing.size ? [`${missing.size} of the words differ`, ...sample] : [`${words} words on ${index.meta.pages} pages, ${keys.size} keys, all found`],
    );
  }

  // 2. The query set.
  const { queries } = JSON.parse(fs.readFileSync(QUERIES, 'utf8'));
  const urls = new Map();
  const urlOf = async (p) => {
    if (!urls.has(p)) urls.set(p, (await index.json(`pages/${p}.json.gz`)).url);
    return urls.get(p);
  };
  const pathsOf = async (query) => {
    const found = await index.search(query);
    const out = [];
    for (const r of found.results) {
      const url = await urlOf(r.page);
      out.push(url.startsWith(PREFIX) ? url.slice(PREFIX.length) : url);
    }
    return out;
  };
  let wanted = 0;
  let foundCount = 0;
  for (const q of queries) {
    const problems = [];
    const paths = await pathsOf(q.query);
    const ranks = [];
    for (const want of q.find ?? []) {
      wanted += 1;
      const rank = paths.indexOf(want) + 1;
      if (rank === 0) problems.push(`${want} is not found`);
      else {
        foundCount += 1;
        ranks.push(`${want} #${rank}`);
      }
    }
    for (const [want, worst] of Object.entries(q.top ?? {})) {
      const rank = paths.indexOf(want) + 1;
      if (rank === 0 || rank > worst) problems.push(`${want} is ${rank ? `#${rank}` : 'not found'}, expected #${worst} or better`);
    }
    if (q.first && paths.length && kindOf(paths[0]) !== q.first) problems.push(`the first result is ${paths[0]} (a ${kindOf(paths[0])}), expected a ${q.first}`);
    if (q.not_first && paths[0] === q.not_first) problems.push(`${q.not_first} comes first`);
    if (q.no_results_under) {
      const under = paths.filter((p) => p.startsWith(q.no_results_under));
      if (under.length) problems.push(`results under ${q.no_results_under}: ${under.join(', ')}`);
    }
    if (q.same_as) {
      const other = await pathsOf(q.same_as);
      const a = [...paths].sort().join(' ');
      const b = [...other].sort().join(' ');
      if (a !== b) problems.push(`"${q.query}" finds ${paths.length} pages, "${q.same_as}" ${other.length}: ${paths.filter((p) => !other.includes(p)).concat(other.filter((p) => !paths.includes(p))).join(', ')} differ`);
    }
    record(`search index › "${q.query}" finds what it must`, problems.length === 0, [
      ...problems,
      `${paths.length} results; ${ranks.join(', ') || 'no expected pages'}; first: ${paths.slice(0, 3).join(', ')}`,
    ]);
  }
  console.log(`     · query set recall: ${foundCount} of ${wanted} expected pages found`);
}

// Standalone.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const results = [];
  const record = (name, ok, details) => {
    results.push(ok);
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
    for (const d of details) console.log(`     ${ok ? '·' : '-'} ${d}`);
  };
  await checkSearchIndex({ BUILD_DIR: path.resolve(process.argv[2] ?? 'public'), PREFIX: process.argv[3] ?? '/', record });
  const passed = results.filter(Boolean).length;
  console.log(`${passed} passed, ${results.length - passed} failed`);
  process.exitCode = passed === results.length ? 0 : 1;
}
