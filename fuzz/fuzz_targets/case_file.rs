//! Any bytes as a case file: reading, front matter, YAML, Markdown and the diagnostic renderer must
//! never panic, whatever a pull request contains.
#![no_main]

use std::path::{Path, PathBuf};

use inspira::content::parse_case;
use inspira::content::source::SourceFile;
use inspira::markdown::{self, Links, Origin};
use inspira::vocabulary::Vocabulary;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let source = SourceFile { path: PathBuf::from("content/cases/fuzz.md"), text: text.clone() };
    let vocabulary = Vocabulary::empty();
    let links = Links::new("/", ["fuzz"], ["om"], &vocabulary);
    match parse_case(source) {
        Ok(case) => {
            let origin = Origin { path: Path::new("content/cases/fuzz.md"), text: &text, first_line: Some(case.body_line) };
            let mut diagnostics = Vec::new();
            let rendered = markdown::render(&case.body, &links, origin, &mut diagnostics);
            assert!(!rendered.html.contains("<script"), "sanitizer let a script through");
            for d in diagnostics {
                let _ = d.render(false);
            }
        }
        Err(diagnostic) => {
            let _ = diagnostic.render(false);
        }
    }
    // The Markdown renderer on its own, with the whole input as body.
    let origin = Origin { path: Path::new("content/cases/fuzz.md"), text: &text, first_line: Some(1) };
    let mut diagnostics = Vec::new();
    let rendered = markdown::render(&text, &links, origin, &mut diagnostics);
    assert!(!rendered.html.contains("<script"), "sanitizer let a script through");
    for d in diagnostics {
        let _ = d.render(false);
    }
});
