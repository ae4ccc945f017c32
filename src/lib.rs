//! inspira: a static site generator for comparative knowledge bases of strategies.
//!
//! The pipeline reads `content/` (cases, vocabularies, pages), validates it into a [`site::Site`],
//! derives the comparison indexes ([`compare`]), renders pages with Tera ([`render`]) and swaps the
//! result into the output folder ([`output`]).

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
