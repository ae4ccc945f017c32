//! Words and index keys: how a text is cut into words and each word turned into the key it is indexed
//! under. The browser's engine (`engine.js`) does exactly the same to a query, so the two must change
//! together; the browser suite checks that every word of every indexed text gets the same key there.
//!
//! - A word is a run of alphabetic characters and digits (`[\p{Alphabetic}\p{N}]+` in JavaScript),
//!   lowercased.
//! - A word of the site's language (Swedish) is stemmed with Snowball's Swedish algorithm and then
//!   folded: accents and diacritics are dropped (`bostäder` → `bostäd` → `bostad`), so a query typed
//!   without them still matches, and an umlaut plural meets its singular.
//! - A word of another language (the vocabularies' English labels and definitions) is kept as it is,
//!   under a prefix of its language (`en:area`), so it never meets a Swedish word (`Åre` does not find
//!   `are`), and is not stemmed with the wrong language's rules.

use std::collections::HashMap;

use pagefind_stem::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A soft hyphen is part of the word it breaks, and is dropped: `Integrations\u{AD}strategi` is one word.
const SOFT_HYPHEN: char = '\u{AD}';

/// The words of a text, lowercased, in order.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphabetic() || c.is_numeric() || c == SOFT_HYPHEN))
        .map(|w| {
            if w.contains(SOFT_HYPHEN) {
                w.replace(SOFT_HYPHEN, "").to_lowercase()
            } else {
                w.to_lowercase()
            }
        })
        .filter(|w| !w.is_empty())
}

/// Drops accents and diacritics: `försörjning` → `forsorjning`, `é` → `e`.
pub fn fold(word: &str) -> String {
    word.nfd().filter(|c| !is_combining_mark(*c)).collect()
}

/// Turns words into index keys for one language, remembering the keys of words it has seen (a text of
/// thousands of words has a few hundred distinct ones).
pub struct Keys {
    stemmer: Option<Stemmer>,
    prefix: String,
    seen: HashMap<String, String>,
}

impl Keys {
    /// Keys for the site's own language: Swedish is stemmed and folded; any other language code is
    /// folded only.
    pub fn site(language: &str) -> Keys {
        Keys {
            stemmer: (language == "sv").then(|| Stemmer::create(Algorithm::Swedish)),
            prefix: String::new(),
            seen: HashMap::new(),
        }
    }

    /// Keys for text in another language than the site's: the lowercased word under the language's
    /// prefix (`en:`).
    pub fn foreign(language: &str) -> Keys {
        Keys {
            stemmer: None,
            prefix: format!("{language}:"),
            seen: HashMap::new(),
        }
    }

    /// The key of one lowercased word.
    pub fn key(&mut self, word: &str) -> &str {
        if !self.seen.contains_key(word) {
            let key = if !self.prefix.is_empty() {
                format!("{}{word}", self.prefix)
            } else {
                match &self.stemmer {
                    Some(stemmer) => fold(&stemmer.stem(word)),
                    None => fold(word),
                }
            };
            self.seen.insert(word.to_string(), key);
        }
        &self.seen[word]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        let mut keys = Keys::site("sv");
        words(text).map(|w| keys.key(&w).to_string()).collect()
    }

    #[test]
    fn words_are_lowercased_runs_of_letters_and_digits() {
        let words: Vec<String> = words("Botkyrka-modellen (2014): 11,7 %!").collect();
        assert_eq!(words, ["botkyrka", "modellen", "2014", "11", "7"]);
        let hyphenated: Vec<String> = super::words("Integrations\u{AD}strategier \u{AD}").collect();
        assert_eq!(hyphenated, ["integrationsstrategier"]);
    }

    #[test]
    fn inflected_forms_share_a_key_and_the_rest_differ_by_a_short_ending() {
        // One key: an umlaut plural and its definite form, with and without the diacritics.
        assert_eq!(keys("bostäder bostaden bostader"), ["bostad"; 3]);
        assert_eq!(keys("försörjning forsorjning"), ["forsorjning"; 2]);
        assert_eq!(keys("nyanlända nyanländ"), ["nyanland"; 2]);
        assert_eq!(keys("handlingsplan handlingsplanen"), ["handlingsplan"; 2]);
        // Forms the stemmer leaves apart differ by an ending of one to three letters, which is what
        // the browser's engine bridges (a query word also matches the keys it begins, and the keys
        // one or two letters shorter than it).
        assert_eq!(keys("bostad"), ["bost"]);
        assert_eq!(
            keys("civilsamhälle civilsamhället"),
            ["civilsamhall", "civilsamhallet"]
        );
        assert_eq!(
            keys("integrationsstrategi integrationsstrategin"),
            ["integrationsstrategi", "integrationsstrategin"]
        );
    }

    #[test]
    fn foreign_words_keep_their_letters_under_their_language() {
        let mut en = Keys::foreign("en");
        assert_eq!(en.key("area"), "en:area");
        assert_eq!(en.key("are"), "en:are");
        // The Swedish place name does not meet the English word.
        assert_eq!(keys("Åre"), ["are"]);
        assert_ne!(en.key("are"), keys("Åre")[0]);
    }

    #[test]
    fn other_site_languages_are_folded_but_not_stemmed() {
        let mut keys = Keys::site("en");
        assert_eq!(keys.key("housing"), "housing");
        assert_eq!(keys.key("café"), "cafe");
    }
}
