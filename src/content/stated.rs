//! Values a source may leave out, and dates that carry how they were arrived at. "The source does not
//! say" is written into the file (`okänt`), so that `check` can tell it from a field forgotten.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::date::PartialDate;

/// The words that declare a value absent from the sources, in the order the docs give them.
pub const UNKNOWN_WORDS: [&str; 3] = ["okänt", "okänd", "unknown"];

/// Words before a year that make a date approximate: `omkring 2009`, `cirka 2009`, `about 2009`.
pub const APPROXIMATE_WORDS: [&str; 5] = ["omkring", "cirka", "ca", "about", "circa"];

fn is_unknown_word(s: &str) -> bool {
    UNKNOWN_WORDS
        .iter()
        .any(|w| s.trim().eq_ignore_ascii_case(w))
}

/// A value the source either gives, or is declared not to give (`okänt`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stated<T> {
    Known(T),
    NotInSource,
}

impl<T> Stated<T> {
    /// The value, when the source gives one.
    pub fn known(&self) -> Option<&T> {
        match self {
            Stated::Known(v) => Some(v),
            Stated::NotInSource => None,
        }
    }
}

impl Serialize for Stated<String> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Stated::Known(v) => serializer.serialize_str(v),
            Stated::NotInSource => serializer.serialize_str(UNKNOWN_WORDS[0]),
        }
    }
}

impl<'de> Deserialize<'de> for Stated<String> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(if is_unknown_word(&text) {
            Stated::NotInSource
        } else {
            Stated::Known(text)
        })
    }
}

impl schemars::JsonSchema for Stated<String> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "TextOrUnknown".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Text, or `okänt` (also `unknown`) when the sources do not say.",
            "type": "string"
        })
    }
}

/// A date as the source supports it: stated, approximate, derived from what the source says, or
/// declared unknown. The precision (day, month, year) is the [`PartialDate`]'s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourcedDate {
    /// The source gives the date: `2014-10`.
    Stated(PartialDate),
    /// The source gives it roughly: `omkring 2009`, or `{approximate: 2015, note: "i början av 2015"}`.
    Approximate {
        date: PartialDate,
        note: Option<String>,
    },
    /// Worked out from what the source says, with the reasoning: `{derived: 2009, note: "…"}`.
    Derived { date: PartialDate, note: String },
    /// The source gives no date: `okänt`.
    Unknown,
}

/// How a date was arrived at, for the views, the exports and the legends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provenance {
    Stated,
    Approximate,
    Derived,
    Unknown,
}

impl Provenance {
    /// The id used in exports, CSS classes and string keys (`date_derived`).
    pub fn id(self) -> &'static str {
        match self {
            Provenance::Stated => "stated",
            Provenance::Approximate => "approximate",
            Provenance::Derived => "derived",
            Provenance::Unknown => "unknown",
        }
    }
}

impl SourcedDate {
    /// The date, unless it is unknown.
    pub fn date(&self) -> Option<PartialDate> {
        match self {
            SourcedDate::Stated(d)
            | SourcedDate::Approximate { date: d, .. }
            | SourcedDate::Derived { date: d, .. } => Some(*d),
            SourcedDate::Unknown => None,
        }
    }

    pub fn provenance(&self) -> Provenance {
        match self {
            SourcedDate::Stated(_) => Provenance::Stated,
            SourcedDate::Approximate { .. } => Provenance::Approximate,
            SourcedDate::Derived { .. } => Provenance::Derived,
            SourcedDate::Unknown => Provenance::Unknown,
        }
    }

    /// The note explaining an approximate or derived date.
    pub fn note(&self) -> Option<&str> {
        match self {
            SourcedDate::Approximate { note, .. } => note.as_deref(),
            SourcedDate::Derived { note, .. } => Some(note),
            _ => None,
        }
    }

    /// Parses the one-line forms: `2014-10`, `omkring 2009`, `okänt`.
    pub fn parse(s: &str) -> Result<SourcedDate, String> {
        let s = s.trim();
        if is_unknown_word(s) {
            return Ok(SourcedDate::Unknown);
        }
        if let Some((word, rest)) = s.split_once(char::is_whitespace)
            && APPROXIMATE_WORDS
                .iter()
                .any(|w| word.trim_end_matches('.').eq_ignore_ascii_case(w))
        {
            return PartialDate::parse(rest)
                .map(|date| SourcedDate::Approximate { date, note: None });
        }
        PartialDate::parse(s).map(SourcedDate::Stated).map_err(|e| {
            // A date written wrong gets the date's own message; words get the other forms too.
            if s.starts_with(|c: char| c.is_ascii_digit()) {
                e
            } else {
                format!("{e}; write `omkring 2009` for an approximate date, `okänt` when the source gives none")
            }
        })
    }
}

impl From<PartialDate> for SourcedDate {
    fn from(date: PartialDate) -> Self {
        SourcedDate::Stated(date)
    }
}

