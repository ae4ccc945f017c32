// inspira's search engine for the browser: reads the static index that `inspira build` writes
// (src/search/index.rs) and answers queries with ranked results, facet counts and excerpts.
//
//   const index = await open("/kb/search-index/");
//   const { results, counts, total } = await index.search("bostäder", { filters: { Innehåll: ["Fall"] } });
//   const page = await results[0].data(); // { url, title, filters, excerpt }
//
// Words are keyed exactly as src/search/text.rs keys them: runs of letters and digits, lowercased;
// Swedish stemmed with Snowball's Swedish algorithm (3.0, as the Rust crate pagefind_stem) and folded
// (diacritics dropped); other languages kept under their prefix ("en:area"). A query word matches its
// own key, the keys it is a slightly longer form of (definite forms the stemmer keeps: "-n", "-et"),
// and, for the last word, the keys it begins (so results come while typing). Several words must all
// match. Runs the same in Node (for the test suite) when given a `load` function.

const FORMAT_VERSION = 1;
/// How much a kind of match counts against an exact one.
const EXACT = 1;
const SHORTER = 0.7; // the index has a key the query word extends by one or two letters
const PREFIX = 0.35; // the query word begins the key
/// Shortest key that a longer query word may match, and by at most how many letters longer.
const SHORTER_MIN = 4;
const SHORTER_MAX = 2;
/// Shortest query word that matches the keys it begins, and how many chunks such a word may read.
const PREFIX_MIN = 3;
const PREFIX_CHUNKS = 3;
/// Words in an excerpt, and how many of them come before the first match.
const EXCERPT_WORDS = 30;
const EXCERPT_BEFORE = 6;

// Soft hyphens (U+00AD) are part of a word and then dropped: "Integrations\u00ADstrategi" is one word.
const WORD = /[\p{Alphabetic}\p{N}\u00AD]+/gu;
const SOFT_HYPHEN = /\u00AD/g;

/** The lowercase form of a matched word, without soft hyphens ("" when it was only hyphens). */
function clean(word) {
  return word.replace(SOFT_HYPHEN, "").toLowerCase();
}

/** The words of a text, lowercased (as `text::words`). */
export function words(text) {
  return (text.match(WORD) ?? []).map(clean).filter((w) => w !== "");
}

/** Drops accents and diacritics (as `text::fold`). */
export function fold(word) {
  return word.normalize("NFD").replace(/\p{M}/gu, "");
}

// ------------------------------------------------------------------ Snowball Swedish (3.0)

const VOWELS = new Set("aeiouyäåö");
const S_ENDING = new Set("bcdfghjklmnoprtvy");
const OST_ENDING = new Set("iklnprtuv");
const STEP1 = [
  "heterna", "hetens", "anden", "andes", "andet", "arens", "arnas", "ernas", "ornas", "heten", "heter",
  "arna", "erna", "orna", "ande", "arne", "aste", "aren", "ades", "erns", "ade", "are", "ern", "ens",
  "het", "ast", "ad", "en", "ar", "er", "or", "as", "es", "at", "et", "a", "e", "s",
];
const STEP2 = ["dd", "gd", "nn", "dt", "gt", "kt", "tt"];
const STEP3 = ["fullt", "lig", "els", "öst", "ig"];
const ET_EXCEPTIONS = [
  "fab", "h", "pak", "rak", "stak", "kom", "iet", "cit", "dit", "alit", "ilit", "mit", "nit", "pit",
  "rit", "sit", "tit", "uit", "ivit", "kvit", "xit",
];

/** Where R1 starts: after the first non-vowel that follows a vowel, and at least 3 letters in. */
function regionOne(w) {
  if (w.length < 3) return w.length;
  let i = 0;
  while (i < w.length && !VOWELS.has(w[i])) i++;
  if (i >= w.length) return w.length;
  i++;
  while (i < w.length && VOWELS.has(w[i])) i++;
  if (i >= w.length) return w.length;
  return Math.max(i + 1, 3);
}

