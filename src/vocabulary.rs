//! Controlled vocabularies: the shared terms that make cases comparable.
//!
//! Unlike Zola's taxonomies, a term carries data of its own (labels, definition) and gets its own page.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::content::case::Ref;
use crate::content::source::SourceFile;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};

/// A comparison dimension that has its own vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dimension {
    FocusAreas,
    SuccessFactors,
    ProcessSteps,
}

impl Dimension {
    pub const ALL: [Dimension; 3] = [
        Dimension::FocusAreas,
        Dimension::SuccessFactors,
        Dimension::ProcessSteps,
    ];

    /// The id used in file names and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            Dimension::FocusAreas => "focus-areas",
            Dimension::SuccessFactors => "success-factors",
            Dimension::ProcessSteps => "process-steps",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.slug() == slug)
    }

    pub fn file_name(self) -> String {
        format!("{}.yaml", self.slug())
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// One vocabulary file as written.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VocabularyFile {
    pub title: String,
    #[serde(default)]
    pub title_en: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    pub terms: Vec<Term>,
}

/// A shared term of one dimension.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    #[schemars(with = "String")]
    pub id: Ref,
    pub label: String,
    #[serde(default)]
    pub label_en: Option<String>,
    pub definition: String,
    #[serde(default)]
    pub definition_en: Option<String>,
}

/// The terms of one dimension, in the order the file lists them, with an index by id.
#[derive(Debug, Clone)]
pub struct DimensionTerms {
    pub dimension: Dimension,
    pub file: VocabularyFile,
    index: BTreeMap<String, usize>,
}

impl DimensionTerms {
    pub fn terms(&self) -> &[Term] {
        &self.file.terms
    }

    pub fn get(&self, id: &str) -> Option<&Term> {
        self.index.get(id).map(|&i| &self.file.terms[i])
    }

    /// Position of the term in the file's order.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.file.terms.iter().map(|t| t.id.value.as_str())
    }

    /// Each term's id with each name it goes by (the id itself, its Swedish and English labels), for
    /// suggesting the id when a contributor writes a label.
    pub fn names(&self) -> impl Iterator<Item = (&str, &str)> {
        self.file.terms.iter().flat_map(|t| {
            let id = t.id.value.as_str();
            [Some(id), Some(t.label.as_str()), t.label_en.as_deref()]
                .into_iter()
                .flatten()
                .map(move |name| (id, name))
        })
    }
}

/// All three vocabularies.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    dimensions: Vec<DimensionTerms>,
}

impl Vocabulary {
    pub fn dimension(&self, dimension: Dimension) -> &DimensionTerms {
        &self.dimensions[dimension as usize]
    }

    pub fn dimensions(&self) -> impl Iterator<Item = &DimensionTerms> {
        self.dimensions.iter()
    }

    /// A vocabulary without terms, for tools that parse content without a site (the fuzzer).
    pub fn empty() -> Vocabulary {
        let dimensions = Dimension::ALL
            .into_iter()
            .map(|dimension| DimensionTerms {
                dimension,
                file: VocabularyFile {
                    title: dimension.slug().to_string(),
                    title_en: None,
                    description: None,
                    terms: Vec::new(),
                },
                index: BTreeMap::new(),
            })
            .collect();
        Vocabulary { dimensions }
    }

    /// Loads `content/vocabulary/<dimension>.yaml` for every dimension.
    pub fn load(root: &Path) -> Result<Vocabulary, Diagnostics> {
        let mut diagnostics = Diagnostics::new();
        let mut dimensions = Vec::new();
        for dimension in Dimension::ALL {
            let relative = Path::new("content")
                .join("vocabulary")
                .join(dimension.file_name());
            if !root.join(&relative).is_file() {
                diagnostics.push(
                    Diagnostic::error(
                        Code::MissingVocabulary,
                        crate::msg!("missing-vocabulary", vocabulary = dimension.to_string()),
                    )
                    .in_file(&relative)
                    .help(crate::msg!(
                        "missing-vocabulary-help",
                        file = relative.display().to_string().replace('\\', "/")
                    )),
                );
                continue;
            }
            match load_dimension(root, &relative, dimension) {
                Ok(d) => dimensions.push(d),
                Err(errors) => diagnostics.extend(errors),
            }
        }
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        Ok(Vocabulary { dimensions })
    }
}

fn load_dimension(
    root: &Path,
    relative: &Path,
    dimension: Dimension,
) -> Result<DimensionTerms, Diagnostics> {
    let source = SourceFile::read(root, relative)?;
    let file: VocabularyFile = source.parse_yaml(&source.text, 1)?;
    let mut diagnostics = Diagnostics::new();
    let mut index = BTreeMap::new();
    for (i, term) in file.terms.iter().enumerate() {
        let id = &term.id;
        let line = id.referenced.line() as usize;
        let column = id.referenced.column() as usize;
        if let Err(problem) = crate::content::check_slug(&id.value) {
            diagnostics.push(
                Diagnostic::error(
                    Code::BadTermId,
                    crate::msg!("bad-term-id", id = &id.value, problem = problem),
                )
                .in_file(relative)
                .at(&source.text, line, column, id.value.chars().count())
                .help(crate::msg!("bad-term-id-help")),
            );
        }
        if index.insert(id.value.clone(), i).is_some() {
            diagnostics.push(
                Diagnostic::error(
                    Code::DuplicateTerm,
                    crate::msg!("duplicate-term", id = &id.value),
                )
                .in_file(relative)
                .at(&source.text, line, column, id.value.chars().count())
                .help(crate::msg!("duplicate-term-help")),
            );
        }
    }
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    Ok(DimensionTerms {
        dimension,
        file,
        index,
    })
}