impl fmt::Display for SourcedDate {
    /// The one-line form where there is one; derived dates print their date.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourcedDate::Stated(d) | SourcedDate::Derived { date: d, .. } => write!(f, "{d}"),
            SourcedDate::Approximate { date, .. } => write!(f, "{} {date}", APPROXIMATE_WORDS[0]),
            SourcedDate::Unknown => f.write_str(UNKNOWN_WORDS[0]),
        }
    }
}

impl Serialize for SourcedDate {
    /// As written in the front matter: a string, or the mapping for derived and annotated dates.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            SourcedDate::Approximate {
                date,
                note: Some(note),
            } => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("approximate", &date.to_string())?;
                map.serialize_entry("note", note)?;
                map.end()
            }
            SourcedDate::Derived { date, note } => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("derived", &date.to_string())?;
                map.serialize_entry("note", note)?;
                map.end()
            }
            other => serializer.collect_str(other),
        }
    }
}

/// The mapping form of a date, read with the file's own error messages (unknown fields and all).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DateFields {
    #[serde(default)]
    derived: Option<PartialDate>,
    #[serde(default)]
    approximate: Option<PartialDate>,
    #[serde(default)]
    note: Option<String>,
}

impl<'de> Deserialize<'de> for SourcedDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl<'de> Visitor<'de> for DateVisitor {
            type Value = SourcedDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date written YYYY-MM-DD, YYYY-MM or YYYY, `omkring YYYY`, `okänt`, or `derived:` with a `note:`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<SourcedDate, E> {
                SourcedDate::parse(v).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<SourcedDate, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<SourcedDate, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<SourcedDate, A::Error> {
                let fields = DateFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                match (fields.derived, fields.approximate, fields.note) {
                    (Some(date), None, Some(note)) if !note.trim().is_empty() => {
                        Ok(SourcedDate::Derived { date, note })
                    }
                    (Some(_), None, _) => Err(de::Error::custom(crate::diagnostics::own_error(
                        "yaml-derived-date-note",
                    ))),
                    (None, Some(date), note) => Ok(SourcedDate::Approximate { date, note }),
                    (Some(_), Some(_), _) => Err(de::Error::custom(crate::diagnostics::own_error(
                        "yaml-date-derived-and-approximate",
                    ))),
                    (None, None, _) => Err(de::Error::custom(crate::diagnostics::own_error(
                        "yaml-date-form",
                    ))),
                }
            }
        }
        deserializer.deserialize_any(DateVisitor)
    }
}

impl schemars::JsonSchema for SourcedDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SourcedDate".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let date = generator.subschema_for::<PartialDate>();
        schemars::json_schema!({
            "description": "A date as the source supports it: YYYY-MM-DD, YYYY-MM or YYYY; `omkring YYYY` when approximate; `okänt` when the source gives none; or a mapping `derived:` (worked out from the source) or `approximate:`, with a `note:`.",
            "anyOf": [
                date,
                {
                    "type": "string",
                    "pattern": APPROXIMATE_PATTERN
                },
                { "type": "string", "enum": UNKNOWN_WORDS },
                {
                    "type": "object",
                    "properties": { "derived": date, "note": { "type": "string", "minLength": 1 } },
                    "required": ["derived", "note"],
                    "additionalProperties": false
                },
                {
                    "type": "object",
                    "properties": { "approximate": date, "note": { "type": "string" } },
                    "required": ["approximate"],
                    "additionalProperties": false
                }
            ],
            "examples": ["2014-10", "omkring 2009", "okänt", { "derived": "2009", "note": "Omkring sju månader före beslutet i juni 2010." }]
        })
    }
}

/// The schema's pattern for `omkring 2009` and its synonyms.
const APPROXIMATE_PATTERN: &str =
    "^(omkring|cirka|ca\\.?|about|circa) [0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Result<SourcedDate, String> {
        serde_saphyr::from_str::<SourcedDate>(text).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_every_form() {
        let d = |s| PartialDate::parse(s).unwrap();
        assert_eq!(yaml("2014-10").unwrap(), SourcedDate::Stated(d("2014-10")));
        assert_eq!(yaml("2011").unwrap(), SourcedDate::Stated(d("2011")));
        assert_eq!(
            yaml("omkring 2009").unwrap(),
            SourcedDate::Approximate {
                date: d("2009"),
                note: None
            }
        );
        assert_eq!(yaml("okänt").unwrap(), SourcedDate::Unknown);
        assert_eq!(yaml("unknown").unwrap(), SourcedDate::Unknown);
        assert_eq!(
            yaml("derived: 2009\nnote: Sju månader före juni 2010.").unwrap(),
            SourcedDate::Derived {
                date: d("2009"),
                note: "Sju månader före juni 2010.".into()
            }
        );
    }

    #[test]
    fn a_derived_date_without_its_reasoning_is_refused() {
        let err = yaml("derived: 2009").unwrap_err();
        assert!(err.contains("yaml-derived-date-note"), "{err}");
        assert!(yaml("våren 2015").unwrap_err().contains("okänt"));
    }

    #[test]
    fn serialises_back_to_what_was_written() {
        for text in ["2014-10", "omkring 2009", "okänt"] {
            assert_eq!(SourcedDate::parse(text).unwrap().to_string(), text);
        }
    }
}
