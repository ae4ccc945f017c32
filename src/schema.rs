//! JSON Schemas of the content files, generated from the Rust types, so that editors can validate and
//! autocomplete while a contributor types. With a vocabulary, term fields list the site's term ids.

use schemars::generate::SchemaSettings;
use serde_json::{Value, json};

use crate::content::case::CaseMeta;
use crate::vocabulary::{Dimension, Vocabulary, VocabularyFile};

/// Where the committed schemas live, relative to the site root.
pub const CASE_SCHEMA_PATH: &str = "schema/case.schema.json";
pub const VOCABULARY_SCHEMA_PATH: &str = "schema/vocabulary.schema.json";

/// The schema of a case's front matter; term fields are enumerations when a vocabulary is given.
pub fn case_schema(vocabulary: Option<&Vocabulary>) -> Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<CaseMeta>().to_value();
    schema["title"] = json!("inspira case front matter");
    if let Some(vocabulary) = vocabulary {
        let ids =
            |d: Dimension| -> Value { vocabulary.dimension(d).ids().collect::<Vec<_>>().into() };
        for (property, dimension) in [
            ("focus_areas", Dimension::FocusAreas),
            ("success_factors", Dimension::SuccessFactors),
        ] {
            if let Some(items) = schema.pointer_mut(&format!("/properties/{property}/items")) {
                *items = json!({
                    "$ref": "#/$defs/TermUse",
                    "properties": { "term": { "enum": ids(dimension) } }
                });
            }
        }
        if let Some(step) = schema.pointer_mut("/$defs/ProcessStep/properties/step") {
            step["enum"] = ids(Dimension::ProcessSteps);
        }
    }
    schema
}

/// The schema of a vocabulary file.
pub fn vocabulary_schema() -> Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator
        .into_root_schema_for::<VocabularyFile>()
        .to_value();
    schema["title"] = json!("inspira vocabulary file");
    schema
}

/// Pretty JSON with a final newline, as committed.
pub fn to_pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}