/** Snowball's et-condition for the "et" that ends at `end` (the text before it). */
function etCondition(w, end) {
  // A non-vowel, before it a vowel, and before that at least one letter.
  if (end < 3) return false;
  if (VOWELS.has(w[end - 1]) || !VOWELS.has(w[end - 2])) return false;
  const before = w.slice(0, end);
  return !ET_EXCEPTIONS.some((e) => before.endsWith(e));
}

/** The longest of `suffixes` that ends `w` and starts in R1, or null. */
function longest(w, p1, suffixes) {
  let best = null;
  for (const s of suffixes) {
    if ((best === null || s.length > best.length) && w.endsWith(s) && w.length - s.length >= p1) best = s;
  }
  return best;
}

/** Stems a lowercase Swedish word. */
export function stemSwedish(word) {
  let w = word;
  const p1 = regionOne(w);
  // Step 1: main suffixes.
  const s1 = longest(w, p1, STEP1);
  if (s1 !== null) {
    const at = w.length - s1.length;
    if (s1 === "s") {
      if (w.slice(at - 2, at) === "et" && etCondition(w, at - 2)) w = w.slice(0, at - 2);
      else if (at >= 1 && S_ENDING.has(w[at - 1])) w = w.slice(0, at);
    } else if (s1 === "et") {
      if (etCondition(w, at)) w = w.slice(0, at);
    } else {
      w = w.slice(0, at);
    }
  }
  // Step 2: a double consonant in R1 loses its last letter.
  if (w.length - p1 >= 2 && STEP2.some((s) => w.endsWith(s))) w = w.slice(0, -1);
  // Step 3: other suffixes.
  const s3 = longest(w, p1, STEP3);
  if (s3 !== null) {
    const at = w.length - s3.length;
    if (s3 === "fullt") w = w.slice(0, at) + "full";
    else if (s3 === "öst") {
      if (at >= 1 && OST_ENDING.has(w[at - 1])) w = w.slice(0, at) + "ös";
    } else w = w.slice(0, at);
  }
  return w;
}

// ------------------------------------------------------------------ the index

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

