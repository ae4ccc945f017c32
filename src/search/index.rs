//! Builds the static search index from records, in parallel: every text is cut into keys
//! ([`super::text`]), each key gets a posting list of (page, impact) pairs, and the sorted keys are
//! cut into chunks that the browser fetches by key range.
//!
//! The files, below the bundle folder (all but `meta.json` gzip-compressed JSON):
//!
//! - `meta.json`: the format version, the site's language, a build id (for cache busting), the number
//!   of pages, and the first key of each chunk. It is all the browser needs to start.
//! - `terms/N.json.gz`: chunk N, `{"keys": [...], "postings": [[page, impact, Δpage, impact, ...], ...]}`,
//!   pages as gaps from the previous one. A key's document frequency is its list's length / 2.
//! - `filters.json.gz`: every filter's values and, per filter, each page's value indexes, so that the
//!   browser counts the values of any result set (and of an empty query) without another request.
//! - `pages/N.json.gz`: page N's URL, title, filter values and text, fetched for the results shown,
//!   to make their excerpts.
//!
//! The impact is a page's BM25 term weight (length-normalised term frequency, title words counted
//! extra) times the page's own weight, scaled to 1–255; the browser multiplies it by the key's inverse
//! document frequency. Positions are not stored: the excerpt is found in the page's text.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;

use flate2::Compression;
use flate2::write::GzEncoder;
use rayon::prelude::*;
use serde::Serialize;

use super::Record;
use super::text::{Keys, words};

/// The index format's version; `engine.js` refuses any other.
pub const FORMAT_VERSION: u32 = 1;

/// BM25's term-frequency saturation.
const K1: f32 = 1.2;
/// BM25's length normalisation (0: none, 1: full). Low, so that a long case that discusses a word
/// at length is not outranked by every one-sentence page that mentions it once.
const B: f32 = 0.3;
/// How many extra occurrences a word of the title counts as.
const TITLE_BOOST: f32 = 4.0;
/// About how many bytes of uncompressed JSON a chunk holds before the next key starts a new one;
/// a key whose postings alone are larger gets a chunk of its own.
const CHUNK_BYTES: usize = 48 * 1024;

/// One built file: its path below the bundle folder and its bytes.
pub type File = (String, Vec<u8>);

/// What one page contributes to the index.
struct Analysed {
    /// Key → weighted term frequency, sorted by key.
    terms: Vec<(String, f32)>,
    /// Words in the page.
    length: f32,
}

/// Cuts a record into keys and counts them, title words counted extra.
fn analyse(
    record: &Record,
    language: &str,
    site: &mut Keys,
    foreign: &mut ForeignKeys,
) -> Analysed {
    let mut counts: HashMap<String, f32> = HashMap::new();
    let mut length = 0.0;
    for word in words(&record.content) {
        *counts.entry(site.key(&word).to_string()).or_default() += 1.0;
        length += 1.0;
    }
    for (lang, text) in &record.other_languages {
        let keys = foreign.get(lang, language);
        for word in words(text) {
            *counts.entry(keys.key(&word).to_string()).or_default() += 1.0;
            length += 1.0;
        }
    }
    for word in words(&record.title) {
        *counts.entry(site.key(&word).to_string()).or_default() += TITLE_BOOST;
    }
    let mut terms: Vec<(String, f32)> = counts.into_iter().collect();
    terms.sort_by(|a, b| a.0.cmp(&b.0));
    Analysed { terms, length }
}

/// Keys per foreign language, made as they are met.
#[derive(Default)]
struct ForeignKeys(BTreeMap<String, Keys>);

impl ForeignKeys {
    fn get(&mut self, lang: &str, site_language: &str) -> &mut Keys {
        self.0.entry(lang.to_string()).or_insert_with(|| {
            if lang == site_language {
                Keys::site(lang)
            } else {
                Keys::foreign(lang)
            }
        })
    }
}

#[derive(Serialize)]
struct Meta<'a> {
    version: u32,
    language: &'a str,
    build: String,
    pages: usize,
    /// The other languages whose words are keyed under their prefix (`en`).
    other: Vec<&'a str>,
    chunks: Vec<&'a str>,
}

#[derive(Serialize)]
struct Chunk<'a> {
    keys: Vec<&'a str>,
    postings: Vec<Vec<u32>>,
}

#[derive(Serialize)]
struct Filters {
    names: Vec<String>,
    values: Vec<Vec<String>>,
    /// Per filter, per page: the value's index, -1 for none, or a list when a page has several.
    pages: Vec<Vec<serde_json::Value>>,
}

#[derive(Serialize)]
struct Page<'a> {
    url: &'a str,
    title: &'a str,
    filters: &'a BTreeMap<String, Vec<String>>,
    text: &'a str,
    /// Texts in other languages, as `[language, text]`.
    other: &'a [(String, String)],
}

