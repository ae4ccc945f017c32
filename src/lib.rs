//! inspira: a static site generator for comparative knowledge bases of strategies.
//!
//! The pipeline reads `content/` (cases, vocabularies, pages) and the [`theme`], validates it into a
//! [`site::Site`], derives the comparison indexes ([`compare`]), builds what templates see once
//! ([`view`]), lists every page with its context and dependencies ([`pages`], at the URLs that
//! [`routes`] owns), renders them with Tera on all cores ([`render`]) into a staging folder while
//! the search index is built from the content ([`search`]), and swaps the result into the output
//! folder ([`output`]). `inspira serve` keeps the views and re-renders only what an edit touches
//! ([`incremental`]).

pub mod compare;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod export;
pub mod incremental;
pub mod markdown;
pub mod model;
pub mod output;
pub mod pages;
pub mod render;
pub mod routes;
pub mod scaffold;
pub mod schema;
pub mod search;
pub mod serve;
pub mod site;
pub mod theme;
pub mod validate;
pub mod view;
pub mod vocabulary;