async function gunzip(bytes) {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes; // a server already decompressed it
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Index of the last element of sorted `list` that is <= `key`. */
function floor(list, key) {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (list[mid] <= key) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index of the first element of sorted `list` that is >= `key`. */
function lowerBound(list, key) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Opens the index at `base` (a URL ending in "/"). `load(path)` may be given to read files some other
 * way than `fetch` (it returns a Uint8Array).
 */
export async function open(base, { load } = {}) {
  const read =
    load ??
    (async (path, fresh) => {
      const response = await fetch(base + path, fresh ? { cache: "no-cache" } : {});
      if (!response.ok) throw new Error(`${base}${path}: ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    });
  const decoder = new TextDecoder();
  const meta = JSON.parse(decoder.decode(await read("meta.json", true)));
  if (meta.version !== FORMAT_VERSION) throw new Error(`search index format ${meta.version}, expected ${FORMAT_VERSION}`);
  const version = `?v=${meta.build}`;
  const json = async (path) => JSON.parse(decoder.decode(await gunzip(await read(load ? path : path + version))));
  return new Index(meta, await json("filters.json.gz"), json);
}

class Index {
  constructor(meta, filters, json) {
    this.meta = meta;
    this.table = filters;
    this.json = json;
    this.chunks = new Map();
    this.stems = new Map();
    this.swedish = meta.language === "sv";
    this.other = meta.other ?? [];
  }

  /** The site-language key of a lowercase word. */
  key(word) {
    let key = this.stems.get(word);
    if (key === undefined) {
      key = fold(this.swedish ? stemSwedish(word) : word);
      this.stems.set(word, key);
    }
    return key;
  }

  chunk(i) {
    if (!this.chunks.has(i)) this.chunks.set(i, this.json(`terms/${i}.json.gz`));
    return this.chunks.get(i);
  }

  /** Every filter with each value's number of pages. */
  filters() {
    return this.count(null, {});
  }

  /** Whether page `p` has one of `values` (value indexes) in filter `f`. */
  has(f, p, values) {
    const v = this.table.pages[f][p];
    return Array.isArray(v) ? v.some((x) => values.has(x)) : values.has(v);
  }

  /** The chosen filters as [filter index, Set of value indexes]; unknown names and values are dropped. */
  chosen(filters) {
    const out = [];
    for (const [name, values] of Object.entries(filters ?? {})) {
      const f = this.table.names.indexOf(name);
      if (f < 0) continue;
      const list = (values.any ?? values).map((v) => this.table.values[f].indexOf(v)).filter((i) => i >= 0);
      if (list.length) out.push([f, new Set(list)]);
    }
    return out;
  }

  /**
   * Counts of every value over `pages` (null: every page), each filter counted with the other chosen
   * filters applied but not its own, so a count is what choosing that value would give.
   */
  count(pages, filters) {
    const chosen = this.chosen(filters);
    const n = pages ? pages.length : this.meta.pages;
    const counts = {};
    this.table.names.forEach((name, f) => {
      const tally = new Array(this.table.values[f].length).fill(0);
      const others = chosen.filter(([g]) => g !== f);
      for (let i = 0; i < n; i++) {
        const p = pages ? pages[i] : i;
        if (!others.every(([g, values]) => this.has(g, p, values))) continue;
        const v = this.table.pages[f][p];
        for (const x of Array.isArray(v) ? v : [v]) if (x >= 0) tally[x] += 1;
      }
      counts[name] = Object.fromEntries(this.table.values[f].map((value, i) => [value, tally[i]]));
    });
    return counts;
  }

  /** Page → score for one query word, and the keys it matched. */
  async matchWord(word, last) {
    const wanted = [];
    const key = this.key(word);
    wanted.push([key, EXACT]);
    for (const lang of this.other) wanted.push([`${lang}:${word}`, EXACT]);
    for (let n = key.length - 1; n >= Math.max(SHORTER_MIN, key.length - SHORTER_MAX); n--) wanted.push([key.slice(0, n), SHORTER]);
    const prefixes = last && key.length >= PREFIX_MIN ? [key, ...this.other.map((l) => `${l}:${word}`)] : [];

    const starts = this.meta.chunks;
    const needed = new Set(wanted.map(([k]) => floor(starts, k)));
    for (const prefix of prefixes) {
      let i = floor(starts, prefix);
      needed.add(i);
      for (let n = 0; n < PREFIX_CHUNKS && i + 1 < starts.length && starts[i + 1].startsWith(prefix); n++) needed.add(++i);
    }
    const loaded = new Map(await Promise.all([...needed].map(async (i) => [i, await this.chunk(i)])));

    const scores = new Map();
    const matched = new Map();
    const add = (chunk, at, weight) => {
      const list = chunk.postings[at];
      const df = list.length / 2;
      const n = this.meta.pages;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      matched.set(chunk.keys[at], Math.max(weight, matched.get(chunk.keys[at]) ?? 0));
      let page = 0;
      for (let j = 0; j < list.length; j += 2) {
        page += list[j];
        const score = (idf * weight * list[j + 1]) / 255;
        if (score > (scores.get(page) ?? 0)) scores.set(page, score);
      }
    };
    for (const [k, weight] of wanted) {
      const chunk = loaded.get(floor(starts, k));
      const at = lowerBound(chunk.keys, k);
      if (chunk.keys[at] === k) add(chunk, at, weight);
    }
    for (const prefix of prefixes) {
      for (const [, chunk] of [...loaded].sort((a, b) => a[0] - b[0])) {
        for (let at = lowerBound(chunk.keys, prefix); at < chunk.keys.length && chunk.keys[at].startsWith(prefix); at++) {
          if (chunk.keys[at] !== prefix) add(chunk, at, PREFIX);
        }
      }
    }
    return { scores, matched };
  }

  /**
   * Searches. `query` may be empty (every page, in the site's order); `filters` maps a filter name to
   * the values any of which a page must have ({ any: [...] } is accepted too).
   */
  async search(query, { filters = {} } = {}) {
    const list = words(query ?? "");
    const chosen = this.chosen(filters);
    const matched = new Map();
    let candidates;
    if (list.length === 0) {
      candidates = new Map(Array.from({ length: this.meta.pages }, (_, i) => [i, 0]));
    } else {
      const perWord = await Promise.all(list.map((w, i) => this.matchWord(w, i === list.length - 1)));
      perWord.sort((a, b) => a.scores.size - b.scores.size);
      candidates = new Map(perWord[0].scores);
      for (const { scores } of perWord.slice(1)) {
        for (const [page, score] of candidates) {
          const s = scores.get(page);
          if (s === undefined) candidates.delete(page);
          else candidates.set(page, score + s);
        }
      }
      for (const m of perWord) for (const [k, w] of m.matched) matched.set(k, Math.max(w, matched.get(k) ?? 0));
    }
    const unfiltered = [...candidates.keys()];
    const pages = unfiltered.filter((p) => chosen.every(([f, values]) => this.has(f, p, values)));
    pages.sort((a, b) => candidates.get(b) - candidates.get(a) || a - b);
    return {
      total: pages.length,
      counts: this.count(unfiltered, filters),
      results: pages.map((page) => ({
        page,
        score: candidates.get(page),
        data: () => this.page(page, matched),
      })),
    };
  }

  /** A page's URL, title, filters and an excerpt with the matched words in <mark>. */
  async page(page, matched) {
    const data = await this.json(`pages/${page}.json.gz`);
    const texts = [[null, data.text], ...(data.other ?? [])];
    let excerpt = null;
    for (const [lang, text] of texts) {
      excerpt = this.excerpt(text, matched, lang);
      if (excerpt.marks > 0) break;
    }
    if (!excerpt || excerpt.marks === 0) excerpt = this.excerpt(data.text, matched, null);
    return { url: data.url, title: data.title, filters: data.filters, excerpt: excerpt.html };
  }

  /**
   * About EXCERPT_WORDS words around the best run of matches (the most distinct matched keys, exact
   * matches counting more than partial ones), as escaped HTML with the matches in <mark>.
   */
  excerpt(text, matched, lang) {
    const tokens = [];
    for (const m of text.matchAll(WORD)) {
      const lower = clean(m[0]);
      if (lower === "") continue;
      const key = lang === null ? this.key(lower) : `${lang}:${lower}`;
      tokens.push({ start: m.index, end: m.index + m[0].length, hit: matched.has(key) ? key : null });
    }
    let bestHit = -1;
    let bestScore = 0;
    for (let i = 0; i < tokens.length; i++) {
      if (!tokens[i].hit) continue;
      const seen = new Set();
      let score = 0;
      for (let j = i; j < Math.min(tokens.length, i + EXCERPT_WORDS - EXCERPT_BEFORE); j++) {
        const hit = tokens[j].hit;
        if (hit && !seen.has(hit)) {
          seen.add(hit);
          score += matched.get(hit);
        }
      }
      if (score > bestScore + 1e-9) {
        bestHit = i;
        bestScore = score;
      }
    }
    const best = bestHit < 0 ? 0 : Math.max(0, bestHit - EXCERPT_BEFORE);
    const window = tokens.slice(best, best + EXCERPT_WORDS);
    if (window.length === 0) return { html: escapeHtml(text.slice(0, 200)), marks: 0 };
    let html = best > 0 ? "… " : "";
    let at = window[0].start;
    let marks = 0;
    for (const t of window) {
      html += escapeHtml(text.slice(at, t.start).replace(/\s+/g, " "));
      const w = escapeHtml(text.slice(t.start, t.end));
      html += t.hit ? `<mark>${w}</mark>` : w;
      if (t.hit) marks += 1;
      at = t.end;
    }
    if (best + EXCERPT_WORDS < tokens.length) html += " …";
    return { html, marks };
  }
}
