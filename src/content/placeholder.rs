//! The placeholders that `inspira new case` writes where a value has to come from the sources. The
//! skeleton is written with them and `inspira check` recognises them from this one definition, so
//! neither can change without the other.
//!
//! A placeholder is a value that no real case has, so that recognising one is never a false alarm:
//! the year 0000 (no source dates anything in it), a source id that says nothing about the source,
//! a key figure of 0 with no note explaining it, and the skeleton's instructions in the description.
//! Text fields are left as `""`, which `check` reports as empty.

use super::date::PartialDate;
use super::stated::SourcedDate;

/// The year of every date in the skeleton, written `0000`.
pub const YEAR: u16 = 0;

/// The id of the skeleton's one source, which all its `source:` fields name.
pub const SOURCE_ID: &str = "kalla-1";

/// The value of the skeleton's key figure. It counts as left from the skeleton only while the
/// figure's date or source is too: a real figure can be 0.
pub const FIGURE: f64 = 0.0;

/// How the skeleton's instructions in the description begin; the rest may be edited or not.
pub const DESCRIPTION_START: &str = "<!-- Beskriv exemplet med egna ord";

/// [`YEAR`] as the skeleton writes it in a date.
pub fn year() -> String {
    format!("{YEAR:04}")
}

/// [`YEAR`] as the skeleton writes it where a year is a number (a source's `year:`, which YAML
/// does not read with leading zeros).
pub fn year_number() -> String {
    YEAR.to_string()
}

/// [`FIGURE`] as the skeleton writes it.
pub fn figure() -> String {
    format!("{FIGURE}")
}

/// The skeleton's instructions in the description: an HTML comment, which the site does not show.
pub fn description() -> String {
    format!(
        "{DESCRIPTION_START}, under rubriker som ## Bakgrund, ## Så togs strategin fram,\n     \
         ## Organisation och styrning, ## Lärdomar och ## Framtiden. Länka till andra exempel med\n     \
         [namn](@/cases/<slug>.md). Den här kommentaren syns inte på webbplatsen: ta bort den. -->"
    )
}

/// Whether a date is the skeleton's.
pub fn is_year(date: &PartialDate) -> bool {
    date.year == YEAR
}

/// Whether a date as a source supports it (stated, approximate or derived) is the skeleton's.
pub fn is_sourced_year(date: &SourcedDate) -> bool {
    date.date().is_some_and(|d| is_year(&d))
}

/// Whether a key figure is the skeleton's: its value, with no note saying that it really is 0.
pub fn is_figure(value: f64, note: Option<&str>) -> bool {
    value == FIGURE && note.is_none_or(|n| n.trim().is_empty())
}

/// Whether a description still holds the skeleton's instructions.
pub fn in_description(body: &str) -> bool {
    body.contains(DESCRIPTION_START)
}