/// Builds every file of the index from the records, numbered in the order given.
pub fn build(language: &str, records: &[Record]) -> Result<Vec<File>, String> {
    let analysed: Vec<Analysed> = records
        .par_iter()
        .map_init(
            || (Keys::site(language), ForeignKeys::default()),
            |(site, foreign), record| analyse(record, language, site, foreign),
        )
        .collect();

    let average =
        (analysed.iter().map(|a| a.length).sum::<f32>() / analysed.len().max(1) as f32).max(1.0);
    let mut postings: HashMap<&str, Vec<(u32, u8)>> = HashMap::new();
    for (page, (a, record)) in analysed.iter().zip(records).enumerate() {
        let norm = K1 * (1.0 - B + B * a.length / average);
        for (key, tf) in &a.terms {
            let weight = tf * (K1 + 1.0) / (tf + norm) * record.weight;
            let impact = (weight / (K1 + 1.0) * 255.0).round().clamp(1.0, 255.0) as u8;
            postings.entry(key).or_default().push((page as u32, impact));
        }
    }
    let mut keys: Vec<(&str, Vec<(u32, u8)>)> = postings.into_iter().collect();
    keys.sort_unstable_by(|a, b| a.0.cmp(b.0));

    // Cut the sorted keys into chunks of about CHUNK_BYTES.
    let mut bounds = vec![0];
    let mut size = 0;
    for (i, (key, list)) in keys.iter().enumerate() {
        let bytes = key.len() + 6 + list.len() * 7;
        if size > 0 && size + bytes > CHUNK_BYTES {
            bounds.push(i);
            size = 0;
        }
        size += bytes;
    }
    bounds.push(keys.len());
    let ranges: Vec<(usize, usize)> = bounds.windows(2).map(|w| (w[0], w[1])).collect();

    let chunks: Vec<Vec<u8>> = ranges
        .par_iter()
        .map(|&(start, end)| {
            let slice = &keys[start..end];
            let chunk = Chunk {
                keys: slice.iter().map(|(k, _)| *k).collect(),
                postings: slice.iter().map(|(_, list)| gaps(list)).collect(),
            };
            gzip(&json(&chunk)?)
        })
        .collect::<Result<_, String>>()?;

    let pages: Vec<Vec<u8>> = records
        .par_iter()
        .map(|r| {
            gzip(&json(&Page {
                url: &r.url,
                title: &r.title,
                filters: &r.filters,
                text: &r.content,
                other: &r.other_languages,
            })?)
        })
        .collect::<Result<_, String>>()?;

    let filters = gzip(&json(&filter_table(records))?)?;

    let mut files: Vec<File> = Vec::with_capacity(chunks.len() + pages.len() + 2);
    files.push(("filters.json.gz".into(), filters));
    for (i, bytes) in chunks.into_iter().enumerate() {
        files.push((format!("terms/{i}.json.gz"), bytes));
    }
    for (i, bytes) in pages.into_iter().enumerate() {
        files.push((format!("pages/{i}.json.gz"), bytes));
    }
    let mut hasher = crc32fast::Hasher::new();
    for (name, bytes) in &files {
        hasher.update(name.as_bytes());
        hasher.update(bytes);
    }
    let meta = Meta {
        version: FORMAT_VERSION,
        language,
        build: format!("{:08x}", hasher.finalize()),
        pages: records.len(),
        other: records
            .iter()
            .flat_map(|r| r.other_languages.iter().map(|(lang, _)| lang.as_str()))
            .filter(|lang| *lang != language)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect(),
        // The first chunk starts at the empty key, so that every key falls in some chunk.
        chunks: ranges
            .iter()
            .map(|&(start, _)| if start == 0 { "" } else { keys[start].0 })
            .collect(),
    };
    files.push(("meta.json".into(), json(&meta)?));
    Ok(files)
}

/// A posting list as `[page, impact, Δpage, impact, ...]`.
fn gaps(list: &[(u32, u8)]) -> Vec<u32> {
    let mut out = Vec::with_capacity(list.len() * 2);
    let mut previous = 0;
    for &(page, impact) in list {
        out.push(page - previous);
        out.push(u32::from(impact));
        previous = page;
    }
    out
}

/// Every filter's values in order, and each page's values as indexes into them.
fn filter_table(records: &[Record]) -> Filters {
    let mut values: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for record in records {
        for (name, vs) in &record.filters {
            values
                .entry(name)
                .or_default()
                .extend(vs.iter().map(String::as_str));
        }
    }
    let names: Vec<String> = values.keys().map(|n| n.to_string()).collect();
    let lists: Vec<Vec<&str>> = values
        .values()
        .map(|vs| vs.iter().copied().collect())
        .collect();
    let pages = names
        .iter()
        .zip(&lists)
        .map(|(name, list)| {
            records
                .iter()
                .map(|r| {
                    let indexes: Vec<usize> = r
                        .filters
                        .get(name)
                        .into_iter()
                        .flatten()
                        .filter_map(|v| list.iter().position(|x| x == v))
                        .collect();
                    match indexes.as_slice() {
                        [] => serde_json::Value::from(-1),
                        [one] => serde_json::Value::from(*one),
                        many => serde_json::Value::from(many.to_vec()),
                    }
                })
                .collect()
        })
        .collect();
    Filters {
        names,
        values: lists
            .into_iter()
            .map(|l| l.into_iter().map(String::from).collect())
            .collect(),
        pages,
    }
}

fn json(value: &impl Serialize) -> Result<Vec<u8>, String> {
    serde_json::to_vec(value).map_err(|e| e.to_string())
}

/// gzip at level 6: within about 1 % of level 9's size, at half its time.
fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut encoder = GzEncoder::new(Vec::with_capacity(bytes.len() / 3), Compression::new(6));
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}
