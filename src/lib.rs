//! inspira: a static site generator for comparative knowledge bases of strategies.
//!
//! The pipeline reads `content/` (cases, vocabularies, pages), validates it into a [`site::Site`],
//! derives the comparison indexes ([`compare`]), renders pages with Tera ([`render`]) into a staging
//! folder while the search index is built from the content ([`search`]), and swaps the result into the output folder
//! ([`output`]). `inspira serve` keeps the prepared site and re-renders only what an edit touches
//! ([`incremental`]).

pub mod compare;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod export;
pub mod incremental;
pub mod markdown;
pub mod output;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod search;
pub mod serve;
pub mod site;
pub mod validate;
pub mod vocabulary;
